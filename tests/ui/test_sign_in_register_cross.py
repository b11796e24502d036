"""Pilot: 登录 with a number not registered offers 去注册, 注册 with a number already registered
offers 去登录; each carries the typed number over.

Tester's finding: 「该身份证号码尚未注册交管12123，请先注册」 and 「该身份证号码已注册，请直接登录」
were dead ends: the citizen had to go back to the start screen and type the 18 digits again."""
from __future__ import annotations

import pytest
from textual.widgets import Button

from kiosk.services import auth
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.register import RegisterScreen
from kiosk.ui.screens.sign_in import SignInScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from tests.conftest import last_sms_code
from tests.ui.conftest import field_error, screen_text, set_input, settle


def _value(app, name: str) -> str:  # type: ignore[no-untyped-def]
    return app.screen.query_one(f"#input-{name}").value


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_not_registered_offers_register_with_the_number(kiosk_app, env, people, size):
    p = people["new_user"]
    async with kiosk_app.run_test(size=size) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        go = kiosk_app.screen.query_one("#to-register", Button)
        assert not go.display or go.has_class("hidden")
        set_input(kiosk_app, "id_number", p.id_number)
        await pilot.press("enter")  # Enter in the number field sends the code
        await settle(pilot)
        assert field_error(kiosk_app, "id_number") == auth.NOT_REGISTERED
        assert kiosk_app.focused is go and "去注册" in screen_text(kiosk_app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, RegisterScreen)
        assert _value(kiosk_app, "id_number") == p.id_number
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-name")  # the field still empty
        await pilot.press("escape")  # nothing typed here: straight back to the start screen
        await settle(pilot)
        assert isinstance(kiosk_app.screen, WelcomeScreen)


async def test_register_is_hidden_again_once_the_number_is_corrected(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        set_input(kiosk_app, "id_number", people["new_user"].id_number)
        await pilot.click("#send-code")
        await settle(pilot)
        go = kiosk_app.screen.query_one("#to-register", Button)
        assert go.display and not go.has_class("hidden")
        kiosk_app.screen.query_one("#input-id_number").focus()
        await pilot.press("backspace")
        await settle(pilot)
        assert go.has_class("hidden") and field_error(kiosk_app, "id_number") == ""


async def test_a_typo_is_not_offered_register(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        set_input(kiosk_app, "id_number", "110108196711301866")  # a wrong check digit
        await pilot.click("#send-code")
        await settle(pilot)
        assert "校验位" in field_error(kiosk_app, "id_number")
        assert kiosk_app.screen.query_one("#to-register").has_class("hidden")
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-id_number")


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_already_registered_offers_sign_in_with_the_number(kiosk_app, env, people, size):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=size) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        set_input(kiosk_app, "name", p.name)
        set_input(kiosk_app, "id_number", p.id_number)
        set_input(kiosk_app, "phone", "13800138031")
        kiosk_app.screen.query_one("#to-face").press()
        await settle(pilot)
        assert field_error(kiosk_app, "id_number") == auth.ALREADY_REGISTERED
        go = kiosk_app.screen.query_one("#to-sign-in", Button)
        assert kiosk_app.focused is go and "去登录" in screen_text(kiosk_app)
        await pilot.press("enter")  # no question: nothing typed here is needed to sign in
        await settle(pilot)
        assert isinstance(kiosk_app.screen, SignInScreen)
        assert _value(kiosk_app, "id_number") == p.id_number
        assert kiosk_app.focused is kiosk_app.screen.query_one("#send-code")
        await pilot.press("enter")  # 发送验证码 for the number carried over, then the code
        await settle(pilot)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-code")
        set_input(kiosk_app, "code", last_sms_code(env, p.phone))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)
        assert len(kiosk_app.screen_stack) == 2  # the start screen under it: no 注册 or 登录 left behind


async def test_sign_in_is_hidden_again_once_the_number_is_changed(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        set_input(kiosk_app, "name", p.name)
        set_input(kiosk_app, "id_number", p.id_number)
        set_input(kiosk_app, "phone", "13800138031")
        kiosk_app.screen.query_one("#to-face").press()
        await settle(pilot)
        go = kiosk_app.screen.query_one("#to-sign-in", Button)
        assert not go.has_class("hidden")
        set_input(kiosk_app, "id_number", people["new_user"].id_number)
        await settle(pilot)
        assert go.has_class("hidden")
