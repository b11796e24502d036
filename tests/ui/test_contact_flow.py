"""Pilot: the two contact-change services through the generic flow, 网办进度 and 消息."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import DrivingLicence, Vehicle
from kiosk.ui.screens.flow import ApplicationFlowScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.records import InboxScreen, ProgressScreen
from tests.conftest import last_sms_code
from tests.ui.conftest import field_error, press_enter_in, screen_error, screen_text, set_input, settle, sign_in, sign_out

NEW_PHONE = "13800138000"


async def _open(pilot, env, person, service: str) -> None:
    """Sign ``person`` in and open a service from the home menu."""
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click(f"#menu-{service}")
    await settle(pilot)


async def test_licence_contact_change_end_to_end(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "licence_contact")
        assert isinstance(kiosk_app.screen, ApplicationFlowScreen)
        # a bad phone is explained next to the field
        set_input(kiosk_app, "phone", "12345")
        await pilot.click("#next")
        await settle(pilot)
        assert "11位" in field_error(kiosk_app, "phone")
        set_input(kiosk_app, "phone", NEW_PHONE)
        set_input(kiosk_app, "address", "重庆市渝北区新南路1号")
        await press_enter_in(pilot, "address")  # Enter in a field goes on, as 下一步 does
        await settle(pilot)
        assert "138****8000" in screen_text(kiosk_app)
        # Back keeps what was typed
        await pilot.click("#prev")
        await settle(pilot)
        assert kiosk_app.screen.query_one("#input-phone").value == NEW_PHONE
        await pilot.click("#next")
        await settle(pilot)
        # submitting without a code is refused and nothing changes
        await pilot.click("#submit")
        await settle(pilot)
        assert "验证码" in field_error(kiosk_app, "code")
        await pilot.click("#send-code")
        await settle(pilot)
        assert "验证码已发送至 138****8000" in screen_text(kiosk_app)
        set_input(kiosk_app, "code", last_sms_code(env, NEW_PHONE))
        await press_enter_in(pilot, "code")
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "业务流水号" in text and "已办结" in text
        with env.db.read() as s:
            lic = s.scalar(select(DrivingLicence).where(DrivingLicence.archive_no == f"5001{p.seq:08d}"))
            assert lic.phone == NEW_PHONE and lic.address == "重庆市渝北区新南路1号"
        await pilot.click("#to-progress")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ProgressScreen)
        text = screen_text(kiosk_app)
        assert "变更驾驶证联系方式" in text and "已办结" in text and "办理过程" in text
        await pilot.click("#back")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)
        assert "未读" in str(kiosk_app.screen.query_one("#menu-inbox").label)
        await pilot.click("#menu-inbox")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, InboxScreen)
        assert "变更驾驶证联系方式" in screen_text(kiosk_app)


async def test_a_new_phone_typed_after_a_code_was_sent_gets_its_own_code(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "licence_contact")
        set_input(kiosk_app, "phone", "13800138111")  # a typo, noticed after the code went out
        await pilot.click("#next")
        await settle(pilot)
        await pilot.click("#send-code")
        await settle(pilot)
        button = kiosk_app.screen.query_one("#send-code")
        assert button.disabled and "重新发送" in str(button.label)
        set_input(kiosk_app, "code", "123456")
        await pilot.click("#prev")
        await settle(pilot)
        set_input(kiosk_app, "phone", NEW_PHONE)
        await pilot.click("#next")
        await settle(pilot)
        assert not button.disabled and str(button.label) == "发送验证码"
        assert kiosk_app.screen.query_one("#input-code").value == ""
        await pilot.click("#send-code")
        await settle(pilot)
        set_input(kiosk_app, "code", last_sms_code(env, NEW_PHONE))
        await pilot.click("#submit")
        await settle(pilot)
        assert "已办结" in screen_text(kiosk_app)


async def test_vehicle_address_change_needs_no_code(kiosk_app, env, people):
    p = people["two_cars"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "vehicle_contact")
        radios = list(kiosk_app.screen.query("RadioButton"))
        assert len(radios) == 2
        await pilot.click(radios[1])
        await settle(pilot)
        # nothing changed yet: refused with a reason
        await pilot.click("#next")
        await settle(pilot)
        assert "相同" in field_error(kiosk_app, "phone")
        set_input(kiosk_app, "address", "重庆市江北区观音桥步行街8号")
        await pilot.click("#next")
        await settle(pilot)
        assert not kiosk_app.screen.query_one("#code-box").display
        await pilot.click("#submit")
        await settle(pilot)
        assert "已办结" in screen_text(kiosk_app)
        plate = radios[1].name
        with env.db.read() as s:
            v = s.scalar(select(Vehicle).where(Vehicle.plate == plate))
            assert v.address == "重庆市江北区观音桥步行街8号"


@pytest.mark.parametrize(("key", "reason"), [("no_licence", "没有机动车驾驶证"), ("revoked", "吊销")])
async def test_no_usable_licence_gets_a_clear_message(kiosk_app, env, people, key, reason):
    """No licence, or one 吊销 (the form used to open for it, as it did for 注销 and 锁定)."""
    p = people[key]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "licence_contact")
        assert reason in screen_error(kiosk_app)
        assert "请稍候" not in screen_text(kiosk_app)  # the loading line gave way to the reason
        assert not kiosk_app.screen.query_one("#next").display
        assert kiosk_app.focused is kiosk_app.screen.query_one("#back")
        await pilot.click("#back")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)


async def test_my_licence_and_vehicles(kiosk_app, env, people):
    p = people["two_cars"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-my_licence")
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "C1E" in text and "正常" in text and f"5001{p.seq:08d}" in text
        await pilot.click("#back")
        await settle(pilot)
        await pilot.click("#menu-my_vehicles")
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "2辆" in text and "渝A8D2Q7" in text and "渝AD12345" in text


async def test_sign_out_returns_to_start_and_forgets(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await sign_out(pilot)
        assert kiosk_app.citizen is None and len(kiosk_app.screen_stack) == 1
        assert p.name not in screen_text(kiosk_app)
        assert [n.message for n in kiosk_app._notifications] == ["已退出登录，欢迎再次使用。"]
        await pilot.click("#register")  # the next citizen does not get the last one's goodbye
        await settle(pilot)
        assert not list(kiosk_app._notifications)


async def test_form_starts_on_its_first_field(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "licence_contact")
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-phone")
        await pilot.press(*"13800138000")
        await pilot.press("tab")
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-address")


async def test_typing_past_a_fields_limit_is_explained_next_to_it(kiosk_app, env, people):
    """Textual refuses a character (or a whole paste) that would go over max_length with only a bell."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "licence_contact")
        field = kiosk_app.screen.query_one("#input-address")
        set_input(kiosk_app, "address", "重庆市渝中区" + "解" * 94)  # 100, the limit
        field.focus()
        await pilot.press("end", "x")
        await settle(pilot)
        assert field.value.endswith("解") and len(field.value) == 100
        assert field_error(kiosk_app, "address") == "最多可输入100个字，超出部分未输入"
        await pilot.press("backspace")  # correcting it: the message goes
        await settle(pilot)
        assert field_error(kiosk_app, "address") == ""
        field.insert_text_at_cursor("很长的一段地址" * 5)  # a paste that would go over: refused whole
        await settle(pilot)
        assert len(field.value) == 99 and "最多可输入100个字" in field_error(kiosk_app, "address")
        phone = kiosk_app.screen.query_one("#input-phone")
        phone.focus()
        await pilot.press(*"13923000", "space", *"01099")  # 13 digits, a space between (README tester)
        await settle(pilot)
        assert phone.value == "13923000010"
        assert field_error(kiosk_app, "phone") == "最多可输入11位，超出部分未输入"


async def test_an_expired_code_no_longer_says_it_was_sent_and_valid(kiosk_app, env, people):
    """After 5 minutes the code is refused as expired: the line 验证码已发送至 ...，5分钟内有效。
    went with it (a tester saw both side by side)."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "licence_contact")
        set_input(kiosk_app, "phone", NEW_PHONE)
        await pilot.click("#next")
        await settle(pilot)
        await pilot.click("#send-code")
        await settle(pilot)
        assert "验证码已发送至 138****8000，5分钟内有效" in _code_sent_line(kiosk_app)
        code = last_sms_code(env, NEW_PHONE)
        env.clock.advance(minutes=6)
        set_input(kiosk_app, "code", code)
        await press_enter_in(pilot, "code")
        await settle(pilot)
        assert "验证码已过期，请重新获取" in field_error(kiosk_app, "code")
        assert _code_sent_line(kiosk_app) == ""


def _code_sent_line(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#code-sent").render()).strip()


async def test_enter_in_a_field_moves_on_to_the_next_and_only_the_last_goes_on(kiosk_app, env, people):
    """Enter after the new phone number goes to 联系地址, not past it to 确认并提交 (where the next
    Enter pressed 发送验证码 before the citizen had checked anything); Enter there is 下一步."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "licence_contact")
        kiosk_app.screen.query_one("#input-phone").focus()
        await pilot.pause()
        await pilot.press(*NEW_PHONE, "enter")
        await settle(pilot)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-address")
        assert "验证码将发送至新号码" not in screen_text(kiosk_app)
        await pilot.press("end", *"1", "enter")
        await settle(pilot)
        assert "138****8000" in screen_text(kiosk_app)
        assert "验证码已发送" not in screen_text(kiosk_app)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_an_address_field_takes_the_forms_width(kiosk_app, env, people, size):
    """联系地址 (up to 100 characters) was 48 columns like a phone's: 23 characters of it on view, a
    longer one scrolled past its start (tester). It is as wide as the form; the phone stays 48."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=size) as pilot:
        await _open(pilot, env, p, "licence_contact")
        screen = kiosk_app.screen
        address, phone = screen.query_one("#input-address"), screen.query_one("#input-phone")
        form = screen.query_one("#field-address")
        assert address.region.width == form.content_region.width
        assert phone.region.width == min(48, form.content_region.width)
        if size == (120, 40):
            assert address.region.width > 60
