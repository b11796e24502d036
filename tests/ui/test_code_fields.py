"""Pilot: a refused SMS code is taken out of its field (message kept, focus in it), so the right
code can be typed at once, on every screen with a code field (登录, 注册, the generic service
flow, 考试预约). The tester typed 000000, was told 「验证码错误，还可尝试4次」, and the right code
was then refused by the 6-digit limit, whose message replaced the one about the code."""
from __future__ import annotations

from textual.widgets import Button

from kiosk.ui.screens.home import HomeScreen
from tests.conftest import last_sms_code
from tests.ui.conftest import ask_for_a_code, field_error, screen_text, set_input, settle, sign_in
from tests.ui.test_booking_wizard import mark_rows, query, to_sessions
from tests.ui.test_register import _open as open_register


async def type_keys(pilot, text: str) -> None:
    await pilot.press(*text)
    await pilot.pause()


async def wrong_then_right(pilot, phone: str, env) -> None:
    """The code was just sent (the focus is in the code field): a wrong code typed and Enter,
    then the right one typed and Enter, key by key as a citizen does."""
    app = pilot.app
    code_input = app.screen.query_one("#input-code")
    assert app.focused is code_input
    real = last_sms_code(env, phone)
    await type_keys(pilot, "000000" if real != "000000" else "111111")
    await type_keys(pilot, "7")  # a seventh digit: the limit says 位, not 个字
    assert field_error(app, "code") == "最多可输入6位，超出部分未输入"
    await pilot.press("enter")
    await settle(pilot)
    assert field_error(app, "code") == "验证码错误，还可尝试4次"  # emptied, the message kept
    assert code_input.value == "" and app.focused is code_input
    assert "验证码错误，还可尝试4次" in screen_text(app)
    await type_keys(pilot, real)
    assert code_input.value == real and "最多可输入" not in field_error(app, "code")
    await pilot.press("enter")
    await settle(pilot)


async def test_sign_in_after_a_wrong_code(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        await wrong_then_right(pilot, p.phone, env)
        assert isinstance(kiosk_app.screen, HomeScreen)


async def test_register_after_a_wrong_code(kiosk_app, env, people):
    p = people["new_user"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_register(pilot, kiosk_app, p, "13800138001")
        await pilot.click("#face-start")
        await settle(pilot)
        await pilot.click("#send-code")
        await settle(pilot)
        await wrong_then_right(pilot, "13800138001", env)
        assert isinstance(kiosk_app.screen, HomeScreen) and kiosk_app.citizen.name == p.name


async def test_service_flow_after_a_wrong_code(kiosk_app, env, people):
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
        await wrong_then_right(pilot, "13800138000", env)
        assert "业务流水号" in screen_text(kiosk_app)


async def test_booking_after_a_wrong_code(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_sessions(pilot, env, p, 2)
        await query(pilot, "2026-12-04", "2026-12-10")
        await mark_rows(pilot, 1)
        kiosk_app.screen.query_one("#next-sessions", Button).press()  # a click may land on the phone bar
        await settle(pilot)
        kiosk_app.screen.query_one("#send-code", Button).press()
        await settle(pilot)
        await wrong_then_right(pilot, p.phone, env)
        assert "业务流水号" in screen_text(kiosk_app)


async def test_a_text_field_still_counts_characters(kiosk_app, env, people):
    """个字 stays for text: the 姓名 at 注册 (30 characters)."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        kiosk_app.screen.query_one("#input-name").focus()
        await type_keys(pilot, "a" * 31)
        assert field_error(kiosk_app, "name") == "最多可输入30个字，超出部分未输入"


async def test_a_code_too_short_stays_for_the_digit_left_out(kiosk_app, env, people):
    """Five digits and Enter: 请输入短信中的6位数字验证码, and the five stay, so the sixth is added
    (tester: the field was emptied and an elderly citizen had to type all six again)."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        code_input = kiosk_app.screen.query_one("#input-code")
        real = last_sms_code(env, p.phone)
        await type_keys(pilot, real[:5])
        await pilot.press("enter")
        await settle(pilot)
        assert field_error(kiosk_app, "code") == "请输入短信中的6位数字验证码"
        assert code_input.value == real[:5] and kiosk_app.focused is code_input
        await type_keys(pilot, real[5])
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)
