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


async def test_every_wrong_field_is_said_at_once_beside_itself(env):
    """A clerk's search with another's 工号, an ID number with a letter O and the dates the wrong way
    round was told one field per 查询 (tester): all three said at once, each under its own field."""
    app = counter_app(env)
    async with app.run_test(size=(100, 30)) as pilot:
        await _sign_in(pilot, app, "J1001", "kiosk-1001")
        await press(pilot, "m-audit")
        set_input(app, "staff_no", "J1003")
        set_input(app, "citizen_id", "5001071995O1010426")
        set_input(app, "date_from", "2026-12-05")
        set_input(app, "date_to", "2026-12-01")
        await press(pilot, "search")
        assert field_error(app, "staff_no").startswith("您只能查看本人的操作记录")
        assert field_error(app, "citizen_id") != ""
        assert field_error(app, "date_to") == "结束日期不能早于开始日期"
        assert app.focused is app.screen.query_one("#input-staff_no")  # the first one
        assert str(app.screen.query_one("#audit-count").render()) == ""


async def test_an_admins_unknown_staff_number_is_said_with_the_count(env):
    """共 0 条 alone for 工号 zz9 read as if that clerk had done nothing (tester)."""
    app = counter_app(env)
    async with app.run_test(size=(100, 30)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-audit")
        set_input(app, "staff_no", "zz9")
        await press(pilot, "search")
        assert str(app.screen.query_one("#audit-count").render()) == "共 0 条（没有工号为ZZ9的工作人员）"
        set_input(app, "staff_no", "J1001")
        await press(pilot, "search")
        assert str(app.screen.query_one("#audit-count").render()).startswith("共 ")
        assert "没有工号" not in str(app.screen.query_one("#audit-count").render())
