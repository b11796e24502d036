"""Pilot: after the idle timeout the start screen says why (因长时间无操作，已退出登录), whatever was
open when the time ran out (a form, a dialog, the SMS on the phone bar, the high-contrast look),
and the notice does not go at once (it stays its 6 s: kiosk.ui.app.end_session)."""
from __future__ import annotations

import time

import pytest

from kiosk.ui.screens.welcome import WelcomeScreen
from tests.ui.conftest import ask_for_a_code, screen_text, settle, sign_in

NOTICE = "因长时间无操作，已退出登录。"
BACK_HOME = "因长时间无操作，已返回首页。"


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


@pytest.mark.parametrize("where", ["sign_in", "register"])
async def test_nobody_signed_in_is_told_the_kiosk_went_back_not_signed_out(kiosk_app, env, people, where):
    """An ID typed at 登录 (a code sent) or a 注册 begun, then the idle time: nobody was signed in,
    so the next person reads 已返回首页, not 已退出登录."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40), notifications=True) as pilot:
        if where == "sign_in":
            await ask_for_a_code(pilot, p.id_number)
        else:
            await pilot.click("#register")
        await settle(pilot)
        assert not isinstance(kiosk_app.screen, WelcomeScreen)
        kiosk_app._last_activity = time.monotonic() - kiosk_app.settings.idle_limit - 1
        await kiosk_app._idle_tick()
        await settle(pilot)
        assert isinstance(kiosk_app.screen, WelcomeScreen)
        assert [n.message for n in kiosk_app._notifications] == [BACK_HOME]
        assert NOTICE not in screen_text(kiosk_app)
