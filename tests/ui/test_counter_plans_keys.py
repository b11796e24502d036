"""Pilot: 考试计划与安排's session form from the keyboard. 优先预约名额, filled in with 0, has its 0
selected when Tab comes in: typing replaces it (tester: typing 5 gave 05, 99 gave 099)."""
from __future__ import annotations

from textual.widgets import Input

from tests.ui.conftest import settle
from tests.ui.test_counter_plans_form import _open
from tests.ui.test_counter import counter_app


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
