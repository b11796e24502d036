"""Pilot, with taps as the terminal driver sends them: a double-tap on a check box ticks it once
(its second tap is dropped, as a button's: kiosk.ui.pointer.FreshScreenTaps._second_tap), and the
red 请阅读...并勾选 under 我已阅读并同意 goes only when the box is ticked (tester, 100x30, 驾驶人审验教育:
the double-tap ticked and unticked the box, took the message away, and the box looked done)."""
from __future__ import annotations

import asyncio

from tests.ui.conftest import double_tap, settle
from tests.ui.test_education_flow import _error, _open, _press

OPENED = 0.6  # seconds: longer than the taps dropped after a screen opens
GAP = 0.2  # seconds between the double-tap's taps


def _spot(app) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    r = app.screen.query_one("#agree-declaration").region
    return r.x + 2, r.y + r.height // 2  # on the box's [ ]


async def test_a_double_tap_ticks_the_declaration_once(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await _open(pilot, env, people["coach_driver"], "review_education")
        await _press(pilot, "#next")
        assert "我已阅读并同意" in _error(kiosk_app, "declaration")
        tick = kiosk_app.screen.query_one("#agree-declaration")
        tick.scroll_visible(animate=False)
        await settle(pilot)
        await asyncio.sleep(OPENED)
        await double_tap(pilot, *_spot(kiosk_app), gap=GAP)
        assert tick.value and _error(kiosk_app, "declaration") == ""


async def test_unticking_keeps_the_message(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await _open(pilot, env, people["coach_driver"], "review_education")
        await _press(pilot, "#next")
        tick = kiosk_app.screen.query_one("#agree-declaration")
        tick.value = True
        await settle(pilot)
        assert _error(kiosk_app, "declaration") == ""
        await _press(pilot, "#next")  # the sessions are still to choose: the form stays
        tick.value = False
        await settle(pilot)
        await _press(pilot, "#next")
        assert "我已阅读并同意" in _error(kiosk_app, "declaration")
        tick.value = True
        tick.value = False  # ticked and unticked before the screen heard: the message stays
        await settle(pilot)
        assert "我已阅读并同意" in _error(kiosk_app, "declaration")
