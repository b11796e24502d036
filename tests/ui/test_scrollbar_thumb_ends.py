"""Pilot: a list's scrollbar thumb is at the bottom of its track exactly when the last row is in
view, and at the top exactly when the first is. Textual draws the thumb's ends in eighths of a
cell, so in a long list its end was in the track's last cell (the track below it gone) while rows
were still below: 选择场次 with 90 sessions (2026-12-04 to 2027-03-03) at 100x30, the thumb reached
the bottom with the view 6 rows short of the last (tester), and it sat at the top until 8 rows had
gone by. The same scrollbar is drawn for every list and page (kiosk.ui.scrollbar)."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable

from tests.ui.test_booking_wizard import query, to_sessions
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import _open
from tests.ui.conftest import press_enter_in, set_input, settle
from tests.ui.test_table_page_rows import rows_shown


def track(app, table: DataTable) -> str:
    """The table's vertical scrollbar as the screen draws it, top to bottom: # a cell with some of
    the thumb in it, . the track."""
    x = table.region.right - 1
    return "".join("#" if app.screen.get_style_at(x, y).meta.get("@mouse.down") == "grab" else "."
                   for y in range(table.region.y, table.region.bottom))


async def scroll_through(pilot, table: DataTable) -> None:
    """Every place the list can be scrolled to: the thumb touches an end of its track exactly when
    the first or the last row is in view."""
    app, last = pilot.app, table.row_count - 1
    wrong = []
    for y in range(int(table.max_scroll_y) + 1):
        table.scroll_to(y=y, animate=False)
        await pilot.pause()
        rows, bar = rows_shown(table), track(app, table)
        if (bar[-1] == "#") != (rows[-1] == last) or (bar[0] == "#") != (rows[0] == 0):
            wrong.append((y, rows[0], rows[-1], bar))
    assert not wrong, wrong


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_the_session_list_thumb_ends_with_the_list(kiosk_app, env, people, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        await query(pilot, "2026-12-04", "2027-03-03")
        await settle(pilot)
        table = kiosk_app.screen.query_one("#sessions", DataTable)
        table.scroll_visible(animate=False)
        await settle(pilot)
        assert table.row_count >= 90
        await scroll_through(pilot, table)


async def test_a_counter_list_thumb_ends_with_the_list(env):
    """考试计划与安排's sessions at the counter: the same scrollbar."""
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app)
        set_input(app, "date_from", "2026-12-03")
        set_input(app, "date_to", "2026-12-31")
        await press_enter_in(pilot, "date_to")
        await settle(pilot)
        table = app.screen.query_one("#sessions", DataTable)
        table.scroll_visible(animate=False)
        await settle(pilot)
        assert table.row_count >= 60, table.row_count
        await scroll_through(pilot, table)
