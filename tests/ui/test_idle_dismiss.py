"""Pilot: the key or click that takes the idle countdown away does nothing else. The tester's Down
dismissed it and moved the focus in the 业务中心, so the next Enter opened a service nobody chose."""
from __future__ import annotations

import asyncio
import time

from textual import events

from kiosk.ui.pointer import FreshScreenTaps
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.widgets.idle import IdleBanner
from tests.ui.conftest import settle, sign_in


async def countdown(pilot) -> None:
    """The citizen has not touched anything for 105 of the 120 s: the countdown shows."""
    app = pilot.app
    app._last_activity = time.monotonic() - (app.settings.idle_limit - 15)
    await app._idle_tick()
    await pilot.pause()
    assert app.screen.query(IdleBanner) and "秒后将退出" in str(app.screen.query_one(IdleBanner).render())


def driver_mouse(app, cls, x: int, y: int):  # type: ignore[no-untyped-def]
    """A mouse event as the terminal driver posts it (Pilot's click skips App.on_event)."""
    return cls(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)


async def test_the_key_that_dismisses_the_countdown_only_dismisses_it(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        first = kiosk_app.focused
        await countdown(pilot)
        await pilot.press("down")
        await pilot.pause()
        assert not kiosk_app.screen.query(IdleBanner)
        assert kiosk_app.focused is first  # the key did nothing else
        assert kiosk_app.settings.idle_limit - (time.monotonic() - kiosk_app._last_activity) > 110  # timer reset
        await pilot.press("down")  # the next key acts
        assert kiosk_app.focused is not first


async def test_the_click_that_dismisses_the_countdown_presses_nothing(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = kiosk_app.screen
        x, y = home.query_one("#menu-licence_replace").region.center
        await asyncio.sleep(FreshScreenTaps.FRESH)  # the 业务中心 on view long enough for a tap to count
        await countdown(pilot)
        for cls in (events.MouseDown, events.MouseUp):
            kiosk_app.post_message(driver_mouse(kiosk_app, cls, x, y))
            await pilot.pause()
        await settle(pilot)
        assert not kiosk_app.screen.query(IdleBanner)
        assert kiosk_app.screen is home and isinstance(home, HomeScreen)  # no service opened
        await asyncio.sleep(FreshScreenTaps.FRESH)  # taps held a moment once it went (a double-tap's)
        for cls in (events.MouseDown, events.MouseUp):  # the next click acts
            kiosk_app.post_message(driver_mouse(kiosk_app, cls, x, y))
            await pilot.pause()
        await settle(pilot)
        assert kiosk_app.screen is not home


async def test_a_double_tap_that_dismisses_the_countdown_presses_nothing(kiosk_app, env, people):
    """Tester (驾驶证电子版 at 80x24): a double-tap took the countdown away and its second tap pressed
    放大二维码 under the finger. Taps are held a moment once the countdown goes, as for a new screen."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = kiosk_app.screen
        x, y = home.query_one("#menu-licence_replace").region.center
        await asyncio.sleep(FreshScreenTaps.FRESH)
        await countdown(pilot)
        for cls in (events.MouseDown, events.MouseUp):
            kiosk_app.post_message(driver_mouse(kiosk_app, cls, x, y))
        await asyncio.sleep(0.3)
        for cls in (events.MouseDown, events.MouseUp):
            kiosk_app.post_message(driver_mouse(kiosk_app, cls, x, y))
        await settle(pilot)
        assert not kiosk_app.screen.query(IdleBanner)
        assert kiosk_app.screen is home  # no service opened
