"""Pilot: 窗口工作台's 最近操作记录 scrolls inside its box (the rows the page leaves it, kiosk.tcss); while entries are
below its edge a line under it says so (下方还有内容, as a wizard's page does), and a tap on the line
pages the list. At 80x24 the last wrapped entry was cut at the box's edge with nothing saying more
was below (tester). A list that fits shows no line."""
from __future__ import annotations

from textual.widgets import DataTable

from kiosk.services import audit
from kiosk.ui.widgets.more_below import SECOND_TAP
from tests.ui.conftest import screen_text, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_home_recent import LONG

BELOW = "下方还有内容：请点这里向下翻页（或选中列表后按方向键）"
ABOVE = "上方还有内容：请点这里向上翻页（或选中列表后按方向键）"


async def test_entries_below_the_lists_edge_are_said_and_a_tap_pages_to_them(env):
    with env.db.write() as s:
        for _ in range(4):  # more than the room the list takes at 80x24 (3 fitted once it grew: 15 rows)
            audit.record(s, env, actor="staff:J1003", action="exam_session", role="exam_admin", detail=LONG)
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await settle(pilot)
        table = app.screen.query_one("#audit", DataTable)
        assert table.max_scroll_y > 0 and table.scroll_y == 0  # the last entry is cut at the edge
        assert BELOW in screen_text(app)
        await pilot.click("#audit-more")
        await settle(pilot)
        assert table.scroll_y == table.max_scroll_y  # the rest was less than a page
        assert ABOVE in screen_text(app) and BELOW not in screen_text(app)
        lines = screen_text(app).splitlines()
        at = next(i for i, line in enumerate(lines) if ABOVE in line)
        assert "公布2026-12-06" in lines[at - 1]  # the last entry's end, right over the line
        await pilot.pause(SECOND_TAP)  # not a double-tap's second tap, which does nothing
        await pilot.click("#audit-more")
        await settle(pilot)
        assert table.scroll_y == 0 and BELOW in screen_text(app)
        assert "锁定屏幕" in screen_text(app)  # the buttons stay on the screen


async def test_a_list_that_fits_has_no_line(env):
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await settle(pilot)
        text = screen_text(app)
        assert "工作人员登录" in text and "还有内容" not in text
