"""Pilot: a dropdown's open list does not wrap round (kiosk.ui.widgets.dropdown.DropdownList). Up on
全部考场, the first option of 考试场地 (预约考试, 选择场次), jumped to the last site (tester); now Up
there stays on it, and Down on the last site stays on the last site. Between the ends the bar moves
one option as before."""
from __future__ import annotations

from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from tests.ui.conftest import settle
from tests.ui.test_booking_wizard import to_sessions


async def test_up_on_the_first_and_down_on_the_last_option_stay(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        site = kiosk_app.screen.query_one("#site", Select)
        site.focus()
        await settle(pilot)
        await pilot.press("enter")  # opens the list on 全部考场
        await settle(pilot)
        listed = site.query_one(SelectOverlay)
        last = listed.option_count - 1
        assert site.expanded and listed.highlighted == 0 and last >= 2
        await pilot.press("up")
        await settle(pilot)
        assert listed.highlighted == 0  # was the last site
        await pilot.press("down")
        await settle(pilot)
        assert listed.highlighted == 1
        for _ in range(last + 2):
            await pilot.press("down")
        await settle(pilot)
        assert listed.highlighted == last
        await pilot.press("down")
        await settle(pilot)
        assert listed.highlighted == last  # was 全部考场 again
        await pilot.press("up", "enter")
        await settle(pilot)
        assert not site.expanded and site.value == site._options[last - 1][1]
