"""Pilot: 窗口工作台's recent actions fit the page: a long 终端与说明 is cut with ... (the 审计日志
screen shows it whole), with no sideways scrolling (tester: 「...科目二 C1 考位2 优先名」 cut off
with nothing to say so, and at 80x24 a stray scrollbar under the table)."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable

from kiosk.services import audit
from tests.ui.conftest import settle
from tests.ui.test_counter import _sign_in, counter_app

LONG = "已保存场次 2461：沙坪坝土主考场 2026-12-20 08:30 科目二 C1C2C5 考位40 优先预约名额4 开放预约2026-11-18 公布2026-12-06"


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_long_detail_is_cut_with_dots_and_the_table_fits(env, size):
    with env.db.write() as s:
        audit.record(s, env, actor="staff:J1003", action="exam_session", role="exam_admin", detail=LONG)
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await settle(pilot)
        table = app.screen.query_one("#audit", DataTable)
        details = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        cut = next(d for d in details if "已保存场次" in d)
        assert cut.endswith("...") and LONG not in cut
        assert table.virtual_size.width <= table.scrollable_content_region.width  # nothing to scroll sideways
