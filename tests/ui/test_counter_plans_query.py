"""Pilot: 考试计划与安排's list always belongs to the dates last queried: a refused query empties
it, and the 10-second live refresh reloads the dates last queried, not dates typed since."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable

from tests.ui.conftest import field_error, set_input, settle
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import SIZE, _open
from tests.ui.counter_helpers import fill_session, press


def _days(app) -> set[str]:
    table = app.screen.query_one("#sessions", DataTable)
    return {str(table.get_row_at(i)[1]) for i in range(table.row_count)}


async def _query(pilot, app, date_from: str, date_to: str) -> None:
    set_input(app, "date_from", date_from)
    set_input(app, "date_to", date_to)
    await press(pilot, "query")


async def _live_tick(pilot, app) -> None:
    app.screen._live()  # what the 10-second interval calls
    await settle(pilot)


@pytest.mark.parametrize("date_from, date_to, field, message", [
    ("2026-12-03", "2026-12-02", "date_to", "结束日期须在开始日期之后"),
    ("2027-02-30", "2027-03-01", "date_from", ""),
])
async def test_a_refused_query_empties_the_list(env, date_from, date_to, field, message):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        await _query(pilot, app, "2026-12-03", "2026-12-03")
        assert _days(app) == {"12-03"}
        await _query(pilot, app, date_from, date_to)
        assert message in field_error(app, field) and field_error(app, field)
        assert _days(app) == set()  # not the last query's rows under the dates typed
        await _live_tick(pilot, app)
        assert _days(app) == set()  # nor brought back by the live refresh


async def test_the_live_refresh_reloads_the_dates_last_queried(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        await _query(pilot, app, "2026-12-03", "2026-12-03")
        assert _days(app) == {"12-03"}
        set_input(app, "date_from", "2026-12-04")  # typed, 查询 not pressed
        set_input(app, "date_to", "2026-12-04")
        await _live_tick(pilot, app)
        assert _days(app) == {"12-03"}
        set_input(app, "date_to", "2026-12")  # half typed: no error appears by itself either
        await _live_tick(pilot, app)
        assert _days(app) == {"12-03"} and field_error(app, "date_to") == ""
        await press(pilot, "query")
        assert field_error(app, "date_to") and _days(app) == set()



async def test_the_list_after_a_save_is_of_the_dates_last_queried(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        await _query(pilot, app, "2026-12-03", "2026-12-03")
        set_input(app, "date_from", "2026-12-04")  # typed, 查询 not pressed
        set_input(app, "date_to", "2026-12-04")
        fill_session(app, "2027-02-10", opens_on="2026-12-05", publish_on="2027-02-08")
        await press(pilot, "save")
        assert "已保存场次" in str(app.screen.query_one("#plan-message").render())
        assert _days(app) == {"12-03"}
