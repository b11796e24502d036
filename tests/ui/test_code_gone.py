"""Pilot: a code the service refuses as gone takes the line 验证码已发送至 ...，5分钟内有效。 with it,
on every screen with a code (tester: after 5 wrong tries, 验证码错误次数过多，已失效，请重新获取 stood
under it at 登录, 注册, the services and 考试预约). A code used meanwhile (验证码已使用: on a second
kiosk with the same account) also stops the 重新发送 countdown: a new code may be asked for at once."""
from __future__ import annotations

from textual.widgets import Button

from kiosk.services import codes
from tests.conftest import last_sms_code
from tests.ui.conftest import ask_for_a_code, field_error, set_input, settle, sign_in
from tests.ui.test_booking_wizard import to_confirm_with_one
from tests.ui.test_register import _open as open_register

NEW_PHONE = "13800138000"


def sent_line(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#code-sent").render()).strip()


def resend(app) -> Button:  # type: ignore[no-untyped-def]
    return app.screen.query_one("#send-code", Button)


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


async def five_wrong_tries(pilot, code: str) -> None:  # type: ignore[no-untyped-def]
    """The code field filled with a wrong code and submitted (its Enter) five times: dead."""
    for n in range(5):
        set_input(pilot.app, "code", wrong(code))
        pilot.app.screen.query_one("#submit", Button).press()
        await settle(pilot)
        if n < 4:
            assert field_error(pilot.app, "code") == f"验证码错误，还可尝试{4 - n}次"
            assert "5分钟内有效" in sent_line(pilot.app)  # still good: the line stays
    assert field_error(pilot.app, "code") == codes.DEAD
    assert sent_line(pilot.app) == ""


async def test_a_dead_code_at_sign_in_no_longer_says_it_was_sent(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        assert "5分钟内有效" in sent_line(kiosk_app)
        await five_wrong_tries(pilot, last_sms_code(env, p.phone))
        # the resend wait still holds (the server's rule): the countdown runs on, then a new code
        assert resend(kiosk_app).disabled
        env.clock.advance(seconds=61)
        resend(kiosk_app).start_countdown(0)  # the button's own 60 s over too
        await settle(pilot)
        assert not resend(kiosk_app).disabled and str(resend(kiosk_app).label) == "重新发送"
        await pilot.click("#send-code")
        await settle(pilot)
        assert "5分钟内有效" in sent_line(kiosk_app) and field_error(kiosk_app, "code") == ""


async def test_a_dead_code_at_register_no_longer_says_it_was_sent(kiosk_app, env, people):
    p = people["new_user"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_register(pilot, kiosk_app, p, NEW_PHONE)
        await pilot.click("#face-start")
        await settle(pilot)
        await pilot.click("#send-code")
        await settle(pilot)
        assert "5分钟内有效" in sent_line(kiosk_app)
        # 注册's submit button is 完成注册 (#finish): the helper's #submit is the sign-in one
        code = last_sms_code(env, NEW_PHONE)
        for _ in range(5):
            set_input(kiosk_app, "code", wrong(code))
            kiosk_app.screen.query_one("#finish", Button).press()
            await settle(pilot)
        assert field_error(kiosk_app, "code") == codes.DEAD
        assert sent_line(kiosk_app) == ""


async def test_a_dead_code_at_exam_booking_no_longer_says_it_was_sent(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_confirm_with_one(pilot, env, p)
        await pilot.click("#send-code")
        await settle(pilot)
        assert "5分钟内有效" in sent_line(kiosk_app)
        await five_wrong_tries(pilot, last_sms_code(env, p.phone))


async def test_a_dead_code_is_said_when_the_booking_comes_back_to_its_last_step(kiosk_app, env, people):
    """Tester: after 5 wrong tries, 上一步 and 下一步 brought 确认并提交 back with 输入发送到您绑定的手机
    ... 的6位验证码后点击【预约】, as if the dead code could still be typed; the line says it is gone
    and to press 重新发送. The same after the code expired unused."""
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_confirm_with_one(pilot, env, p)
        await pilot.click("#send-code")
        await settle(pilot)
        await five_wrong_tries(pilot, last_sms_code(env, p.phone))

        async def back_and_forth() -> str:
            await pilot.press("escape")  # 上一步
            await settle(pilot)
            kiosk_app.screen.query_one("#next-sessions", Button).press()
            await settle(pilot)
            return str(kiosk_app.screen.query_one("#code-hint").render())

        hint = await back_and_forth()
        assert "验证码已失效" in hint and "【重新发送】" in hint and "输入发送到" not in hint
        env.clock.advance(seconds=61)
        resend(kiosk_app).start_countdown(0)
        await settle(pilot)
        await pilot.click("#send-code")  # a new code: usable again
        await settle(pilot)
        hint = await back_and_forth()
        assert "已失效" not in hint and "输入发送到" in hint
        env.clock.advance(seconds=env.settings.code_ttl_seconds + 1)  # that one expires unused
        await pilot.pause(1.2)  # the button's tick sees it
        hint = await back_and_forth()
        assert "验证码已失效" in hint


async def _contact_change_with_a_code(pilot, env, p) -> str:  # type: ignore[no-untyped-def]
    """变更驾驶证联系方式 at 确认并提交, a code sent to the new phone: that code."""
    await sign_in(pilot, env, p.id_number, p.phone)
    await pilot.click("#menu-licence_contact")
    await settle(pilot)
    set_input(pilot.app, "phone", NEW_PHONE)
    pilot.app.screen.query_one("#next", Button).press()
    await settle(pilot)
    await pilot.click("#send-code")
    await settle(pilot)
    assert "5分钟内有效" in sent_line(pilot.app)
    return last_sms_code(env, NEW_PHONE)


async def test_a_dead_code_in_a_service_no_longer_says_it_was_sent(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        code = await _contact_change_with_a_code(pilot, env, people["driver_normal"])
        await five_wrong_tries(pilot, code)


async def test_a_code_used_on_another_kiosk_stops_the_countdown(kiosk_app, env, people):
    """The same code typed on a second kiosk after the first took it: 验证码已使用, and 重新发送 is
    ready at once (the server takes a new request after a used code); the new code works."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        code = await _contact_change_with_a_code(pilot, env, people["driver_normal"])
        assert resend(kiosk_app).disabled and "秒" in str(resend(kiosk_app).label)
        with env.db.write() as s:  # the other kiosk (same terminal key: 验证码已使用) takes it
            assert codes.consume_code(s, env, NEW_PHONE, "licence_contact", code) is None
        set_input(kiosk_app, "code", code)
        kiosk_app.screen.query_one("#submit", Button).press()
        await settle(pilot)
        assert field_error(kiosk_app, "code") == codes.USED
        assert sent_line(kiosk_app) == ""
        assert not resend(kiosk_app).disabled and str(resend(kiosk_app).label) == "重新发送"
        await pilot.pause(1.2)  # a tick of the button: it stays ready
        assert not resend(kiosk_app).disabled
        await pilot.click("#send-code")
        await settle(pilot)
        new = last_sms_code(env, NEW_PHONE)
        assert new != code and "5分钟内有效" in sent_line(kiosk_app) and resend(kiosk_app).disabled
        set_input(kiosk_app, "code", new)
        kiosk_app.screen.query_one("#submit", Button).press()
        await settle(pilot)
        assert kiosk_app.screen.query_one("#step-done").display


async def test_a_code_used_on_another_kiosk_at_sign_in_stops_the_countdown(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        code = last_sms_code(env, p.phone)
        with env.db.write() as s:
            assert codes.consume_code(s, env, p.phone, "login", code) is None
        set_input(kiosk_app, "code", code)
        await pilot.click("#submit")
        await settle(pilot)
        assert field_error(kiosk_app, "code") == codes.USED and sent_line(kiosk_app) == ""
        assert not resend(kiosk_app).disabled and str(resend(kiosk_app).label) == "重新发送"
