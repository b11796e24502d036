"""Pilot: 选择场次 at 100x30 after 查询 (陈晨, 科目二): the page scrolled down to the ranking leaves no
field cut at its top edge. It ended before the ranking reached the edge, and the row under the step
bar showed the bottom edge of 预约模式 alone (▊▁▁▁▎, tester); the table now takes those rows."""
from __future__ import annotations

import pytest
from textual.containers import VerticalScroll

from tests.ui.conftest import settle
from tests.ui.test_booking_wizard import query, to_sessions

BOXED = "Input, RadioSet, Select, Button, DataTable"


def cut(app) -> list[str]:
    """What is partly in the page's view and partly out of it."""
    page = app.screen.query_one(VerticalScroll).region
    return [w.id or type(w).__name__ for w in app.screen.query(BOXED)
            if w.display and w.region.height and w.region.overlaps(page) and not page.contains_region(w.region)]


async def test_no_field_is_cut_at_the_top_after_query(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        await query(pilot, "2026-12-04", "2026-12-17")
        await settle(pilot)
        await pilot.pause(0.2)
        screen = kiosk_app.screen
        page = screen.query_one(VerticalScroll).region
        ranking, table = screen.query_one("#ranking").region, screen.query_one("#sessions")
        assert ranking.y == page.y and cut(kiosk_app) == []
        assert page.contains_region(screen.query_one("#next-sessions").region)
        assert table.region.height > 12  # the rows the page could not scroll show sessions


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40), (100, 34)])
@pytest.mark.parametrize("dates", [("2026-12-04", "2026-12-17"), ("2026-12-07", "2026-12-07")])
async def test_no_field_is_cut_whatever_the_size_and_the_rows_found(kiosk_app, env, people, size, dates):
    """With fewer sessions than rows to fill, the room is left under the buttons instead."""
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        await query(pilot, *dates)
        await settle(pilot)
        await pilot.pause(0.2)
        page = kiosk_app.screen.query_one(VerticalScroll).region
        assert cut(kiosk_app) == [] and page.contains_region(kiosk_app.screen.query_one("#sessions").region)
