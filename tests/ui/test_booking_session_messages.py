"""Pilot: 选择场次's lines as an elderly citizen met them: a refused 下一步 is said in view, next to
what it is about, with the focus where it is put right; a message goes when what it was about
changes; two messages never read as one; a long one wraps between clauses; 服从系统安排 has no 选择
column; 优先预约 says what it is on the first visit."""
from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.widgets import Button, DataTable, RadioSet, Static

from kiosk.ui.screens.booking.session_step import CHANGED
from tests.ui.conftest import field_error, press_enter_in, set_input, settle
from tests.ui.test_booking_small_screen import in_view, press, small_query
from tests.ui.test_booking_wizard import mark_rows, shown, step, to_sessions

SIZES = [(80, 24), (120, 40)]
NONE_CHOSEN = "请至少选择一个考试场次（在场次上按回车键或点击该行）"


@pytest.mark.parametrize("size", SIZES)
async def test_system_mode_has_no_choice_column_and_enter_shows_why(kiosk_app, env, people, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        screen = kiosk_app.screen
        screen.query_one("#mode", RadioSet).query("RadioButton").last().value = True  # 服从系统安排
        await settle(pilot)
        await small_query(pilot, "2026-12-04", "2026-12-17")
        table = screen.query_one("#sessions", DataTable)
        headers = [c.label.plain for c in table.ordered_columns]
        assert "选择" not in headers and headers[0] == "考试日期"
        table.focus()
        table.move_cursor(row=min(9, table.row_count - 1))
        await pilot.press("enter")
        await settle(pilot)
        assert in_view(kiosk_app, "#sessions-hint") and "无需选择场次" in shown(kiosk_app, "#sessions-hint")
        assert shown(kiosk_app, "#sessions-hint").count("无需选择") == 1
        assert not screen.query_one("#step-sessions").marked
        screen.query_one("#mode", RadioSet).query("RadioButton").first().value = True  # back: 选择 again
        await settle(pilot)
        assert table.ordered_columns[0].label.plain == "选择"


async def test_the_priority_description_shows_on_the_first_visit(kiosk_app, env, people):
    """王芳's first 切换至优先预约: the line that says what 优先预约 is showed only after a 查询."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await press(pilot, "to-priority")
        await press(pilot, "agree-priority")
        assert step(kiosk_app) == ("step-sessions", 4)
        assert shown(kiosk_app, "#ranking") == "优先预约：可以选择具有空余优先预约名额的考试场次，预约成功即安排考试"
        assert in_view(kiosk_app, "#ranking")
