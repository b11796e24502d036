"""Pilot: Enter on 预约模式 (选择场次) moves the focus on to what comes next.

Tester's finding: with 服从系统安排 chosen, Enter did nothing (the focus stayed on the list), though
Enter on a list with a choice moves on everywhere else. Now Enter goes to 查询 while the dates shown
have not been queried, then to 下一步 (服从系统安排: nothing to choose) or to the session table
(自主选择场次); to 开始日期 when the query found nothing."""
from __future__ import annotations

from textual.widgets import RadioSet

from tests.ui.conftest import set_input, settle
from tests.ui.test_booking_wizard import query, step, to_sessions


async def enter_on_mode(pilot, down: int = 0) -> str:  # type: ignore[no-untyped-def]
    """The mode list focused, ``down`` Down keys (each chooses the next mode), Enter: what has the focus."""
    pilot.app.screen.query_one("#mode", RadioSet).focus()
    await settle(pilot)
    for _ in range(down):
        await pilot.press("down")
        await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    return pilot.app.focused.id if pilot.app.focused is not None else ""


async def test_enter_on_system_mode_goes_to_query_then_to_next(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        assert await enter_on_mode(pilot, down=1) == "query"  # 服从系统安排, not queried yet
        assert kiosk_app.screen.sessions.mode == "system" and step(kiosk_app)[0] == "step-sessions"
        await query(pilot, "2026-12-04", "2026-12-10")
        assert kiosk_app.screen.sessions.rows
        assert await enter_on_mode(pilot) == "next-sessions"  # queried: nothing to choose, 下一步 is next
        set_input(kiosk_app, "date_to", "2026-12-12")  # changed since the query: 查询 again first
        assert await enter_on_mode(pilot) == "query"
        assert step(kiosk_app)[0] == "step-sessions"  # Enter moves the focus only, it never books


async def test_enter_on_self_mode_goes_to_the_table_once_queried(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        assert await enter_on_mode(pilot) == "query"
        await query(pilot, "2026-12-04", "2026-12-10")
        assert await enter_on_mode(pilot) == "sessions"  # the sessions to choose from
        table = kiosk_app.screen.query_one("#sessions")
        page = kiosk_app.screen.query_one("VerticalScroll").region
        assert page.overlaps(table.region)  # brought into view at 80x24
        await query(pilot, "2027-01-20", "2027-01-21")  # nothing in that range: other dates help
        assert await enter_on_mode(pilot, down=1) == "input-date_from"
