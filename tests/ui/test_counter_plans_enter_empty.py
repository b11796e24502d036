"""Pilot: 考试计划与安排 at 80x24 (tester). One Enter in 考位数 saves the session chosen and empties
the form, the focus on 考试日期; an extra Enter there (habit) saved the empty form, and five 请输入
messages came. Enter in an entirely empty form now does nothing (保存场次 itself still says what is
missing). Choosing a session in the list clears the form's messages: 请输入考试日期 stayed
under 2026-12-20 filled in from the list."""
from __future__ import annotations

from textual.widgets import DataTable, Input, Select, Static

from kiosk.ui.screens.counter.exam_plans import FORM_FIELDS
from tests.ui.conftest import field_error, set_input, settle
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import _open
from tests.ui.counter_helpers import press

SIZE = (80, 24)


def _messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    lines = [field_error(app, name) for name in FORM_FIELDS]
    lines += [str(app.screen.query_one(f"#error-{n}", Static).render()) for n in ("site", "session")]
    return [m for m in lines if m]


def _status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#plan-message", Static).render())


async def _choose_first_session(pilot, app) -> None:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#sessions", DataTable)
    assert table.row_count > 0
    table.focus()
    table.move_cursor(row=0)
    await pilot.press("enter")
    await settle(pilot)
    assert app.focused is app.screen.query_one("#input-seats", Input)


async def test_an_extra_enter_after_a_save_does_nothing(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        set_input(app, "date_from", "2026-12-10")
        set_input(app, "date_to", "2026-12-20")
        await press(pilot, "query")
        await _choose_first_session(pilot, app)
        await pilot.press("enter")  # in 考位数: saves at once
        await settle(pilot)
        saved = _status(app)
        assert saved.startswith("已保存场次")
        assert app.focused is app.screen.query_one("#input-exam_date", Input)
        await pilot.press("enter")  # habit: the empty form is not saved
        await settle(pilot)
        assert _messages(app) == [] and _status(app) == saved
        assert app.focused is app.screen.query_one("#input-exam_date", Input)


async def test_choosing_a_session_clears_the_messages_of_the_form(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        set_input(app, "date_from", "2026-12-10")
        set_input(app, "date_to", "2026-12-20")
        await press(pilot, "query")
        await press(pilot, "save")  # the button still says what is missing in an empty form
        assert "请输入考试日期" in field_error(app, "exam_date") and "请输入考位数" in field_error(app, "seats")
        await _choose_first_session(pilot, app)
        assert app.screen.query_one("#input-exam_date", Input).value  # filled in, with no message under it
        assert _messages(app) == []


async def test_enter_in_a_form_with_something_typed_still_saves(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        app.screen.query_one("#site", Select).value = 1
        set_input(app, "start_time", "08:30")
        app.screen.query_one("#input-start_time", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "请输入考试日期" in field_error(app, "exam_date")


async def test_the_window_order_is_said_with_a_wrong_exam_date(env):
    """Tester: 2026-13-40 with 开放 2026-12-20 and 公布 2026-12-10: only the exam date was said."""
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        app.screen.query_one("#site", Select).value = 1
        for name, value in (("exam_date", "2026-13-40"), ("start_time", "08:30"), ("subject", "2"),
                            ("classes", "C1"), ("seats", "10"), ("opens_on", "2026-12-20"),
                            ("publish_on", "2026-12-10")):
            set_input(app, name, value)
        await press(pilot, "save")
        assert field_error(app, "exam_date") == "日期不正确：月份应为1-12"
        assert field_error(app, "publish_on") == "须满足：开放预约日期 < 预约结果公布日期 < 考试日期"
