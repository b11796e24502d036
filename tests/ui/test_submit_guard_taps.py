"""Pilot, with taps as the terminal driver sends them: a tap on 提交 in the moment after 下一步 is
ignored (SubmitGuard), but it does not start the moment again, as a key press does (a held Enter):
taps 0.6 s apart were never taken (tester). A tap once the step has been on view for the moment is."""
from __future__ import annotations

import asyncio
import time

from kiosk.ui.screens.flow import ApplicationFlowScreen
from kiosk.ui.submit_guard import SubmitGuard
from tests.ui.conftest import driver_tap, screen_text, set_input, settle, sign_in

GUARD = 6.0  # far longer than the real 0.8 s: on a loaded machine (CI, -n auto) reaching 确认并提交 and
# settling may take seconds, and the first tap must still come inside the moment
STEP_HELD = 0.6  # seconds: longer than the taps dropped as a step opens (FreshScreenTaps.FRESH)


async def _at_confirm(pilot, env, person, monkeypatch) -> ApplicationFlowScreen:  # type: ignore[no-untyped-def]
    """变更驾驶证联系方式, only the address changed (no code to confirm), at 确认并提交."""
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click("#menu-licence_contact")
    await settle(pilot)
    set_input(pilot.app, "address", "重庆市渝北区新南路2号")
    monkeypatch.setattr(SubmitGuard, "SUBMIT_GUARD", GUARD)
    await pilot.click("#next")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ApplicationFlowScreen) and "请核对以下信息" in screen_text(pilot.app)
    return screen


async def _tap_submit_at(pilot, screen, opened: float, when: float) -> None:  # type: ignore[no-untyped-def]
    """A tap on 提交 ``when`` seconds after the step opened at ``opened`` (or at once, if that is past)."""
    await asyncio.sleep(max(0.0, opened + when - time.monotonic()))
    x, y = screen.query_one("#submit").region.center
    driver_tap(pilot.app, x, y)
    await settle(pilot)


async def test_a_tap_too_soon_does_not_put_off_the_next(kiosk_app, env, people, monkeypatch):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _at_confirm(pilot, env, people["driver_normal"], monkeypatch)
        opened = screen._quiet_since  # noqa: SLF001  # when the step opened (SubmitGuard.step_opened)
        await asyncio.sleep(STEP_HELD)  # past the taps held as the step opened (kiosk.ui.pointer.step_shown)
        await _tap_submit_at(pilot, screen, opened, 0.0)  # at once
        assert time.monotonic() - opened < GUARD, "the machine was too slow to tap inside the moment"
        assert "业务流水号" not in screen_text(kiosk_app)  # too soon: ignored
        await _tap_submit_at(pilot, screen, opened, GUARD + 0.3)  # under GUARD after the first tap
        assert "业务流水号" in screen_text(kiosk_app)


async def test_a_key_too_soon_still_puts_off_the_next(kiosk_app, env, people, monkeypatch):
    """A held Enter (the terminal's key repeat) never gets through: each one ignored starts the moment again."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _at_confirm(pilot, env, people["driver_normal"], monkeypatch)
        opened = screen._quiet_since  # noqa: SLF001
        screen.query_one("#submit").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "业务流水号" not in screen_text(kiosk_app) and screen._quiet_since > opened  # noqa: SLF001
