"""Pilot: 阅读并同意 agrees only once the notice has been read to its end (the seeds: 在阅读完毕后点击).

At 80x24 the 考试预约业务须知 is longer than its box. A press before its end was in view scrolls the
box on by a page and says why under it, in view; once the end was reached (End key, mouse wheel or
those presses) the next press agrees, also after 上一步 and back. Before, it agreed at once."""
from __future__ import annotations

import math

from textual import events

from kiosk.ui.screens.booking.notice_step import AT_END, UNREAD
from tests.ui.test_booking_small_screen import in_view, press
from tests.ui.test_booking_wizard import choose_subject, open_wizard, step


def said(app) -> str:  # type: ignore[no-untyped-def]
    line = app.screen.query_one("#step-notice .notice-unread")
    return str(line.render()).strip() if line.region.height else ""


async def to_notice(pilot, env, person):  # type: ignore[no-untyped-def]
    await open_wizard(pilot, env, person)
    await choose_subject(pilot, 2)
    await press(pilot, "next-subject")
    await pilot.pause(0.1)
    assert step(pilot.app)[0] == "step-notice"
    box = pilot.app.screen.query_one("#step-notice .notice-box")
    assert box.max_scroll_y > 0 and box.scroll_y == 0  # longer than its box, not read on yet
    return box


async def test_agree_before_the_end_pages_on_and_says_why(kiosk_app, env, people):
    """陈晨 at 80x18 (a box of two pages and a bit): each press a page on, with its message in view
    under the box; the press that shows the end says so; the next one agrees."""
    async with kiosk_app.run_test(size=(80, 18)) as pilot:
        box = await to_notice(pilot, env, people["k2_ready"])
        assert said(kiosk_app) == ""
        pages = math.ceil(box.max_scroll_y / box.scrollable_content_region.height)
        assert pages >= 2
        for n in range(1, pages + 1):
            await press(pilot, "agree")
            assert step(kiosk_app)[0] == "step-notice"  # not agreed
            assert box.scroll_y == min(box.max_scroll_y, n * box.scrollable_content_region.height)
            assert said(kiosk_app) == (AT_END if n == pages else UNREAD)
            assert in_view(kiosk_app, "#step-notice .notice-unread") and in_view(kiosk_app, "#agree")
            assert box.region.bottom <= kiosk_app.screen.query_one("#step-notice .notice-unread").region.y
        await press(pilot, "agree")
        assert step(kiosk_app)[0] == "step-sessions"


async def test_read_to_the_end_by_keys_it_agrees_at_once(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 18)) as pilot:
        box = await to_notice(pilot, env, people["k2_ready"])
        await press(pilot, "agree")  # too soon: a page on, not to the end yet
        assert step(kiosk_app)[0] == "step-notice" and said(kiosk_app) == UNREAD
        box.focus()
        await pilot.press("home", "end")  # the citizen reads on with the keys
        await pilot.pause(0.3)
        assert box.scroll_y == box.max_scroll_y and said(kiosk_app) == ""  # the end reached: nothing to ask
        await press(pilot, "agree")
        assert step(kiosk_app)[0] == "step-sessions"


async def test_read_to_the_end_with_the_mouse_wheel_then_back_and_again(kiosk_app, env, people):
    """The wheel counts as well. Read once, the notice is not to be read again: scrolled back to
    its top, 上一步 and 下一步, 阅读并同意 agrees at the first press."""
    async with kiosk_app.run_test(size=(80, 18)) as pilot:
        box = await to_notice(pilot, env, people["k2_ready"])
        await press(pilot, "agree")  # too soon
        assert step(kiosk_app)[0] == "step-notice" and said(kiosk_app) == UNREAD
        for _ in range(box.max_scroll_y):
            box.post_message(events.MouseScrollDown(box, 1, 1, 0, 1, 0, False, False, False))
        await pilot.pause(0.3)
        assert box.scroll_y == box.max_scroll_y and said(kiosk_app) == ""
        box.scroll_home(animate=False, immediate=True)
        await press(pilot, "prev-notice")
        assert step(kiosk_app)[0] == "step-subject"
        await press(pilot, "next-subject")
        assert step(kiosk_app)[0] == "step-notice" and box.scroll_y == 0
        await press(pilot, "agree")
        assert step(kiosk_app)[0] == "step-sessions"
        await press(pilot, "prev-sessions")  # agreed just now: skipped back as forward (the same steps both ways)
        assert step(kiosk_app)[0] == "step-subject"
        await press(pilot, "next-subject")
        assert step(kiosk_app)[0] == "step-sessions"


async def test_a_notice_that_fits_agrees_at_once(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_wizard(pilot, env, people["k2_ready"])
        await choose_subject(pilot, 2)
        await press(pilot, "next-subject")
        await pilot.pause(0.1)
        assert kiosk_app.screen.query_one("#step-notice .notice-box").max_scroll_y == 0
        assert not kiosk_app.screen.query_one("#step-notice .notice-unread").region.height  # no row kept
        await press(pilot, "agree")
        assert step(kiosk_app)[0] == "step-sessions"
