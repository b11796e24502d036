"""Pilot, with taps as the terminal driver sends them: a screen drawn a while after it came on top
(考试预约, 0.2 to 0.6 s after the tap that opened it in tmux at 100x30) takes a tap once it has been
on view a moment; taps were dropped for 0.5 s from its drawing, and the tester's first tap, 0.8 s
after the one that opened it, was lost (kiosk.ui.pointer.FreshScreenTaps). A tap as it is drawn is
still dropped: a finger already on its way was aimed at the screen before."""
from __future__ import annotations

import asyncio
import time

from textual import _time
from textual.widgets import RadioButton

from kiosk.ui.pointer import FreshScreenTaps
from kiosk.ui.screens.booking.wizard import BookingWizardScreen
from tests.ui.conftest import driver_tap, settle, sign_in


def _slow_compose(monkeypatch, seconds: float) -> None:  # type: ignore[no-untyped-def]
    compose = BookingWizardScreen.compose

    def slowly(self):  # type: ignore[no-untyped-def]
        time.sleep(seconds)  # a busy machine: drawn this much later than it came on top
        yield from compose(self)

    monkeypatch.setattr(BookingWizardScreen, "compose", slowly)


async def _open_booking(pilot, env, person) -> tuple[float, float, tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Signed in, 考试预约 tapped: when it was tapped, when it was drawn, where 科目二 is."""
    app = pilot.app
    await sign_in(pilot, env, person.id_number, person.phone)
    await asyncio.sleep(FreshScreenTaps.FRESH + 0.1)  # the 业务中心 on view long enough for a tap to count
    x, y = app.screen.query_one("#menu-exam_booking").region.center
    tapped = driver_tap(app, x, y)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        screen = app.screen
        if isinstance(screen, BookingWizardScreen) and not app._undrawn and screen.query(RadioButton):  # noqa: SLF001
            break
        await asyncio.sleep(0.01)
    screen = app.screen
    assert isinstance(screen, BookingWizardScreen)
    await settle(pilot)
    return tapped, app._fresh_since, screen.query(RadioButton).first().region.center  # noqa: SLF001


async def _tap_at(pilot, x: int, y: int, at: float) -> None:  # type: ignore[no-untyped-def]
    """A tap made at ``at`` (Textual's clock), posted then (or at once, if that is past)."""
    await asyncio.sleep(max(0.0, at - _time.get_time()))
    driver_tap(pilot.app, x, y, at=at)
    await settle(pilot)


async def test_a_tap_once_a_slowly_drawn_screen_is_on_view_is_taken(kiosk_app, env, people, monkeypatch):
    _slow_compose(monkeypatch, 0.3)
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        tapped, drawn, (x, y) = await _open_booking(pilot, env, people["k2_ready"])
        at = drawn + 0.4  # on view 0.4 s, the tap that opened it 0.7 s or more before
        assert at - tapped >= FreshScreenTaps.FRESH + 0.1
        await _tap_at(pilot, x, y, at)
        assert kiosk_app.screen.subjects.chosen == 2  # 科目二 chosen at the first tap


async def test_a_tap_as_a_slowly_drawn_screen_appears_is_dropped(kiosk_app, env, people, monkeypatch):
    _slow_compose(monkeypatch, 0.8)  # drawn past FRESH from the tap that opened it
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        tapped, drawn, (x, y) = await _open_booking(pilot, env, people["k2_ready"])
        assert drawn - tapped >= FreshScreenTaps.FRESH + 0.1
        await _tap_at(pilot, x, y, drawn + 0.1)  # as it is drawn: aimed at the 业务中心
        assert kiosk_app.screen.subjects.chosen is None
        await _tap_at(pilot, x, y, max(_time.get_time(), drawn + FreshScreenTaps.FRESH + 0.1))
        assert kiosk_app.screen.subjects.chosen == 2
