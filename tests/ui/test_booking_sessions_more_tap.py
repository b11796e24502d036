"""Pilot: 选择场次 at 100x30 (陈晨, 科目二): under the session table a line says 下方还有内容 while
sessions are below the table's edge, and a tap on it pages the table. Tester at a touch screen: 共72个
场次 over 13 rows, and the only way to the rest by taps was the table's thin scrollbar (the page's own
line pages the page, not the table). The focus stays where it was (the page took it); at the table's
end it says 上方还有内容 and a tap pages back up. The priority wizard's table has the same line."""
from __future__ import annotations

from textual.widgets import DataTable

from tests.ui.conftest import screen_text, settle
from tests.ui.test_booking_priority import to_priority_sessions
from tests.ui.test_booking_wizard import query, to_sessions

BELOW = "下方还有内容：请点这里向下翻页（或选中列表后按方向键）"
ABOVE = "上方还有内容：请点这里向上翻页（或选中列表后按方向键）"


def first_shown(table: DataTable) -> int:
    return int(table.scroll_y)  # one row a line: the index of the first row under the header


async def tap(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause(0.6)  # not a double-tap's second tap, nor one right after a new step
    await pilot.click("#sessions-more")
    await settle(pilot)
    await pilot.pause(0.1)


async def test_a_tap_on_the_line_under_the_table_pages_the_sessions(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        await query(pilot, "2026-12-07", "2026-12-20")
        await settle(pilot)
        await pilot.pause(0.2)
        screen = kiosk_app.screen
        table = screen.query_one("#sessions", DataTable)
        line = screen.query_one("#sessions-more")
        assert table.row_count > 40 and table.scroll_y == 0
        assert line.display and line.visible and BELOW in screen_text(kiosk_app)
        page = table.scrollable_content_region.height - table.header_height  # the rows shown under the header
        focused = kiosk_app.focused
        await tap(pilot)
        assert first_shown(table) == page  # the row after the last one seen, none skipped
        assert kiosk_app.focused is focused
        while table.scroll_y < table.max_scroll_y:
            await tap(pilot)
        assert ABOVE in screen_text(kiosk_app) and BELOW not in screen_text(kiosk_app)
        end = table.scroll_y
        await tap(pilot)
        assert table.scroll_y == end - page and kiosk_app.focused is focused
        await pilot.click(table, offset=(20, 2))  # a session on the page shown is chosen by a tap
        await settle(pilot)
        assert len(screen.query_one("#step-sessions").marked) == 1


async def test_no_line_while_every_session_shows(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        await query(pilot, "2026-12-07", "2026-12-07")
        await settle(pilot)
        await pilot.pause(0.2)
        table = kiosk_app.screen.query_one("#sessions", DataTable)
        assert 0 < table.row_count and table.max_scroll_y == 0
        assert not kiosk_app.screen.query_one("#sessions-more").visible
        assert BELOW not in screen_text(kiosk_app) and ABOVE not in screen_text(kiosk_app)


async def test_the_priority_table_has_the_line_too(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_priority_sessions(pilot, env, people["permit_expiring"])
        await query(pilot, "2026-12-04", "2026-12-20")
        await settle(pilot)
        await pilot.pause(0.2)
        table = kiosk_app.screen.query_one("#sessions", DataTable)
        assert table.max_scroll_y > 0 and BELOW in screen_text(kiosk_app)
        await tap(pilot)
        assert table.scroll_y > 0
