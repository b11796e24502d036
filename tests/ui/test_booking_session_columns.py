"""Pilot: 选择场次's rows show the whole date and site name, also when the screen is painted before
the table has measured its new rows (a busy terminal: 服从系统安排 showed 「2026-12-  08:30  沙坪坝土  50」)."""
from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widgets import DataTable, RadioSet

from kiosk.ui.screens.booking.session_step import SessionStep
from tests.ui.conftest import screen_text, settle
from tests.ui.test_booking_wizard import mark_rows, query, to_sessions


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@pytest.mark.parametrize("system", [True, False], ids=["服从系统安排", "自主选择场次"])
async def test_rows_show_whole_dates_and_sites(kiosk_app, env, people, size, system):
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await query(pilot, "2026-12-04", "2026-12-10")
        step = kiosk_app.screen.query_one(SessionStep)
        buttons = step.query_one("#mode", RadioSet).query("RadioButton")
        (buttons.last() if system else buttons.first()).value = True
        await settle(pilot)
        table = step.query_one("#sessions", DataTable)
        # The table filled again (as a mode change does) and painted at once, before it falls idle
        step._fill_table()  # noqa: SLF001
        table.render_lines(Region(0, 0, table.size.width, table.size.height))
        await settle(pilot)
        table.scroll_visible(animate=False, top=True)
        await settle(pilot)
        rows = step.rows[:3]
        assert_whole(screen_text(kiosk_app).splitlines(), rows)
        if not system:  # a row chosen: 已选1 in its first column, the rest as whole as before
            await mark_rows(pilot, 1)
            table.scroll_visible(animate=False, top=True)
            await settle(pilot)
            lines = screen_text(kiosk_app).splitlines()
            assert_whole(lines, rows)
            assert any(line.split()[:2] == ["已选1", f"{rows[0].exam_date:%Y-%m-%d}"] for line in lines)


def assert_whole(lines: list[str], rows) -> None:
    """The first ``rows`` are on screen, each with its whole date, time and site name."""
    for r in rows:
        assert any(f"{r.exam_date:%Y-%m-%d}  {r.start_time:%H:%M}" in line and r.site_name in line
                   for line in lines), (r, lines)
    assert any("沙坪坝土主考场" in line for line in lines), lines


async def test_marks_say_the_order_chosen_at_80x24(kiosk_app, env, people):
    """自主选择场次 numbers its marks in the order chosen (the column said 已选 alone: tester); one taken
    off, the later ones move up. Each row still whole at 80x24."""
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await query(pilot, "2026-12-04", "2026-12-10")
        step = kiosk_app.screen.query_one(SessionStep)
        table = step.query_one("#sessions", DataTable)
        table.focus()
        for row in (2, 0, 1):
            table.move_cursor(row=row)
            await pilot.press("enter")
            await settle(pilot)
        assert [str(table.get_row_at(i)[0]) for i in range(4)] == ["已选2", "已选3", "已选1", ""]
        table.scroll_visible(animate=False, top=True)
        await settle(pilot)
        lines = screen_text(kiosk_app).splitlines()
        assert any(line.split()[:2] == ["已选3", f"{step.rows[1].exam_date:%Y-%m-%d}"] for line in lines)
        assert_whole(lines, step.rows[:3])
        table.move_cursor(row=2)
        await pilot.press("enter")  # the first chosen taken off
        await settle(pilot)
        assert [str(table.get_row_at(i)[0]) for i in range(3)] == ["已选1", "已选2", ""]
        assert step.marked == [step.rows[0].id, step.rows[1].id]
