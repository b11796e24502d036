"""Pilot, with taps as the terminal driver sends them: a double-tap's second tap on a button is
dropped (kiosk.ui.pointer.FreshScreenTaps._second_tap), as the first may have changed what the
finger is on (tester at 80x24 and 100x30: 阅读并同意 tapped twice paged the notice to its end and
agreed unread; 预约 tapped twice with a wrong code hid 验证码错误). The pad's keys take every tap."""
from __future__ import annotations

import asyncio

from textual.widgets import Input

from tests.ui.conftest import double_tap, field_error, set_input, settle
from tests.ui.test_booking_small_screen import SMALL
from tests.ui.test_booking_wizard import choose_subject, open_wizard, step, to_confirm_with_one, to_sessions
from tests.ui.test_keypad_repeat import _open, _taps

OPENED = 0.6  # seconds: longer than the taps dropped after a step or a screen opens
GAP = 0.3  # seconds between a double-tap's taps: past a button's own 0.2 s press effect, which ignores a click


def _spot(app, selector: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    r = app.screen.query_one(selector).region
    return r.x + 3, r.bottom - 1


async def test_a_double_tap_on_agree_pages_the_notice_and_does_not_agree(kiosk_app, env, people):
    async with kiosk_app.run_test(size=SMALL) as pilot:
        screen = await open_wizard(pilot, env, people["k2_ready"])
        await choose_subject(pilot, 2)
        await pilot.click("#next-subject")
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-notice" and screen.query_one("#step-notice").box.max_scroll_y > 0
        await asyncio.sleep(OPENED)
        await double_tap(pilot, *_spot(kiosk_app, "#agree"), gap=GAP)
        assert step(kiosk_app)[0] == "step-notice"  # paged to the end, to be read first
        await asyncio.sleep(OPENED)
        await double_tap(pilot, *_spot(kiosk_app, "#agree"))  # a tap once it has been read: agreed
        assert step(kiosk_app)[0] == "step-sessions"


async def test_a_double_tap_on_submit_with_a_wrong_code_keeps_its_message(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_confirm_with_one(pilot, env, people["permit_expiring"])
        await pilot.click("#send-code")
        await settle(pilot)
        set_input(kiosk_app, "code", "222222")
        await asyncio.sleep(OPENED)
        await double_tap(pilot, *_spot(kiosk_app, "#submit"), gap=GAP)
        assert "验证码错误" in field_error(kiosk_app, "code")


async def test_the_pad_takes_a_double_tap_as_two(kiosk_app):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        field: Input = await _open(pilot, "sign-in")
        await _taps(pilot, "55", gap=GAP)
        assert field.value == "55"


async def test_a_double_tap_on_query_chooses_no_session(kiosk_app, env, people):
    """100x30: 查询 tapped twice; the page scrolled the table's rows under the finger, and the second
    tap chose the session there (已选1), one nobody had looked at."""
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        await asyncio.sleep(OPENED)
        spot = _spot(kiosk_app, "#query")
        await double_tap(pilot, *spot, gap=GAP)
        screen = kiosk_app.screen
        assert screen.sessions.rows and not screen.sessions.marked
        assert not screen.query_one("#query").region.contains(*spot)  # something else under the finger now
