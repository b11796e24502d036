"""Pilot: a 短信验证码 field holds nothing but digits, on every screen with one (登录, 注册, a service
form's 确认并提交, 考试预约). The tester typed 证码 with an input method and both went in as two of the
code's 6. Other characters typed or pasted are refused, said under the field; full-width digits
become ASCII, as in the phone fields."""
from __future__ import annotations

from textual import events
from textual.widgets import Button

from kiosk.ui.screens.home import HomeScreen
from tests.conftest import last_sms_code
from tests.ui.conftest import ask_for_a_code, field_error, set_input, settle, sign_in
from tests.ui.test_booking_wizard import mark_rows, query, to_sessions
from tests.ui.test_register import _open as open_register

ONLY_DIGITS = "短信验证码只能输入数字"


async def digits_only(pilot) -> None:
    """The code field has the focus: letters and Chinese refused, full-width digits kept as ASCII."""
    app = pilot.app
    code = app.screen.query_one("#input-code")
    assert app.focused is code
    await pilot.press("1", "2", "证", "码")
    await settle(pilot)
    assert code.value == "12" and field_error(app, "code") == ONLY_DIGITS
    await pilot.press("３", "a", "X")
    await settle(pilot)
    assert code.value == "123" and field_error(app, "code") == ONLY_DIGITS
    await pilot.press("4")
    await settle(pilot)
    assert code.value == "1234" and field_error(app, "code") == ""  # a digit typed: the message goes
    code.post_message(events.Paste("验证码56"))  # refused whole: nothing of it goes in
    await settle(pilot)
    assert code.value == "1234" and field_error(app, "code") == ONLY_DIGITS
    code.value = ""
    code.post_message(events.Paste("１２３ ４５６"))
    await settle(pilot)
    assert code.value == "123456" and field_error(app, "code") == ""


async def test_sign_in_code_takes_digits_only(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        await digits_only(pilot)
        set_input(kiosk_app, "code", "")
        await pilot.press(*"".join(chr(ord(c) + 0xFEE0) for c in last_sms_code(env, p.phone)), "enter")  # ０-９
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)


async def test_register_code_takes_digits_only(kiosk_app, env, people):
    p = people["new_user"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_register(pilot, kiosk_app, p, "13800138001")
        await pilot.click("#face-start")
        await settle(pilot)
        await pilot.click("#send-code")
        await settle(pilot)
        await digits_only(pilot)


async def test_service_form_code_takes_digits_only(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        set_input(kiosk_app, "phone", "13800138000")
        set_input(kiosk_app, "address", "重庆市渝北区新南路1号")
        await pilot.click("#next")
        await settle(pilot)
        await pilot.click("#send-code")
        await settle(pilot)
        await digits_only(pilot)


async def test_booking_code_takes_digits_only(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_sessions(pilot, env, p, 2)
        await query(pilot, "2026-12-04", "2026-12-10")
        await mark_rows(pilot, 1)
        kiosk_app.screen.query_one("#next-sessions", Button).press()
        await settle(pilot)
        kiosk_app.screen.query_one("#send-code", Button).press()
        await settle(pilot)
        await digits_only(pilot)
