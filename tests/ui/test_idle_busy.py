"""Pilot: the idle countdown waits while a service call runs (tester: it ran over 正在办理，请稍候。 and
signed the citizen out mid-submission; the application was created but its number never seen)."""
from __future__ import annotations

import threading
import time

from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.widgets.idle import IdleBanner
from tests.ui.conftest import screen_text, settle, sign_in


def idle_for(app, seconds: float) -> None:  # type: ignore[no-untyped-def]
    app._last_activity = time.monotonic() - seconds


async def test_no_sign_out_while_a_call_runs_and_the_time_starts_again_after(kiosk_app, env, people):
    p = people["driver_normal"]
    release = threading.Event()
    shown: list[str] = []
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-progress")
        await settle(pilot)
        screen = kiosk_app.screen
        limit = kiosk_app.settings.idle_limit
        idle_for(kiosk_app, limit - 10)  # the countdown shows...
        await kiosk_app._idle_tick()
        await pilot.pause()
        assert screen.query(IdleBanner)
        # ...and a submission starts (a slow database: 正在办理 shows) that outlasts it
        screen.call(lambda: release.wait(10) and "2612030000000001", done=shown.append)
        for _ in range(30):  # shown after WAIT_AFTER (0.4 s); later on a loaded CI machine
            await pilot.pause(0.1)
            if "正在办理，请稍候。" in screen_text(kiosk_app):
                break
        assert "正在办理，请稍候。" in screen_text(kiosk_app)
        for _ in range(3):
            idle_for(kiosk_app, limit + 30)  # long past the limit
            await kiosk_app._idle_tick()
            await pilot.pause()
            assert kiosk_app.citizen is not None and kiosk_app.screen is screen  # still signed in
            assert not screen.query(IdleBanner)  # the countdown does not run over it
        release.set()
        await settle(pilot)
        assert shown == ["2612030000000001"]  # the result reached the screen
        left = limit - (time.monotonic() - kiosk_app._last_activity)
        assert left > limit - 3  # the idle time starts again when the call ends
        idle_for(kiosk_app, limit + 1)  # and then runs as before
        await kiosk_app._idle_tick()
        await settle(pilot)
        assert kiosk_app.citizen is None


async def test_a_quiet_refresh_does_not_keep_a_session_open(kiosk_app, env, people):
    """A background refresh (网办进度 every 10 s, the e-licence code) is no sign of anyone there."""
    p = people["driver_normal"]
    release = threading.Event()
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        assert isinstance(kiosk_app.screen, HomeScreen)
        kiosk_app.screen.call(lambda: release.wait(10), done=lambda _: None, quiet=True)
        idle_for(kiosk_app, kiosk_app.settings.idle_limit + 1)
        await kiosk_app._idle_tick()
        release.set()
        await settle(pilot)
        assert kiosk_app.citizen is None
