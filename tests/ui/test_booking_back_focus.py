"""Pilot: back on 选择场次 from 确认并提交, the sessions listed and chosen have the focus, as after the
查询 that found them, 下一步 two Tabs on (tester: the focus was on 开始日期 at the top, the chosen rows
and 下一步 below the edge, seven Tabs away)."""
from __future__ import annotations

import pytest
from textual.widgets import Button, DataTable

from tests.ui.conftest import settle
from tests.ui.test_booking_wizard import mark_rows, query, step, to_sessions


def _in_view(app, widget) -> bool:  # type: ignore[no-untyped-def]
    return app.screen.region.contains_region(widget.region) and widget.region.height > 0


async def _to_confirm_and_back(pilot) -> None:  # type: ignore[no-untyped-def]
    """下一步 from 选择场次, then Escape (上一步) from 确认并提交."""
    app = pilot.app
    app.screen.query_one("#next-sessions", Button).press()
    await settle(pilot)
    assert step(app)[0] == "step-confirm"
    await pilot.press("escape")
    await settle(pilot)
    assert step(app)[0] == "step-sessions"


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_back_from_confirm_puts_the_focus_on_the_sessions_chosen(kiosk_app, env, people, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await query(pilot, "2026-12-04", "2026-12-10")
        await mark_rows(pilot, 2)
        await _to_confirm_and_back(pilot)
        table = kiosk_app.screen.query_one("#sessions", DataTable)
        assert kiosk_app.focused is table and table.cursor_row == 1  # the last session chosen
        assert _in_view(kiosk_app, table)  # as after a 查询 that found sessions (SessionFocus.focus_found)
        for _ in range(2):  # 上一步, then 下一步: two Tabs away, not seven
            await pilot.press("tab")
        assert kiosk_app.focused is kiosk_app.screen.query_one("#next-sessions", Button)


async def test_the_first_time_the_focus_is_still_on_the_dates(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-date_from")


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_back_from_confirm_in_system_mode_shows_next_with_the_focus(kiosk_app, env, people, size):
    """服从系统安排 (nothing to choose): back from 确认并提交 the focus is on 下一步, in view (tester: the
    page came back at its top with 下一步 focused below the edge, so no focus showed anywhere)."""
    from textual.widgets import RadioSet

    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        kiosk_app.screen.query_one("#mode", RadioSet).query("RadioButton").last().value = True
        await settle(pilot)
        await query(pilot, "2026-12-04", "2026-12-10")
        await _to_confirm_and_back(pilot)
        after = kiosk_app.screen.query_one("#next-sessions", Button)
        assert kiosk_app.focused is after and _in_view(kiosk_app, after)
