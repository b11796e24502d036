"""Pilot: Enter on a row of 网办进度 brings that application's 办理过程 into view when it does not
all show (tester: Enter on a highlighted row did nothing); the page then has the focus, so the
arrow keys read the rest, and Tab goes back to the list."""
from __future__ import annotations

from textual.widgets import DataTable

from kiosk.ui.screens.records import ProgressScreen
from kiosk.ui.widgets.page import Page
from tests.ui.conftest import screen_text, settle, sign_in


async def open_progress(pilot, env, p) -> ProgressScreen:  # type: ignore[no-untyped-def]
    await sign_in(pilot, env, p.id_number, p.phone)
    await pilot.click("#menu-progress")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ProgressScreen)
    return pilot.app.screen


async def test_at_80x24_enter_brings_the_timeline_into_view(kiosk_app, env, people):
    p = people["four_fails"]  # 郭涛: five exam bookings, the last four failed
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, env, p)
        table = screen.query_one(DataTable)
        table.move_cursor(row=1)  # a failed 科目二: 受理中, 预约成功, 已缴费, 考试不合格 twice
        await settle(pilot)
        assert kiosk_app.focused is table
        serial = screen.rows[1].serial_no
        assert "10:30:00  考试不合格" not in screen_text(kiosk_app)  # its 补考 result is below the screen
        await pilot.press("enter")
        await settle(pilot)
        page = screen.query_one(Page)
        assert kiosk_app.focused is page
        text = screen_text(kiosk_app)
        assert f"业务流水号 {serial}" in text and "办理过程：" in text  # its top at the top...
        assert "10:30:00  考试不合格" in text  # ...and so its end on the screen now
        assert page.scroll_y > 0
        await pilot.press("home")  # the keys scroll the page: the list above
        await settle(pilot)
        assert "共5笔业务" in screen_text(kiosk_app) and page.scroll_y == 0
        await pilot.press("tab")  # back to the list, on the same row
        assert kiosk_app.focused is table and table.cursor_row == 1


async def test_when_all_of_it_shows_enter_moves_nothing(kiosk_app, env, people):
    p = people["four_fails"]
    async with kiosk_app.run_test(size=(120, 60)) as pilot:
        screen = await open_progress(pilot, env, p)
        table = screen.query_one(DataTable)
        before = screen_text(kiosk_app)
        await pilot.press("enter")
        await settle(pilot)
        assert kiosk_app.focused is table and screen_text(kiosk_app) == before
