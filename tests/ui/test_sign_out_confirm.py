"""Pilot: 退出登录 asks first (确定退出登录吗？). In a public hall signing out is the safe outcome,
so the question opens on 退出登录 (Enter, Enter signs out); Escape or 暂不退出 stays signed in. The
idle countdown still signs out while the question is open."""
from __future__ import annotations

import time

from textual.widgets import Button

from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from kiosk.ui.widgets.idle import IdleBanner
from tests.ui.conftest import screen_text, settle, sign_in


async def ask(pilot) -> ConfirmDialog:  # type: ignore[no-untyped-def]
    """退出登录 pressed with the keyboard (the focus on it, Enter): the question is open."""
    pilot.app.screen.query_one("#sign-out", Button).focus()
    await pilot.press("enter")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, ConfirmDialog)
    return dialog


async def test_sign_out_asks_first_and_enter_enter_signs_out(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        dialog = await ask(pilot)
        assert kiosk_app.citizen is not None  # nothing yet
        assert "确定退出登录吗？" in screen_text(kiosk_app)
        assert [str(b.label) for b in dialog.query(Button)] == ["退出登录", "暂不退出"]
        assert kiosk_app.focused is dialog.query_one("#yes")  # the safe outcome in a public hall
        await pilot.press("enter")
        await settle(pilot)
        assert kiosk_app.citizen is None and isinstance(kiosk_app.screen, WelcomeScreen)
        assert len(kiosk_app.screen_stack) == 1
        assert [n.message for n in kiosk_app._notifications] == ["已退出登录，欢迎再次使用。"]


async def test_escape_or_no_stays_signed_in(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = kiosk_app.screen
        await ask(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert kiosk_app.screen is home and kiosk_app.citizen is not None
        assert kiosk_app.focused is home.query_one("#sign-out")  # where the citizen was
        await ask(pilot)
        await pilot.press("right", "enter")  # 暂不退出
        await settle(pilot)
        assert kiosk_app.screen is home and kiosk_app.citizen is not None


async def test_the_idle_countdown_signs_out_with_the_question_open(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        assert isinstance(kiosk_app.screen, HomeScreen)
        await ask(pilot)
        kiosk_app._last_activity = time.monotonic() - (kiosk_app.settings.idle_limit - 15)
        await kiosk_app._idle_tick()
        await pilot.pause()
        assert kiosk_app.screen.query(IdleBanner)  # the countdown shows over the question
        kiosk_app._last_activity = time.monotonic() - kiosk_app.settings.idle_limit - 1
        await kiosk_app._idle_tick()
        await settle(pilot)
        assert kiosk_app.citizen is None and isinstance(kiosk_app.screen, WelcomeScreen)
        assert len(kiosk_app.screen_stack) == 1
        assert p.name not in screen_text(kiosk_app)
