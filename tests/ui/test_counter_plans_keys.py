"""Pilot: 考试计划与安排's session form from the keyboard. Enter on 选择考场 with a site chosen moves on to
考试日期, as Enter in a filled field moves on (tester: it opened the list again); with none chosen it
opens the list. 优先预约名额, filled in with 0, has its 0 selected when Tab comes in: typing replaces
it (tester: typing 5 gave 05, 99 gave 099)."""
from __future__ import annotations

from textual.widgets import DataTable, Input, Select

from tests.ui.conftest import set_input, settle
from tests.ui.test_counter_plans_form import _open
from tests.ui.test_counter import counter_app
from tests.ui.counter_helpers import press


async def test_enter_on_a_chosen_site_moves_on_to_the_exam_date(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app)
        site = app.screen.query_one("#site", Select)
        site.focus()
        await pilot.press("enter")  # nothing chosen yet: the list opens
        await settle(pilot)
        assert site.expanded
        await pilot.press("down", "enter")  # a site chosen
        await settle(pilot)
        assert not site.expanded and not site.is_blank() and app.focused is site
        await pilot.press("enter")
        await settle(pilot)
        assert not site.expanded and app.focused is app.screen.query_one("#input-exam_date", Input)


async def test_tab_into_the_priority_quota_selects_its_zero(env):
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, app)
        app.screen.query_one("#input-seats", Input).focus()
        await pilot.press(*"30", "tab")
        await settle(pilot)
        quota = app.screen.query_one("#input-priority_quota", Input)
        assert app.focused is quota
        await pilot.press(*"99")
        await settle(pilot)
        assert quota.value == "99"


async def test_enter_on_a_session_puts_the_focus_on_its_seats(env):
    """A session chosen in the list (Enter) fills the form, and the focus goes to 考位数, what is
    changed most (tester: it stayed on the list, 考位数 six Tabs away)."""
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app)
        set_input(app, "date_from", "2026-12-10")
        set_input(app, "date_to", "2026-12-20")
        await press(pilot, "query")
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count > 0
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert str(app.screen.query_one("#form-title").render()).startswith("修改场次")
        assert app.focused is app.screen.query_one("#input-seats", Input)
