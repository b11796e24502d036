"""Pilot: after the idle timeout the start screen says why (因长时间无操作，已退出登录), whatever was
open when the time ran out (a form, a dialog, the SMS on the phone bar, the high-contrast look),
and the notice does not go at once (it stays its 6 s: kiosk.ui.app.end_session)."""
from __future__ import annotations

import time

import pytest

from kiosk.ui.screens.welcome import WelcomeScreen
from tests.ui.conftest import screen_text, settle, sign_in

NOTICE = "因长时间无操作，已退出登录。"


@pytest.mark.parametrize("before", ["home", "form", "dialog", "sms", "look"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_start_screen_says_why_after_the_idle_timeout(kiosk_app, env, people, before, size):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=size, notifications=True) as pilot:
        if before == "look":
            await pilot.click("#look")
            await settle(pilot)
        await sign_in(pilot, env, p.id_number, p.phone)
        if before == "form":
            await pilot.click("#menu-licence_replace")
        elif before == "dialog":
            kiosk_app.screen.query_one("#sign-out").press()
        elif before == "sms":
            kiosk_app.show_demo_sms(p.phone)
        await settle(pilot)
        kiosk_app._last_activity = time.monotonic() - kiosk_app.settings.idle_limit - 1
        await kiosk_app._idle_tick()
        await settle(pilot)
        assert isinstance(kiosk_app.screen, WelcomeScreen) and kiosk_app.citizen is None
        await pilot.pause(2)
        assert [n.message for n in kiosk_app._notifications] == [NOTICE]
        assert NOTICE in screen_text(kiosk_app)
