"""Pilot: 考试计划与安排, a session typed in the form and not saved is not dropped without a word when a
session is chosen in the list (tester: Enter on the list after a refused 保存场次 filled the form with
the chosen session and the typed one was gone). It asks, as 返回 and 新建 do; 继续填写 keeps it."""
from __future__ import annotations

from textual.widgets import DataTable, Input

from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.exam_plans import ExamPlansScreen
from tests.ui.conftest import press_enter_in, set_input, settle
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import _open


async def _list_with_typed_session(pilot, app) -> DataTable:  # type: ignore[no-untyped-def]
    await _open(pilot, app)
    set_input(app, "exam_date", "2027-02-10")
    set_input(app, "start_time", "13:00")
    set_input(app, "date_from", "2026-12-03")
    set_input(app, "date_to", "2026-12-04")
    await press_enter_in(pilot, "date_to")  # 查询场次: the list takes the focus
    await settle(pilot)
    table = app.screen.query_one("#sessions", DataTable)
    assert app.focused is table and table.row_count > 1
    return table


async def test_choosing_a_session_asks_before_dropping_what_is_typed(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _list_with_typed_session(pilot, app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "修改所选场次后不会保留" in str(app.screen.query_one("#question").render())
        await pilot.press("escape")  # 继续填写
        await settle(pilot)
        assert isinstance(app.screen, ExamPlansScreen)
        assert app.screen.query_one("#input-exam_date", Input).value == "2027-02-10"
        assert app.screen.query_one("#input-start_time", Input).value == "13:00"
        assert app.screen.editing is None
        await pilot.press("enter")  # asked again; 放弃并修改所选场次 loads the session
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(app.screen, ExamPlansScreen) and app.screen.editing is not None
        assert app.screen.query_one("#input-exam_date", Input).value != "2027-02-10"


async def test_a_session_loaded_and_untouched_is_left_without_a_question(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app)
        set_input(app, "date_from", "2026-12-03")
        set_input(app, "date_to", "2026-12-04")
        await press_enter_in(pilot, "date_to")
        await settle(pilot)
        await pilot.press("enter")  # nothing typed: loaded at once
        await settle(pilot)
        first = app.screen.editing
        assert first is not None
        app.screen.query_one("#sessions", DataTable).focus()
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ExamPlansScreen) and app.screen.editing not in (None, first)
