"""Pilot: 审计日志, a refused search (the end before the start) empties the list and its count:
the last search's rows would pass for the criteria now typed."""
from __future__ import annotations

from textual.widgets import DataTable

from tests.ui.conftest import field_error, set_input
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press


async def test_a_refused_search_empties_the_list_and_the_count(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-audit")
        table = app.screen.query_one("#audit-rows", DataTable)
        assert table.row_count > 0 and str(app.screen.query_one("#audit-count").render()).startswith("共 ")
        set_input(app, "date_from", "2026-12-03")
        set_input(app, "date_to", "2026-12-02")
        await press(pilot, "search")
        assert field_error(app, "date_to") == "结束日期不能早于开始日期"
        assert table.row_count == 0
        assert str(app.screen.query_one("#audit-count").render()) == ""
        assert str(app.screen.query_one("#audit-detail").render()) == ""
        set_input(app, "date_from", "")
        set_input(app, "date_to", "")
        await press(pilot, "search")
        assert table.row_count > 0  # a search accepted again fills it
