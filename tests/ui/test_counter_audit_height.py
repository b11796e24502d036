"""Pilot: 审计日志's list takes the height the screen has. At 120x40 it stopped at 11 rows (kiosk.tcss's
DataTable max-height) with 8 empty lines under the line below it, and 14 entries scrolled inside it.
Now its rows fill down to the bottom, and it scrolls only when they do not fit; a short list is no
taller than its rows. At 80x24 the page may scroll, the list keeps 6 rows at least, and the
highlighted row stays in view when a longer line under the list (a long 说明) shortens it."""
from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from kiosk.services import audit
from tests.ui.conftest import screen_text, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press

LONG = ("甲乙丙丁事由：申请人因住院治疗不能按时参加考试，本人持身份证明和医院证明到窗口申请取消，"
        "已核对身份并告知排序时间变为本次取消的时间")


def _record(env, count: int, first: str = "") -> None:  # type: ignore[no-untyped-def]
    """``count`` entries of J1001 (``first`` the oldest's 说明, when given), newest first in the list."""
    with env.db.write() as s:
        if first:
            audit.record(s, env, actor="staff:J1001", role="counter", action="staff_sign_in", detail=first)
        for i in range(count):
            audit.record(s, env, actor="staff:J1001", role="counter", action="staff_sign_in", detail=f"记录{i}")


async def _open(pilot, app) -> DataTable:  # type: ignore[no-untyped-def]
    """审计日志 as A0001, J1001's entries only (the admin's own sign-in and queries left out)."""
    await _sign_in(pilot, app, "A0001", "kiosk-0001")
    await press(pilot, "m-audit")
    app.screen.query_one("#input-staff_no").value = "J1001"
    await press(pilot, "search")
    return app.screen.query_one("#audit-rows", DataTable)


def _page(app) -> VerticalScroll:  # type: ignore[no-untyped-def]
    return app.screen.query_one(VerticalScroll)


async def test_fourteen_entries_all_show_at_120x40(env):
    _record(env, 14)
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await _open(pilot, app)
        assert table.row_count == 14
        assert table.size.height == 15 and table.max_scroll_y == 0  # the header and every row: no scrolling
        lines = screen_text(app)
        assert all(f"记录{i}" in lines for i in range(14))
        detail = app.screen.query_one("#audit-detail", Static)
        assert detail.region.y == table.region.bottom + 1  # right under the rows (its margin), not at the bottom
        assert _page(app).max_scroll_y == 0


async def test_many_entries_fill_the_screen_down_to_its_bottom_at_120x40(env):
    _record(env, 40)
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await _open(pilot, app)
        page = _page(app)
        assert table.size.height >= 18 and table.max_scroll_y > 0  # 17 rows; the rest by scrolling the list
        detail = app.screen.query_one("#audit-detail", Static)
        assert page.max_scroll_y == 0 and detail.region.bottom == page.scrollable_content_region.bottom


async def test_at_80x24_the_list_keeps_rows_and_the_highlighted_one_stays_in_view(env):
    _record(env, 30, first=LONG)
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await _open(pilot, app)
        assert table.size.height >= 7 and table.max_scroll_y > 0
        page = _page(app)
        assert page.scrollable_content_region.contains_region(table.region)  # the whole list on screen
        table.focus()
        await settle(pilot)
        while table.cursor_row < table.row_count - 1:  # down to the oldest, whose 说明 takes more lines below
            await pilot.press("down")
        await settle(pilot)
        detail = "".join(str(app.screen.query_one("#audit-detail", Static).render()).split())
        assert LONG in detail
        row = next(line for line in screen_text(app).splitlines() if "甲乙丙丁" in line)
        assert "J1001" in row  # the highlighted row itself, not only the line under the list
        assert table.size.height >= 7
