"""Pilot: 工作人员账户's list marks the account signed in at this counter (tester: A0001 could not
tell its own row from the others), in full-width characters after its 状态, at 120x40 and 80x24 alike."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable

from tests.ui.conftest import screen_text
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_signed_in_account_is_marked_and_no_other(env, size):
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        table = app.screen.query_one("#staff-rows", DataTable)
        states = {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[3]) for i in range(table.row_count)}
        assert states["A0001"] == "正常（当前登录）"
        assert [no for no, state in states.items() if "当前登录" in state] == ["A0001"]
        row = next(line for line in screen_text(app).splitlines() if " A0001 " in line and "孙管理（A0001）" not in line)
        assert "（当前登录）" in row  # seen whole on the row, not cut off at the right
