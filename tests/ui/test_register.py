"""Pilot: registration by 实人认证, and the fall-back to the reserved phone after face failures."""
from __future__ import annotations

from textual.widgets import ContentSwitcher

from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.register import RegisterScreen
from tests.conftest import last_sms_code
from tests.ui.conftest import field_error, press_enter_in, screen_text, set_input, settle


async def _open(pilot, kiosk_app, p, phone):
    await pilot.click("#register")
    await settle(pilot)
    assert isinstance(kiosk_app.screen, RegisterScreen)
    set_input(kiosk_app, "name", p.name)
    set_input(kiosk_app, "id_number", p.id_number)
    set_input(kiosk_app, "phone", phone)
    await pilot.click("#to-face")
    await settle(pilot)


async def test_register_with_face_check(kiosk_app, env, people):
    p = people["new_user"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        await pilot.click("#to-face")  # empty form
        await settle(pilot)
        assert "姓名" in field_error(kiosk_app, "name")
        assert "身份证号码" in field_error(kiosk_app, "id_number") and "手机号码" in field_error(kiosk_app, "phone")
        set_input(kiosk_app, "name", p.name)
        set_input(kiosk_app, "id_number", p.id_number)
        set_input(kiosk_app, "phone", "1380013800")
        await settle(pilot)  # the three messages gone: 下一步 is three rows higher up
        await pilot.click("#to-face")
        await settle(pilot)
        assert "11位" in field_error(kiosk_app, "phone")
        set_input(kiosk_app, "phone", "13800138001")
        keypad = kiosk_app.screen.query_one(".keypad-box")
        assert keypad.display  # typing the form at 120x40: the number pad is there
        await press_enter_in(pilot, "phone")  # Enter after the last field goes on, as 下一步 does
        await settle(pilot)
        assert not keypad.display  # nothing to type on the face-check step
        await pilot.click("#face-start")
        await settle(pilot)
        assert "138****8001" in screen_text(kiosk_app) and keypad.display  # back for the code
        await pilot.click("#send-code")
        await settle(pilot)
        set_input(kiosk_app, "code", last_sms_code(env, "13800138001"))
        await press_enter_in(pilot, "code")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)
        assert kiosk_app.citizen is not None and kiosk_app.citizen.name == p.name


async def test_face_failures_offer_the_reserved_phone(kiosk_app, env, people):
    p = people["face_fails"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, kiosk_app, p, "13800138002")
        link = kiosk_app.screen.query_one("#to-online")
        for attempt in range(env.settings.face_max_failures):
            assert link.has_class("hidden")
            await pilot.click("#face-start")
            await settle(pilot)
            assert "未通过" in screen_text(kiosk_app)
        assert not link.has_class("hidden") and "不能再试" in screen_text(kiosk_app)
        start = kiosk_app.screen.query_one("#face-start")
        assert start.disabled and not start.display  # no fourth try, and no button that looks like one
        assert "开始人脸识别" not in screen_text(kiosk_app)
        assert kiosk_app.focused is link
        await pilot.click("#to-online")
        await settle(pilot)
        set_input(kiosk_app, "reserved_phone", "13800138002")  # not the reserved one
        await press_enter_in(pilot, "reserved_phone")  # Enter checks it, as 下一步 does
        await settle(pilot)
        assert "不一致" in field_error(kiosk_app, "reserved_phone")
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-reserved_phone")
        set_input(kiosk_app, "reserved_phone", p.phone)
        await pilot.click("#online-check")
        await settle(pilot)
        await pilot.click("#send-code")
        await settle(pilot)
        set_input(kiosk_app, "code", last_sms_code(env, p.phone))
        await pilot.click("#finish")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)


async def test_another_person_after_the_failures_gets_the_face_check_again(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, kiosk_app, people["face_fails"], "13800138002")
        for _ in range(env.settings.face_max_failures):
            await pilot.click("#face-start")
            await settle(pilot)
        assert kiosk_app.screen.query_one("#face-start").disabled
        assert not kiosk_app.screen.query_one("#face-start").display
        await pilot.click("#face-back")
        await settle(pilot)
        p = people["new_user"]
        set_input(kiosk_app, "name", p.name)
        set_input(kiosk_app, "id_number", p.id_number)
        await pilot.click("#to-face")
        await settle(pilot)
        assert not kiosk_app.screen.query_one("#face-start").disabled
        assert kiosk_app.screen.query_one("#face-start").display and "开始人脸识别" in screen_text(kiosk_app)
        assert kiosk_app.screen.query_one("#to-online").has_class("hidden")
        await pilot.click("#face-start")
        await settle(pilot)
        assert kiosk_app.screen.query_one(ContentSwitcher).current == "step-code"  # passed: on to the code


async def test_enter_in_each_field_moves_on_and_after_the_last_goes_on(kiosk_app, env, people):
    """As on the 登录 screen: Enter after 姓名 goes to 身份证号码, after it to 手机号码, after that to
    the face check (the tester's finding 12a: Enter did nothing in the first two)."""
    p = people["new_user"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        screen = kiosk_app.screen
        assert kiosk_app.focused is screen.query_one("#input-name")
        for name, value in (("name", p.name), ("id_number", p.id_number), ("phone", "13800138003")):
            assert kiosk_app.focused is screen.query_one(f"#input-{name}")
            await pilot.press(*value)
            await pilot.press("enter")
            await settle(pilot)
        assert screen.query_one(ContentSwitcher).current == "step-face"
        assert screen.applicant is not None and screen.applicant.name == p.name


async def test_a_name_that_is_not_chinese_characters_is_refused_next_to_the_field(kiosk_app, env, people):
    """王😀芳 once became an account name (and the emoji shifted the header): the form now stays on
    its first step with the rule next to 姓名, keeping what was typed, and nobody is registered."""
    p = people["new_user"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        set_input(kiosk_app, "name", "王😀芳")
        set_input(kiosk_app, "id_number", p.id_number)
        set_input(kiosk_app, "phone", "13800138009")
        await pilot.click("#to-face")
        await settle(pilot)
        assert field_error(kiosk_app, "name") == "姓名只能包含汉字（少数民族姓名可含间隔号・）"
        assert kiosk_app.screen.query_one("#step-info").display
        assert kiosk_app.screen.query_one("#input-id_number").value == p.id_number
        assert kiosk_app.screen.applicant is None
        set_input(kiosk_app, "name", p.name)
        await pilot.click("#to-face")
        await settle(pilot)
        assert field_error(kiosk_app, "name") == "" and kiosk_app.screen.applicant.name == p.name


async def test_the_step_bar_names_the_reserved_phone_step(kiosk_app, env, people):
    """Tester's finding: on 在线注册 (after the face check failed 3 times) the bar still read
    2.人脸识别; it names the step the citizen is on, and the face check again on the way back."""
    from kiosk.ui.widgets.stepbar import StepBar

    def bar() -> str:
        return kiosk_app.screen.query_one(StepBar).render().plain

    p = people["face_fails"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, kiosk_app, p, "13800138002")
        assert "2.人脸识别" in bar()
        for _ in range(env.settings.face_max_failures):
            kiosk_app.screen.query_one("#face-start").press()
            await settle(pilot)
        assert "2.人脸识别" in bar()
        await pilot.press("enter")  # 改用驾驶证/机动车预留手机号注册 has the focus
        await settle(pilot)
        assert kiosk_app.screen.query_one(ContentSwitcher).current == "step-online"
        assert "2.预留手机号核查" in bar() and "人脸识别" not in bar()
        kiosk_app.screen.query_one("#online-back").press()
        await settle(pilot)
        assert "2.人脸识别" in bar()
        kiosk_app.screen.query_one("#to-online").press()
        await settle(pilot)
        set_input(kiosk_app, "reserved_phone", p.phone)
        await press_enter_in(pilot, "reserved_phone")
        await settle(pilot)
        assert kiosk_app.screen.query_one(ContentSwitcher).current == "step-code"
        assert "2.预留手机号核查" in bar() and "3.短信验证" in bar()


async def test_another_phone_after_a_code_was_sent_gets_its_own_code_at_once(kiosk_app, env, people):
    """Back to 填写信息 for another number: the step is for that number, with no line naming the old
    one and no resend wait of the old one's (tester: 重新发送（41秒） under 验证码已发送至 139****4444)."""
    p = people["new_user"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, kiosk_app, p, "13800138001")
        await pilot.click("#face-start")
        await settle(pilot)
        await pilot.click("#send-code")
        await settle(pilot)
        set_input(kiosk_app, "code", "12")  # half typed
        button = kiosk_app.screen.query_one("#send-code")
        assert button.disabled and "138****8001" in screen_text(kiosk_app)
        for _ in range(2):  # 人脸识别, then 填写信息
            await pilot.press("escape")
            await settle(pilot)
        set_input(kiosk_app, "phone", "13800138009")
        await pilot.click("#to-face")
        await settle(pilot)
        await pilot.click("#face-start")
        await settle(pilot)
        step = " ".join(str(kiosk_app.screen.query_one(f"#{w}").render()) for w in ("code-hint", "code-sent"))
        assert "138****8009" in step and "138****8001" not in step  # (the demo phone bar still shows that SMS)
        assert not button.disabled and kiosk_app.screen.query_one("#input-code").value == ""
        await pilot.click("#send-code")
        await settle(pilot)
        set_input(kiosk_app, "code", last_sms_code(env, "13800138009"))
        await press_enter_in(pilot, "code")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)
