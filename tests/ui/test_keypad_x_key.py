"""Pilot, 100x30: the number pad's X key (an ID number's last character) is there only while the pad
types into an ID number (登录's and 注册's 身份证号码). Beside a phone (变更驾驶证联系方式's 新手机号码,
注册's 手机号码) or a code (登录's 短信验证码) its cell is empty, 0 and 删除 where they were (tester: the
phone's pad showed an X, which the field could only refuse)."""
from __future__ import annotations

from textual.widgets import Input

from kiosk.ui.screens.register import RegisterScreen
from kiosk.ui.widgets.keypad import PadKey
from tests.ui.conftest import field_error, settle, sign_in
from tests.ui.test_keypad_steps import tap_digits

SIZE = (100, 30)


def x_shown(app) -> bool:  # type: ignore[no-untyped-def]
    """The X key is drawn: its pad on view and the key itself not hidden."""
    key = app.screen.query_one("#key-X", PadKey)
    box = app.screen.query_one(".keypad-box")
    return bool(box.display and box.visible and key.visible and key.region.height)


async def _focus(pilot, name: str) -> Input:  # type: ignore[no-untyped-def]
    field = pilot.app.screen.query_one(f"#input-{name}", Input)
    field.focus()
    await settle(pilot)
    return field


async def test_no_x_beside_the_licence_contacts_new_phone(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        zero, delete = (kiosk_app.screen.query_one(f"#key-{k}").region for k in ("0", "del"))
        assert zero.height and not x_shown(kiosk_app)  # the pad there, but no X: nothing focused yet
        phone = await _focus(pilot, "phone")
        assert not x_shown(kiosk_app)
        # its cell kept: 0 and 删除 where they were
        assert [kiosk_app.screen.query_one(f"#key-{k}").region for k in ("0", "del")] == [zero, delete]
        await tap_digits(pilot, "13")
        assert phone.value == "13" and field_error(kiosk_app, "phone") == ""


async def test_x_on_sign_in_only_beside_the_id_number(kiosk_app, env, people):
    async with kiosk_app.run_test(size=SIZE) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        id_number = kiosk_app.screen.query_one("#input-id_number", Input)
        assert kiosk_app.focused is id_number and x_shown(kiosk_app)
        await tap_digits(pilot, "1X")
        assert id_number.value == "1X"
        await _focus(pilot, "code")
        assert not x_shown(kiosk_app)  # a 6-digit code has no X
        await _focus(pilot, "id_number")
        assert x_shown(kiosk_app)


async def test_x_on_register_beside_the_id_number_not_the_phone(kiosk_app, env, people):
    async with kiosk_app.run_test(size=SIZE) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, RegisterScreen)
        assert x_shown(kiosk_app)  # 姓名 focused: the pad types into 身份证号码, X and all
        phone = await _focus(pilot, "phone")
        assert not x_shown(kiosk_app)
        await tap_digits(pilot, "139")
        assert phone.value == "139" and field_error(kiosk_app, "phone") == ""
        await _focus(pilot, "id_number")
        assert x_shown(kiosk_app)
