"""Pilot: 查询 on 选择场次 that finds sessions moves the focus on to what comes next, as Enter on
预约模式 does (SessionStep.after_mode): the sessions table for 自主选择场次 and 优先预约, 下一步 for
服从系统安排 (tester: it stayed on 查询, or in 结束日期 after Enter there). When nothing is found
it stays where it was. After a resize the table is fitted again, its cursor in view."""
from __future__ import annotations

import pytest
from textual.widgets import RadioSet

from tests.ui.conftest import press_enter_in, screen_text, set_input, settle
from tests.ui.test_booking_priority import to_priority_sessions
from tests.ui.test_booking_wizard import query, to_sessions


def focused_id(app) -> str:  # type: ignore[no-untyped-def]
    return app.focused.id if app.focused is not None else ""


async def test_enter_in_the_end_date_goes_to_the_sessions_found_at_90x28(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(90, 28)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        set_input(kiosk_app, "date_from", "2026-12-04")
        set_input(kiosk_app, "date_to", "2026-12-10")
        await press_enter_in(pilot, "date_to")  # Enter there presses 查询
        await settle(pilot)
        table = kiosk_app.screen.query_one("#sessions")
        assert kiosk_app.screen.sessions.rows and focused_id(kiosk_app) == "sessions"
        page = kiosk_app.screen.query_one("VerticalScroll").region
        assert page.contains_region(table.region)  # all of its box in view: the cursor never goes below the fold
        hint = kiosk_app.screen.query_one("#sessions-hint").region  # with the line above it, 共N个场次...
        assert page.contains_region(hint) and "请用方向键移到场次上按回车键" in screen_text(kiosk_app)
        await pilot.press("enter")  # the first session chosen at once
        await settle(pilot)
        assert len(kiosk_app.screen.sessions.marked) == 1


async def test_query_under_system_mode_goes_to_next(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        mode = kiosk_app.screen.query_one("#mode", RadioSet)
        mode.focus()
        await pilot.press("down")  # 服从系统安排
        await settle(pilot)
        assert kiosk_app.screen.sessions.mode == "system"
        await query(pilot, "2026-12-04", "2026-12-10")
        assert kiosk_app.screen.sessions.rows and focused_id(kiosk_app) == "next-sessions"


async def test_query_in_priority_mode_goes_to_the_sessions(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_priority_sessions(pilot, env, people["permit_expiring"])
        await query(pilot, "2026-12-04", "2026-12-10")
        assert kiosk_app.screen.sessions.rows and focused_id(kiosk_app) == "sessions"
        page = kiosk_app.screen.query_one("VerticalScroll").region
        assert page.contains_region(kiosk_app.screen.query_one("#sessions").region)  # in view at 80x24


async def test_nothing_found_leaves_the_focus_where_it_was(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await query(pilot, "2027-01-20", "2027-01-21")
        assert not kiosk_app.screen.sessions.rows and focused_id(kiosk_app) == "query"
        set_input(kiosk_app, "date_from", "2027-01-22")
        await press_enter_in(pilot, "date_to")
        await settle(pilot)
        assert not kiosk_app.screen.sessions.rows and focused_id(kiosk_app) == "input-date_to"


@pytest.mark.parametrize("size", [(120, 40), (100, 32), (80, 24)])
async def test_the_ranking_stays_in_view_with_the_table(kiosk_app, env, people, size):
    """Testers (sessions 23, 24): after 查询 the page scrolled to show the whole table box, and the
    ranking (当前排名 N / 计划 M) was above the view at 120x40 and 100x32. It now stands over the
    sessions it was counted on, and the table takes the rows left under it."""
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        set_input(kiosk_app, "date_from", "2026-12-04")
        set_input(kiosk_app, "date_to", "2026-12-17")
        await press_enter_in(pilot, "date_to")
        await settle(pilot)
        screen = kiosk_app.screen
        page = screen.query_one("VerticalScroll").region
        table = screen.query_one("#sessions")
        assert focused_id(kiosk_app) == "sessions" and len(screen.sessions.rows) > 12
        assert "当前排名" in screen_text(kiosk_app) and "计划为下列考试场次" in screen_text(kiosk_app)
        assert page.contains_region(screen.query_one("#ranking").region)
        assert page.contains_region(table.region) and table.region.height >= 6
        for _ in range(12):  # down the list: the cursor stays inside the table box, on the screen
            await pilot.press("down")
        await settle(pilot)
        assert table.cursor_row == 12 and page.contains_region(table.region)
        assert page.contains_region(screen.query_one("#ranking").region)


def cursor_in_view(app) -> bool:  # type: ignore[no-untyped-def]
    """The table's cursor row on the screen: inside the table's rows shown and inside the page."""
    table = app.screen.query_one("#sessions")
    view = table.content_region
    y = view.y + table.header_height + table.cursor_row - int(table.scroll_y)
    page = app.screen.query_one("VerticalScroll").region
    return view.y + table.header_height <= y < view.bottom and page.y <= y < page.bottom


@pytest.mark.parametrize("sizes, link", [(((120, 40), (80, 24)), False), (((80, 24), (120, 40)), True)])
async def test_a_resize_fits_the_table_again_with_its_cursor_in_view(kiosk_app, env, people, sizes, link):
    """Tester (陈晨, 科目三, 120x40 to 80x24): after the resize the page went back to its top, the table
    below its edge (its header and a row seen, 下方还有内容) and the cursor out of sight; Down, Down,
    Enter chose a session never seen. The table is now fitted as a 查询 at the new size fits it, with
    the ranking over it (and 切换至优先预约 at 120x40, where it fits too), and the cursor row stays
    in view as it moves."""
    (width, height), new = sizes
    async with kiosk_app.run_test(size=(width, height)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await press_enter_in(pilot, "date_from")
        await press_enter_in(pilot, "date_to")  # 查询 with the dates offered: the table has the focus
        await settle(pilot)
        await pilot.press("enter", "down")  # the first session chosen, the cursor on the second
        await settle(pilot)
        await pilot.resize_terminal(*new)
        await settle(pilot)
        await pilot.pause(0.2)
        screen = kiosk_app.screen
        page = screen.query_one("VerticalScroll").region
        table = screen.query_one("#sessions")
        assert focused_id(kiosk_app) == "sessions" and table.cursor_row == 1
        assert page.contains_region(table.region) and table.region.height >= 6
        assert page.contains_region(screen.query_one("#ranking").region)
        assert page.contains_region(screen.query_one("#priority-row").region) == link
        assert cursor_in_view(kiosk_app)
        for _ in range(2 + table.region.height):  # down past the rows first shown: the cursor is seen
            await pilot.press("down")
            await settle(pilot)
            assert cursor_in_view(kiosk_app)
        await pilot.press("enter")
        await settle(pilot)
        assert len(screen.sessions.marked) == 2 and cursor_in_view(kiosk_app)


async def test_the_cursor_brings_the_page_with_it_when_the_table_was_scrolled_away(kiosk_app, env, people):
    """The page scrolled up with the wheel, the table below the edge (80x24): the arrow keys move the
    table's cursor, and the page follows it (it moved out of sight, and Enter chose an unseen row)."""
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await press_enter_in(pilot, "date_to")
        await settle(pilot)
        assert focused_id(kiosk_app) == "sessions"
        kiosk_app.screen.query_one("VerticalScroll").scroll_home(animate=False, immediate=True)
        await settle(pilot)
        assert not cursor_in_view(kiosk_app)
        await pilot.press("down")
        await settle(pilot)
        assert cursor_in_view(kiosk_app)

