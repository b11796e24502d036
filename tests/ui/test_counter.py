"""Pilot: the counter terminal's staff sign-in, home, lock screen and idle lock."""
from __future__ import annotations

import asyncio

from kiosk.ui.app import make_app
from kiosk.ui.screens.lock import LockScreen
from kiosk.ui.screens.staff_home import StaffHomeScreen
from kiosk.ui.screens.staff_sign_in import StaffSignInScreen
from tests.ui.conftest import field_error, screen_text, set_input, settle


def counter_app(env):
    env.settings.counter = True
    return make_app(env.settings, env)


async def _sign_in(pilot, app, staff_no="J1001", password="kiosk-1001"):
    set_input(app, "staff_no", staff_no)
    set_input(app, "password", password)
    await pilot.click("#submit")
    await settle(pilot)


async def test_staff_sign_in_home_lock_and_sign_out(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, StaffSignInScreen)
        await _sign_in(pilot, app, password="wrong")
        assert "再错9次" in field_error(app, "password")
        await _sign_in(pilot, app)
        assert isinstance(app.screen, StaffHomeScreen)
        text = screen_text(app)
        assert "王警官" in text and "窗口民警/辅警" in text and "staff_sign_in" in text
        await pilot.click("#lock")
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        set_input(app, "pin", "000000")
        await pilot.click("#unlock")
        await settle(pilot)
        assert isinstance(app.screen, LockScreen) and "PIN" in field_error(app, "pin")
        set_input(app, "pin", "100100")
        await pilot.click("#unlock")
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)
        await pilot.click("#sign-out")
        await settle(pilot)
        assert isinstance(app.screen, StaffSignInScreen) and app.staff is None
        assert app.screen.query_one("#input-password").value == ""


async def test_counter_locks_itself_when_idle(env):
    app = counter_app(env)
    env.settings.idle_seconds = 2
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        assert isinstance(app.screen, StaffHomeScreen)
        await asyncio.sleep(3.2)
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        assert app.staff is not None  # locked, not signed out


async def test_quit_keys_are_harmless_at_the_counter(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        for key in ("ctrl+c", "ctrl+q", "ctrl+p"):
            await pilot.press(key)
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, StaffSignInScreen)
