"""Pilot: 考试计划与安排 at 80x24 keeps 已申请 and 已安排 (what the clerk looks at) in view: the
columns read least are left out instead (kiosk.ui.widgets.fit); at 120x40 every column shows."""
from __future__ import annotations

from textual.widgets import DataTable

from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import book, sessions
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import SIZE, _open
from tests.ui.test_counter_screens import press

ALL = ["编号", "日期", "时间", "考场", "科目", "状态", "车型", "考位", "优先名额/已用", "已申请", "已安排", "公布日"]
NARROW = ["日期", "时间", "考场", "科目", "状态", "考位", "已申请", "已安排"]


def columns(app) -> list[str]:
    return [c.label.plain for c in app.screen.query_one("#sessions", DataTable).ordered_columns]


def cell(app, key: str, header: str) -> str:
    table = app.screen.query_one("#sessions", DataTable)
    return str(table.get_row(key)[columns(app).index(header)])


async def _query(pilot, app, day: str) -> None:
    set_input(app, "date_from", day)
    set_input(app, "date_to", day)
    await press(pilot, "query")


async def test_at_80x24_the_counts_stay_and_the_least_read_columns_go(env):
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, app)
        await _query(pilot, app, "2026-12-04")
        table = app.screen.query_one("#sessions", DataTable)
        assert columns(app) == NARROW and table.row_count > 0
        assert table.max_scroll_x == 0 and table.region.right <= 80  # nothing beyond the right edge
        header = next(line for line in screen_text(app).splitlines() if "考场" in line and "已申请" in line)
        assert header.split() == NARROW  # every header whole
        table.focus()
        table.move_cursor(row=2)
        await pilot.press("enter")  # a row still selects its own session for the form
        await settle(pilot)
        session = app.screen.rows[str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)]
        title = str(app.screen.query_one("#form-title").render())
        assert title.startswith(f"修改场次 {session.id}（{session.site}")


async def test_the_live_refresh_at_80x24_keeps_the_columns_and_the_row(env, people):
    p = people["permit_expiring"]
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, app)
        await _query(pilot, app, "2026-12-04")
        chosen = sessions(env, p, 2, "2026-12-04", "2026-12-04")[0].id
        table = app.screen.query_one("#sessions", DataTable)
        table.move_cursor(row=table.get_row_index(str(chosen)))
        assert cell(app, str(chosen), "已申请") == "0"
        book(env, p, BookingRequest(2, "self", (chosen,)))
        app.screen._live()  # what the 10-second interval calls
        await settle(pilot)
        assert columns(app) == NARROW and cell(app, str(chosen), "已申请") == "1"
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == str(chosen)


async def test_all_columns_at_120x40_and_they_follow_a_resize(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        assert columns(app) == ALL  # as before the columns were fitted
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert columns(app) == NARROW
        await pilot.resize_terminal(*SIZE)
        await settle(pilot)
        assert columns(app) == ALL and app.screen.query_one("#sessions", DataTable).row_count > 0
