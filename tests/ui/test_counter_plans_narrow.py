"""Pilot: 考试计划与安排 at 80x24 keeps 考位, 已安排 and 公布日 (which sessions an allocation run
publishes) in view: the columns read least are left out instead (kiosk.ui.widgets.fit), and said
for the highlighted session in the line under the table (优先名额/已用 first, then 已申请, 编号,
车型); at 120x40 every column shows and that line is not there."""
from __future__ import annotations

from textual.widgets import DataTable

from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import book, sessions
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import SIZE, _open
from tests.ui.counter_helpers import press

ALL = ["编号", "日期", "时间", "考场", "科目", "状态", "车型", "考位", "优先名额/已用", "已申请", "已安排", "公布日"]
NARROW = ["日期", "时间", "考场", "科目", "状态", "考位", "已安排", "公布日"]


def columns(app) -> list[str]:
    return [c.label.plain for c in app.screen.query_one("#sessions", DataTable).ordered_columns]


def cell(app, key: str, header: str) -> str:
    table = app.screen.query_one("#sessions", DataTable)
    return str(table.get_row(key)[columns(app).index(header)])


def more(app) -> str:
    """The line under the table ("" when it is not shown)."""
    line = app.screen.query_one("#session-more")
    return str(line.render()) if line.display else ""


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
        header = next(line for line in screen_text(app).splitlines() if "考场" in line and "公布日" in line)
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
        await settle(pilot)
        assert "已申请 0" in more(app)
        book(env, p, BookingRequest(2, "self", (chosen,)))
        app.screen._live()  # what the 10-second interval calls
        await settle(pilot)
        assert columns(app) == NARROW and "已申请 1" in more(app)
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


async def test_at_80x24_the_line_under_the_table_says_the_highlighted_sessions_priority_quota(env):
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, app)
        await _query(pilot, app, "2026-12-04")
        table = app.screen.query_one("#sessions", DataTable)
        table.focus()
        for row in (0, 3):
            table.move_cursor(row=row)
            await settle(pilot)
            r = app.screen.rows[str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)]
            said = more(app)
            assert said.startswith(f"{r.exam_date:%m-%d} {r.start_time:%H:%M} {r.site} {r.subject_name}：")
            assert f"优先名额/已用 {r.priority_quota}/{r.priority_taken}，已申请 {r.applicants}，编号 {r.id}，" \
                   f"车型 {r.classes}" in said
            assert cell(app, str(r.id), "公布日") == f"{r.publish_on:%m-%d}"
        await pilot.resize_terminal(*SIZE)  # every column in the table: no line under it
        await settle(pilot)
        assert columns(app) == ALL and more(app) == ""
