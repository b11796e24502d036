"""Pilot: 选择场次 at 100x30 before 查询 (陈晨, 科目二): 上一步 and 下一步 are wholly in view. The empty
table's header under 请先输入时间段并点击【查询】 pushed them down a row: the page ended on their top
edge, with 下方还有内容 right under it where their labels were, as if it covered them (tester). The
table now shows once a query is made; before it the line over it says what to do."""
from __future__ import annotations

from kiosk.ui.widgets.more_below import MoreBelow
from tests.ui.conftest import settle
from tests.ui.test_booking_small_screen import in_view
from tests.ui.test_booking_wizard import query, to_sessions


async def test_the_buttons_are_in_view_before_query(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        await pilot.pause(0.1)
        assert in_view(kiosk_app, "#prev-sessions") and in_view(kiosk_app, "#next-sessions")
        assert not any(line.display for line in kiosk_app.screen.query(MoreBelow))
        assert not kiosk_app.screen.query_one("#sessions").display
        await query(pilot, "2026-12-04", "2026-12-17")  # the table comes with what was found
        await settle(pilot)
        table = kiosk_app.screen.query_one("#sessions")
        assert table.display and table.row_count and in_view(kiosk_app, "#sessions")
