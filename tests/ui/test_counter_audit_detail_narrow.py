"""Pilot: 审计日志 at 80x24 with a full list. The highlighted entry's line under the list (its roles,
terminal and 说明) was below the screen's edge and could not be reached: the page is no Tab stop and
the list keeps the arrow keys. Moving in the list (or Tab into it) now brings that line into view,
and the hint at the top is still reached from the first field."""
from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Static

from kiosk.services import counter_citizen
from kiosk.services.staff import StaffSession
from tests.ui.conftest import settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press

CLERK = StaffSession("J1001", "王警官", ("counter",))


def _in_view(app, selector: str) -> bool:
    page = app.screen.query_one(VerticalScroll)
    widget = app.screen.query_one(selector)
    return widget.region.height > 0 and page.region.contains_region(widget.region)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_highlighted_entrys_line_comes_into_view(env, people, size):
    for reason in ("本人到窗口办理业务", "代办（持委托书）") * 8:
        counter_citizen.lookup(env, CLERK, people["driver_normal"].id_number, reason)
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app, "J1001", "kiosk-1001")
        await press(pilot, "m-audit")
        assert app.focused.id == "input-staff_no"
        while app.focused.id != "audit-rows":  # Tab through the form to the list, as a clerk does
            await pilot.press("tab")
        await pilot.pause()
        detail = app.screen.query_one("#audit-detail", Static)
        assert "说明：" in str(detail.render()) and _in_view(app, "#audit-detail")
        await pilot.press("down", "down")
        await settle(pilot)
        assert "说明：事由：" in str(detail.render()) and _in_view(app, "#audit-detail")
        while app.focused.id != "input-staff_no":  # back to the first field
            await pilot.press("shift+tab")
        await pilot.pause()
        await pilot.press("up", "up", "up")  # the page scrolls back to the hint above the first field
        await pilot.pause()
        assert _in_view(app, ".hint")
