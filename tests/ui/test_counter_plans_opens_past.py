"""Pilot: 考试计划与安排, a new session on a day with no plan, its 开放预约日期 a day gone by: refused
under that field (it was saved and the plan open at once); today is saved."""
from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Static

from tests.ui.conftest import field_error, set_input
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import _open
from tests.ui.counter_helpers import fill_session, press


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_a_new_plan_opening_on_a_day_gone_by_is_refused_under_the_field(env, size):
    today = env.clock.now().date()
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _open(pilot, app)
        fill_session(app, "2027-02-10", opens_on=f"{today - timedelta(days=1)}", publish_on="2027-02-08")
        await press(pilot, "save")
        assert field_error(app, "opens_on") == f"开放预约日期不能早于今天（{today}）"
        assert not str(app.screen.query_one("#plan-message", Static).render()).startswith("已保存场次")
        set_input(app, "opens_on", f"{today}")
        await press(pilot, "save")
        assert str(app.screen.query_one("#plan-message", Static).render()).startswith("已保存场次")
        assert field_error(app, "opens_on") == ""
