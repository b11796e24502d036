"""Pilot: with the shortest idle time (--idle 21) the countdown does not come up a second after every
key: it shows in the second half of the idle time at most (10 s at 21), and says the seconds left.
It came after 1 s, and the key that takes it away does nothing else: typing lost every other digit."""
from __future__ import annotations

import time

from kiosk.ui.widgets.idle import IdleBanner
from tests.ui.conftest import settle


async def idle_for(pilot, seconds: float) -> list[IdleBanner]:
    app = pilot.app
    app._last_activity = time.monotonic() - seconds
    await app._idle_tick()
    await pilot.pause()
    return list(app.screen.query(IdleBanner))


async def test_the_countdown_waits_for_half_a_short_idle_time(kiosk_app, env):
    kiosk_app.settings.idle_seconds = 21
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        assert not await idle_for(pilot, 1.5)  # a citizen typing their ID: no countdown
        assert not await idle_for(pilot, 10.5)
        banners = await idle_for(pilot, 12.2)
        assert banners and "9秒后将退出并返回首页" in str(banners[0].render())  # 21 - 12.2, rounded up
        assert kiosk_app.settings.idle_countdown == 10


def test_the_countdown_is_the_last_20_seconds_of_a_longer_idle_time(env):
    env.settings.idle_seconds = 120
    assert env.settings.idle_countdown == 20
    env.settings.idle_seconds = 40
    assert env.settings.idle_countdown == 20
    env.settings.idle_seconds = 30
    assert env.settings.idle_countdown == 15
