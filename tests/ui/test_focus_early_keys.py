"""Pilot: keys that come before a screen's opening focus has landed act from the main control,
where they would a moment later (CI, in tmux: Shift+Tab pressed as the 业务中心 appeared focused
驾驶证补换领, the first entry, and Enter opened it; the citizen meant 退出登录, the last button)."""
from __future__ import annotations

from textual import events
from textual.widgets import Button

from kiosk.ui.screens.home import HomeScreen
from tests.ui.conftest import settle, sign_in


async def _fresh_home(pilot) -> HomeScreen:
    """A 业务中心 just pushed, its opening focus still to come (the keys follow at once)."""
    home = HomeScreen()
    await pilot.app.push_screen(home)
    assert home.focused is None
    return home


async def _key_at_once(pilot, key: str, character: str | None = None) -> None:
    """The key as the terminal sends it, queued before the screen's first refresh is over (Pilot's
    press waits for the app to be idle first, by when the opening focus has landed)."""
    event = events.Key(key, character)
    event.set_sender(pilot.app)
    pilot.app._driver.send_message(event)
    await settle(pilot)


async def test_shift_tab_before_the_opening_focus_reaches_sign_out(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = await _fresh_home(pilot)
        await _key_at_once(pilot, "shift+tab")
        assert kiosk_app.focused is home.query_one("#sign-out")
        home = await _fresh_home(pilot)
        await _key_at_once(pilot, "tab", "\t")
        assert kiosk_app.focused is home.focus_chain[1]  # on from the first entry, kept


async def test_enter_before_the_opening_focus_presses_the_main_control(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = await _fresh_home(pilot)
        first = home.query(Button).first()
        await _key_at_once(pilot, "enter", "\r")
        assert kiosk_app.screen is not home  # the first entry opened, as Enter a moment later would
        assert first.id == "menu-licence_replace", first.id


async def test_a_focus_lost_later_is_not_moved_by_a_key(kiosk_app, env, people):
    """Enter with nothing focused after the opening (the focused widget went away) presses nothing."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = kiosk_app.screen
        home.set_focus(None)
        await pilot.press("enter")
        await settle(pilot)
        assert kiosk_app.screen is home and kiosk_app.focused is None
