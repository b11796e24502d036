"""Pilot: the 窗口工作台's arrow keys reach 锁定屏幕 and 退出登录, as the 业务中心's reach 退出登录:
Down from the menu's last row goes on to 锁定屏幕 (past the audit log, whose arrow keys are its
own), Left and Right go along that row, and Up from either comes back to where Down left the
menu, even when the audit log makes the page taller than an 80x24 screen."""
from __future__ import annotations

import pytest
from textual.containers import VerticalScroll

from kiosk.services import counter_citizen
from kiosk.services.staff import StaffSession
from kiosk.ui.screens.lock import LockScreen
from kiosk.ui.widgets.menu_grid import menu_rows
from tests.ui.conftest import settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_menu_keys import focused_id, keys

SIZES = [(120, 40), (80, 24)]


async def _to_last_row(pilot) -> str:
    rows = menu_rows(pilot.app.screen)
    return await keys(pilot, *["down"] * (len(rows) - 1))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("who", [("A0001", "kiosk-0001"), ("J1001", "kiosk-1001")])
async def test_down_reaches_lock_and_sign_out_and_up_comes_back(env, size, who):
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app, *who)
        assert focused_id(app) == "m-citizen"
        last = menu_rows(app.screen)[-1]
        assert await _to_last_row(pilot) == last[0].id
        assert await keys(pilot, "right") == (last[1].id if len(last) > 1 else last[0].id)
        left_from = focused_id(app)
        assert await keys(pilot, "down") == "lock"
        assert await keys(pilot, "right") == "sign-out"
        assert await keys(pilot, "right") == "sign-out"  # the row's end: it stays
        assert await keys(pilot, "left") == "lock"
        assert await keys(pilot, "up") == left_from  # back where Down left the menu
        assert await keys(pilot, "down", "right", "up") == left_from  # from 退出登录 too
        assert await keys(pilot, "down") == "lock"
        await pilot.press("enter")  # Enter on 锁定屏幕 locks, as a click does
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)


async def test_up_from_lock_returns_to_the_menu_when_the_page_scrolls(env):
    """A page taller than the screen (the audit log at its 6 rows at least, on a terminal well under
    80x24: at 80x18 the list now shrinks to fit): Up on 锁定屏幕 goes back to the menu instead of
    scrolling the page."""
    clerk = StaffSession("A0001", "孙管理", ("admin", "counter", "review", "exam_admin"))
    for _ in range(12):
        counter_citizen.lookup(env, clerk, "500112198808240556", "本人到窗口办理业务")
    app = counter_app(env)
    async with app.run_test(size=(80, 16)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        page = app.screen.query_one(VerticalScroll)
        assert page.max_scroll_y > 0  # the case: the page scrolls
        await _to_last_row(pilot)
        assert await keys(pilot, "down") == "lock"
        assert page.region.contains_region(app.screen.query_one("#lock").region)  # scrolled into view
        assert await keys(pilot, "up") == menu_rows(app.screen)[-1][0].id
