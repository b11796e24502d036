"""Pilot: 窗口工作台's 最近操作记录 takes the rows the page has left under the menu (tester: at 80x24
it stopped at 12 rows, 下方还有内容 under it, and 4 blank lines under 锁定屏幕 / 退出登录). A list
longer than the room scrolls in it with 锁定屏幕 at the screen's foot; a short one is as tall as its
rows, the buttons right under it, at 80x24, 100x30 and 120x40 alike."""
from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.widgets import DataTable

from kiosk.services import audit
from tests.ui.conftest import screen_text, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_home_recent import LONG

SIZES = [(80, 24), (100, 30), (120, 40)]


def blank_rows_under(app, widget_id: str) -> int:  # type: ignore[no-untyped-def]
    """The screen's rows under ``widget_id`` that show nothing."""
    lines = screen_text(app).splitlines()
    lines += [""] * (app.size.height - len(lines))
    return sum(1 for line in lines[app.screen.query_one(f"#{widget_id}").region.bottom:] if not line.strip())


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "100x30", "120x40"])
async def test_a_long_list_grows_down_to_the_buttons(env, size):
    with env.db.write() as s:
        for _ in range(10):
            audit.record(s, env, actor="staff:J1001", action="lock", role="counter", detail=LONG)
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app, "J1001", "kiosk-1001")
        await settle(pilot)
        table = app.screen.query_one("#audit", DataTable)
        assert app.screen.query_one(VerticalScroll).max_scroll_y == 0  # the page does not scroll
        assert table.size.height > 12  # the 12 rows it stopped at before
        if size == (120, 40):  # the ten entries (each on two lines) fit: all of them, the buttons under
            assert table.max_scroll_y == 0 and table.size.height == table.virtual_size.height
            assert "还有内容" not in screen_text(app)
        else:  # more than the screen holds: it scrolls in its box, down to the buttons at the foot
            assert table.max_scroll_y > 0 and "下方还有内容" in screen_text(app)
            assert blank_rows_under(app, "sign-out") <= 1  # the page's own margin at most


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "100x30", "120x40"])
async def test_a_short_list_keeps_the_buttons_right_under_it(env, size):
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app, "J1001", "kiosk-1001")
        await settle(pilot)
        table = app.screen.query_one("#audit", DataTable)
        assert table.size.height == table.virtual_size.height == 2  # its header and the sign-in
        assert "还有内容" not in screen_text(app)
        lock = app.screen.query_one("#lock")
        assert lock.region.y - table.region.bottom <= 3  # 锁定屏幕 under it, not at the screen's foot
