"""Pilot: a phone field (FormField ``phone``: 注册, 变更驾驶证联系方式, 变更机动车联系方式, the counter's
forms) holds digits only, as a 短信验证码 field does. The tester's 新手机号码 at 100x30 took the pad's X
and letters typed (X12a), refused only at 下一步 with 手机号码只能包含数字. Now they are refused as
they come, said under the field; full-width digits, spaces and hyphens are still taken as before
(tests/ui/test_field_digits_spaces.py). An ID number keeps its X."""
from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult

from kiosk.ui.screens.register import RegisterScreen
from kiosk.ui.widgets.field import FormField
from tests.ui.conftest import field_error, settle, sign_in
from tests.ui.test_keypad_steps import tap_digits
from tests.ui.test_keypad_x_key import x_shown

ONLY_DIGITS = "手机号码只能输入数字"


async def phone_digits_only(pilot, name: str = "phone") -> None:
    """The phone field ``name`` has the focus: letters and Chinese refused, digits kept."""
    app = pilot.app
    field = app.screen.query_one(f"#input-{name}")
    assert app.focused is field
    await pilot.press("1", "a", "X")
    await settle(pilot)
    assert field.value == "1" and field_error(app, name) == ONLY_DIGITS
    await pilot.press("３", "space", "8", "minus")  # full-width digit, space, hyphen: as before
    await settle(pilot)
    assert field.value == "138" and field_error(app, name) == ""
    field.post_message(events.Paste("电话0000"))  # refused whole
    await settle(pilot)
    assert field.value == "138" and field_error(app, name) == ONLY_DIGITS
    field.post_message(events.Paste("０000-1111"))
    await settle(pilot)
    assert field.value == "13800001111" and field_error(app, name) == ""


async def test_licence_contact_phone_has_no_x_key_and_refuses_letters(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        field = kiosk_app.screen.query_one("#input-phone")
        field.focus()
        await settle(pilot)
        assert not x_shown(kiosk_app)  # the pad beside a phone has no X (tests/ui/test_keypad_x_key.py)
        await tap_digits(pilot, "12")
        assert field.value == "12" and field_error(kiosk_app, "phone") == ""
        field.value = ""
        await settle(pilot)
        await phone_digits_only(pilot)


async def test_vehicle_contact_phone_takes_digits_only(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-vehicle_contact")
        await settle(pilot)
        kiosk_app.screen.query_one("#input-phone").focus()
        await settle(pilot)
        await phone_digits_only(pilot)


async def test_register_phone_takes_digits_only(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, RegisterScreen)
        kiosk_app.screen.query_one("#input-phone").focus()
        await settle(pilot)
        await phone_digits_only(pilot)


class _Fields(App[None]):
    def compose(self) -> ComposeResult:
        yield FormField("id_number", "身份证号码", max_length=18, digits=True)
        yield FormField("new_phone", "刘洋 的新手机号码", max_length=11, phone=True)  # the counter's


async def test_every_phone_field_refuses_what_is_not_a_digit_and_an_id_number_keeps_its_x():
    app = _Fields()
    async with app.run_test() as pilot:
        app.query_one("#input-id_number").focus()
        await pilot.press(*"50010119900101123", "X")
        await pilot.pause()
        assert app.query_one("#input-id_number").value == "50010119900101123X"
        app.query_one("#input-new_phone").focus()
        await pilot.press("1", "X", "3")
        await pilot.pause()
        assert app.query_one("#input-new_phone").value == "13"
        await pilot.press("b")
        await pilot.pause()
        error = app.query_one("#field-new_phone").query_one(".field-error")
        assert str(error.render()) == ONLY_DIGITS
