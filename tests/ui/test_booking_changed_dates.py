"""Pilot: 选择场次 after a 查询, a date changed in the calendar (or typed, or another site) without
查询 again (tester, 120x40): the old list stayed, with its note 您2026年12月4日已有其他科目的考试..., and a
row of a day now outside the dates could be chosen. Now the list, its ranking and notes go, the line
over the table says to press 查询, a session already chosen stays chosen for a new 查询 that lists it
(and that is said), and the dates changed back show the list again. Today is 2026-12-01 (tests.conftest)."""
from __future__ import annotations

from datetime import date

from textual.widgets import DataTable

from kiosk.ui.screens.booking.session_text import CHANGED
from tests.ui.conftest import set_input, settle
from tests.ui.test_booking_date_picker import day_button, open_picker, tap
from tests.ui.test_booking_same_day import SAID, read, with_exam_on_the_4th
from tests.ui.test_booking_small_screen import hint
from tests.ui.test_booking_wizard import mark_rows, query, to_sessions


async def test_a_date_picked_after_a_query_takes_the_old_list_away(kiosk_app, env, people):
    p = with_exam_on_the_4th(env, people)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, p, 3)
        await query(pilot, "2026-12-04", "2026-12-10")
        steps = kiosk_app.screen.query_one("#step-sessions")
        table = kiosk_app.screen.query_one("#sessions", DataTable)
        assert table.row_count and SAID in read(kiosk_app)
        last = table.row_count - 1
        table.focus()
        table.move_cursor(row=last)  # a session of the last day listed, and the first one
        await pilot.press("enter")
        await mark_rows(pilot, 1)
        late, early = steps.marked
        assert next(r for r in steps.rows if r.id == early).exam_date < next(
            r for r in steps.rows if r.id == late).exam_date
        dialog = await open_picker(pilot, "date_from")
        late_day = next(r for r in steps.rows if r.id == late).exam_date
        await tap(pilot, day_button(dialog, late_day))
        # nothing listed to be chosen under dates it was not found for, nor its ranking and notes
        assert table.row_count == 0 and not table.can_focus
        said = hint(kiosk_app)
        assert said.startswith(f"{CHANGED}。") and "您已选择的2个场次：重新查询后仍在查询结果中的，将保留选择。" in said
        assert SAID not in read(kiosk_app) and "当前排名" not in read(kiosk_app)
        assert not kiosk_app.screen.query_one("#ranking").display
        set_input(kiosk_app, "date_from", "2026-12-04")  # back to the dates queried: the list is back
        await settle(pilot)
        assert table.row_count == len(steps.rows) and SAID in read(kiosk_app)
        set_input(kiosk_app, "date_from", f"{late_day:%Y-%m-%d}")
        await settle(pilot)
        assert table.row_count == 0
        await query(pilot, f"{late_day:%Y-%m-%d}", "2026-12-10")
        await settle(pilot)
        assert table.row_count and all(r.exam_date >= late_day for r in steps.rows)
        assert steps.marked == [late]  # the one still listed stays chosen, and that is said
        said = hint(kiosk_app)
        assert "之前选择的1个场次仍在本次查询结果中，已保留选择。" in said
        assert "之前选择的1个场次不在本次查询结果中，已取消选择。" in said
        assert steps.queried == (late_day, date(2026, 12, 10), None)
