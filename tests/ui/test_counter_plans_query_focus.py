"""Pilot: 考试计划与安排, Enter in 场次日期从 or 到 runs 查询场次 and, when sessions are found, the list
has the focus (tester: it stayed in 到, Down did not reach the list, and Shift+Tab from 从 wrapped
to the bottom of the page), as the ID look-up of 为群众办理 puts it on its list. Nothing found, or
dates refused: the focus stays in the field for the next dates."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input

from tests.ui.conftest import field_error, press_enter_in, set_input, settle
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import _open


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@pytest.mark.parametrize("field", ["date_to", "date_from"])
async def test_enter_with_sessions_found_goes_to_the_list(env, size, field):
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _open(pilot, app)
        set_input(app, "date_from", "2026-12-03")
        set_input(app, "date_to", "2026-12-04")
        await press_enter_in(pilot, field)
        await settle(pilot)
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count > 1
        assert app.focused is table and table.cursor_row == 0
        assert table.region.height  # in view
        await pilot.press("down")
        await settle(pilot)
        assert table.cursor_row == 1


@pytest.mark.parametrize("date_to, said", [("2026-11-02", True), ("2027-11-30", False)])
async def test_enter_with_nothing_found_stays_in_the_field(env, date_to, said):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app)
        set_input(app, "date_from", "2027-11-01")
        set_input(app, "date_to", date_to)
        await press_enter_in(pilot, "date_to")
        await settle(pilot)
        assert app.screen.query_one("#sessions", DataTable).row_count == 0
        assert bool(field_error(app, "date_to")) is said
        assert app.focused is app.screen.query_one("#input-date_to", Input)
