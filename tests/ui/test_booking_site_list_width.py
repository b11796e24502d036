"""Pilot: 考试场地's open list (选择场次) covers the width of the column it is drawn over. The choice
was at most 90 columns wide in a column of 94 at 100x30: open, the list let the right edge of
预约模式's framed list under it show through beside it, a faint box of its frame's lines (tester)."""
from __future__ import annotations

import pytest
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from kiosk.ui.screens.booking.session_step import SessionStep
from tests.ui.conftest import settle
from tests.ui.test_booking_wizard import to_sessions


@pytest.mark.parametrize("size", [(100, 30), (120, 40)])
async def test_the_open_site_list_hides_what_is_under_it(kiosk_app, env, people, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        screen = kiosk_app.screen
        site = screen.query_one("#site", Select)
        site.focus()
        await settle(pilot)
        await pilot.press("enter")  # opens the list
        await settle(pilot)
        await pilot.pause(0.1)
        listed = screen.query_one(SelectOverlay)
        assert site.expanded and listed.region.height >= 3
        column = screen.query_one(SessionStep).content_region
        seen = set()
        for y in range(listed.region.y, listed.region.bottom):
            for x in range(column.x, column.right):
                widget, _ = screen.get_widget_at(x, y)
                if widget is not listed and listed not in widget.ancestors:
                    seen.add((type(widget).__name__, x))
        assert not seen, sorted(seen)  # 预约模式's frame (Choices) showed at x 92 to 95
