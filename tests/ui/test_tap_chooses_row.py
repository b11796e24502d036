"""One tap (click) on a list row chooses it, as Enter does, in the lists whose rows are chosen
(选择场次, 满分学习考试's sessions, 取消考试预约 and the other booking lists, the counter's
考试计划与安排 and 工作人员账户). Textual's DataTable only moves its cursor on a first click; a
tester tapping a session saw 已选0个 and 下一步 said to choose one."""
from __future__ import annotations

import asyncio

import pytest
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from kiosk.ui.widgets.plain import PlainTable
from tests.ui.conftest import double_tap, settle
from tests.ui.test_booking_wizard import query, to_sessions
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import _open
from tests.ui.counter_helpers import press


class _Lists(App):
    def __init__(self, select_on_click: bool) -> None:
        super().__init__()
        self.flag, self.chosen = select_on_click, []

    def compose(self) -> ComposeResult:
        yield PlainTable(id="t", cursor_type="row", select_on_click=self.flag)

    def on_mount(self) -> None:
        table = self.query_one(PlainTable)
        table.add_columns("编号", "名称")
        for i in range(5):
            table.add_row(str(i), f"第{i}行", key=str(i))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.chosen.append(event.row_key.value)


@pytest.mark.parametrize("flag, expected", [(True, ["2", "2", "3"]), (False, ["2"])])
async def test_one_tap_chooses_a_row_only_where_asked(flag, expected):
    """Each tap chooses once (a session list toggles: twice would unmark it again)."""
    app = _Lists(flag)
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.click("#t", offset=(2, 3))  # row 2, under the header: chosen at once (flag)
        await pilot.pause(0.6)  # not a double click
        await pilot.click("#t", offset=(2, 3))  # again on the highlighted row: Textual's own select
        await pilot.pause(0.6)
        await pilot.click("#t", offset=(8, 4))  # row 3, on another column: chosen at once (flag)
        await pilot.pause(0.6)
        await pilot.click("#t", offset=(2, 0))  # the header: chooses nothing
        await pilot.pause()
        assert app.chosen == expected


async def test_one_tap_on_a_session_marks_it(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await query(pilot, "2026-12-04", "2026-12-10")
        table = kiosk_app.screen.query_one("#sessions", DataTable)
        assert table.row_count > 3 and table.cursor_row == 0
        table.scroll_visible(animate=False, immediate=True)
        await settle(pilot)
        await pilot.click("#sessions", offset=(3, 3 + 1))  # row 3, one tap
        await settle(pilot)
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert table.cursor_row == 3 and [str(m) for m in kiosk_app.screen.sessions.marked] == [key]


async def test_one_tap_on_a_session_fills_the_plan_form(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app)
        await press(pilot, "query")
        table = app.screen.query_one("#sessions", DataTable)
        table.scroll_visible(animate=False, immediate=True)
        await settle(pilot)
        await pilot.click("#sessions", offset=(3, 3 + 1))  # row 3, one tap
        await settle(pilot)
        # chosen: 修改场次, or 查看场次 for a session of a plan already allocated (no longer edited)
        assert str(app.screen.query_one("#form-title").render()).startswith(("修改场次 ", "查看场次 "))


async def test_a_double_tap_on_a_session_marks_it_once(kiosk_app, env, people):
    """The second tap of a double-tap (within PlainTable.REPEAT_TAP) unmarked the session again:
    已选0个 (tester). Enter is not a tap: pressed twice, it marks and unmarks."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await query(pilot, "2026-12-04", "2026-12-10")
        table = kiosk_app.screen.query_one("#sessions", DataTable)
        table.scroll_visible(animate=False, immediate=True)
        await settle(pilot)
        await asyncio.sleep(0.6)  # taps on a screen just opened are dropped (kiosk.ui.pointer)
        await double_tap(pilot, table.region.x + 3, table.region.y + 1 + 3, gap=0.05)  # row 3
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert table.cursor_row == 3 and [str(m) for m in kiosk_app.screen.sessions.marked] == [key]
        table.focus()
        await pilot.press("enter", "enter")  # at once, on the same row: each Enter counts
        await settle(pilot)
        assert [str(m) for m in kiosk_app.screen.sessions.marked] == [key]  # unmarked, marked again
        await pilot.press("enter")
        await settle(pilot)
        assert kiosk_app.screen.sessions.marked == []
