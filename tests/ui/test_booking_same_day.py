"""Pilot: step 选择场次 says, above the list, that the sessions of a day on which the citizen already
has an exam are not listed, instead of listing them and refusing them at 下一步."""
from __future__ import annotations

from textual.widgets import DataTable

from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import book, sessions
from tests.ui.conftest import screen_error, screen_text, settle
from tests.ui.test_booking_small_screen import SMALL
from tests.ui.test_booking_wizard import mark_rows, query, step, to_sessions

SAID = "您2026年12月4日已有其他科目的考试，同一天只能安排一个科目的考试，当天的场次未列出。"


def with_exam_on_the_4th(env, people):
    """王芳 with a 科目二 priority seat on 2026-12-04."""
    p = people["permit_expiring"]
    book(env, p, BookingRequest(2, "priority", (sessions(env, p, 2, "2026-12-04", "2026-12-04", priority=True)[0].id,)))
    return p


def listed_days(app) -> set[str]:
    table = app.screen.query_one("#sessions", DataTable)
    return {str(table.get_row_at(i)[1]) for i in range(table.row_count)}


def read(app) -> str:
    """The screen's text with the wrapped lines joined (a sentence wraps at 80 columns)."""
    return "".join(line.strip() for line in screen_text(app).splitlines())


async def test_the_list_says_the_day_is_left_out_and_the_rest_can_be_booked(kiosk_app, env, people):
    p = with_exam_on_the_4th(env, people)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, p, 3)
        await query(pilot, "2026-12-04", "2026-12-05")
        assert listed_days(kiosk_app) == {"2026-12-05"}  # 12-04's sessions are not offered at all
        assert SAID in read(kiosk_app)
        hint, table = (kiosk_app.screen.query_one(w) for w in ("#sessions-hint", "#sessions"))
        assert hint.region.bottom <= table.region.y  # said above the list, before a row is chosen
        await mark_rows(pilot, 1)
        # what is listed is accepted. Pressed, not clicked: at 120x40 下一步 is under the page's edge, as
        # 查询 now leaves the page with the table in view but the ranking above still in sight (the
        # focus that mark_rows moved from 查询 to the table used to centre it, and 下一步 with it)
        kiosk_app.screen.query_one("#next-sessions").press()
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-confirm" and screen_error(kiosk_app) == ""


async def test_a_range_of_only_that_day_says_why_it_is_empty(kiosk_app, env, people):
    p = with_exam_on_the_4th(env, people)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, p, 3)
        await query(pilot, "2026-12-04", "2026-12-04")
        assert listed_days(kiosk_app) == set()
        assert "所选时间段内没有可预约的考试场次" in read(kiosk_app) and SAID in read(kiosk_app)
        await query(pilot, "2026-12-05", "2026-12-05")  # another day: nothing to say
        assert listed_days(kiosk_app) == {"2026-12-05"} and "当天的场次未列出" not in read(kiosk_app)


async def test_the_priority_list_leaves_the_day_out_too(kiosk_app, env, people):
    p = with_exam_on_the_4th(env, people)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, p, 3)
        await pilot.click("#to-priority")
        await settle(pilot)
        await pilot.click("#agree-priority")
        await settle(pilot)
        assert kiosk_app.screen.priority
        await query(pilot, "2026-12-04", "2026-12-05")
        assert "2026-12-04" not in listed_days(kiosk_app) and SAID in read(kiosk_app)


async def test_at_80x24_the_line_is_read_with_the_list(kiosk_app, env, people):
    p = with_exam_on_the_4th(env, people)
    async with kiosk_app.run_test(size=SMALL) as pilot:
        await to_sessions(pilot, env, p, 3)
        await query(pilot, "2026-12-04", "2026-12-05")
        kiosk_app.screen.query_one("#sessions", DataTable).focus()  # as Tab to the list does
        await settle(pilot)
        text = read(kiosk_app)
        assert SAID in text and "考试日期" in text and "2026-12-05" in text  # the line and the list in one view
