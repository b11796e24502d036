"""Pilot: the arrow keys move about the 业务中心 menu as about a grid (tester's finding 6), at both
sizes, and the counter's 窗口工作台 menu is the same widget and moves the same way. Tab keeps its order."""
from __future__ import annotations

from kiosk.ui.widgets.menu_grid import MenuGrid, menu_rows
from tests.ui.conftest import settle, sign_in
from tests.ui.test_counter import _sign_in, counter_app

SMALL, LARGE = (80, 24), (120, 40)


def focused_id(app) -> str:
    return app.focused.id if app.focused is not None else ""


async def keys(pilot, *names: str) -> str:
    await pilot.press(*names)
    await pilot.pause()
    return focused_id(pilot.app)


async def test_arrows_move_about_the_menu_at_120x40(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=LARGE) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        assert focused_id(kiosk_app) == "menu-licence_replace"
        assert await keys(pilot, "right") == "menu-licence_delay_renewal"
        assert await keys(pilot, "left") == "menu-licence_replace"
        assert await keys(pilot, "left") == "menu-licence_replace"  # the first stays the first
        assert await keys(pilot, "up") == "menu-licence_replace"
        assert await keys(pilot, "down") == "menu-licence_contact"  # 4 to a row: the 5th is under the 1st
        assert await keys(pilot, "up") == "menu-licence_replace"
        # the end of a row: Right stays put (it went on to the next row's first), as Left at its start
        assert await keys(pilot, "right", "right", "right") == "menu-licence_delay_review"
        assert await keys(pilot, "right") == "menu-licence_delay_review"
        assert await keys(pilot, "down", "left", "left", "left") == "menu-licence_contact"
        assert await keys(pilot, "left") == "menu-licence_contact"  # not the row above's last
        assert await keys(pilot, "right", "right", "right", "up") == "menu-licence_delay_review"
        # Down in the last column: the shorter last row's last button, then the next group
        assert await keys(pilot, "down") == "menu-exam_cancel"
        assert await keys(pilot, "down") == "menu-exam_results"
        assert await keys(pilot, "down") == "menu-vehicle_licence_reissue"
        assert await keys(pilot, "up") == "menu-exam_results"
        await pilot.press("enter")  # Enter opens what the arrows reached
        await settle(pilot)
        assert type(kiosk_app.screen).__name__ == "ResultsScreen"


async def test_arrows_follow_the_three_columns_at_80x24_and_tab_keeps_its_order(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=SMALL) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        assert [len(row) for row in menu_rows(kiosk_app.screen)][:4] == [3, 3, 3, 2]
        assert await keys(pilot, "down") == "menu-licence_delay_review"  # 3 to a row at 80x24
        # the tester's finding at 90x28 (3 to a row too): Left on a row's first went to the row above's last
        assert await keys(pilot, "left") == "menu-licence_delay_review"
        assert await keys(pilot, "right", "right", "right") == "menu-elicence"
        assert await keys(pilot, "right") == "menu-elicence"  # not on to the next row's first
        assert await keys(pilot, "left", "left") == "menu-licence_delay_review"
        assert await keys(pilot, "right", "down", "down") == "menu-exam_results"
        assert await keys(pilot, "down") == "menu-plate_reissue"  # on to the next group, same column
        assert await keys(pilot, "tab") == "menu-vehicle_licence_reissue"  # Tab: the next button, as before
        assert await keys(pilot, "shift+tab", "shift+tab", "shift+tab") == "menu-exam_results"
        # the last rows: Down goes on to 退出登录, docked under the menu, and stays there
        rows = menu_rows(kiosk_app.screen)
        now = next(r for r, row in enumerate(rows) if kiosk_app.focused in row)
        assert await keys(pilot, *["down"] * (len(rows) - 1 - now)) == "menu-inbox"  # the last row
        assert await keys(pilot, "down") == "sign-out"
        assert await keys(pilot, "down") == "sign-out"
        assert await keys(pilot, "up") == "menu-inbox"  # back where Down left the menu
        assert await keys(pilot, "shift+tab", "tab", "tab") == "sign-out"  # Tab reaches it as before


async def test_down_from_the_last_row_reaches_sign_out_and_up_comes_back_at_120x40(kiosk_app, env, people):
    """Tester's finding: Down stopped at 消息（6条未读）, the last menu item; only Tab reached 退出登录."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=LARGE) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        last_row = menu_rows(kiosk_app.screen)[-1]
        assert await keys(pilot, *["down"] * (len(menu_rows(kiosk_app.screen)) - 1)) == last_row[0].id
        assert await keys(pilot, "down") == "sign-out"
        assert await keys(pilot, "up") == last_row[0].id
        assert await keys(pilot, "up") == menu_rows(kiosk_app.screen)[-2][0].id  # on up the menu
        assert await keys(pilot, "down", "down", "left") == "sign-out"  # Left/Right there: its own row
        await pilot.press("down", "enter")  # Enter on 退出登录 asks, as a click does; Enter again signs out
        await settle(pilot)
        assert kiosk_app.citizen is not None
        await pilot.press("enter")
        await settle(pilot)
        assert kiosk_app.citizen is None


async def test_the_counter_menu_moves_the_same_way(env):
    app = counter_app(env)
    async with app.run_test(size=LARGE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        assert len(app.screen.query(MenuGrid)) == 1
        assert focused_id(app) == "m-citizen"
        assert await keys(pilot, "left") == "m-citizen"  # a row's ends stay put, as in the 业务中心
        assert await keys(pilot, "right") == "m-review"
        first_row = [b.id for b in menu_rows(app.screen)[0]]
        assert await keys(pilot, *["right"] * len(first_row)) == first_row[-1]
        assert await keys(pilot, *["left"] * (len(first_row) - 2)) == "m-review"
        assert await keys(pilot, "down") == "m-dashboard"  # 4 to a row: 5 under 1, 6 under 2
        assert await keys(pilot, "left") == "verify"
        assert await keys(pilot, "up") == "m-citizen"
        await pilot.resize_terminal(*SMALL)
        await settle(pilot)
        assert await keys(pilot, "down") == "m-results"  # 3 to a row at 80x24


async def test_arrows_sent_together_each_move_one_step(kiosk_app, env, people):
    """Keys a terminal sends in one burst (tester: Up Up Up moved one row, Right Right one button):
    each move starts from the button the last one focused, not from the one focused before it."""
    from textual import events
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=LARGE) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        assert focused_id(kiosk_app) == "menu-licence_replace"
        for key in ("right", "right", "down"):  # all queued before the first is handled
            kiosk_app.post_message(events.Key(key, None))
        await settle(pilot)
        assert focused_id(kiosk_app) == "menu-exam_booking"  # 2nd row, 3rd column (was: 1st row, 2nd column)
