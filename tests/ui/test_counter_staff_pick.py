"""Pilot: 工作人员账户, the account picked follows the list: one click on a row picks it (a first click
only moved the cursor, so 停用账户 acted on the account picked before, the admin's own A0001:
不能停用本人正在使用的账户), and once one is picked, moving the cursor picks the row it moves to.
Nothing is picked before the admin picks one (the cursor starts on the first row, A0001)."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from kiosk.ui.dialogs.confirm import ConfirmDialog
from tests.ui.conftest import settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import choose_staff, press
from tests.ui.test_counter_staff_admin import SIZE
from tests.ui.test_counter_staff_keys import _on_row


def chosen(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#chosen", Static).render())


async def click_row(pilot, staff_no: str) -> None:  # type: ignore[no-untyped-def]
    table = pilot.app.screen.query_one("#staff-rows", DataTable)
    table.scroll_visible(animate=False, immediate=True)
    await settle(pilot)
    await pilot.click("#staff-rows", offset=(3, table.get_row_index(staff_no) + 1))  # under the header
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), SIZE])
async def test_one_click_on_an_account_picks_it_while_the_list_has_no_focus(env, size):
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        await choose_staff(pilot, "A0001")
        table = app.screen.query_one("#staff-rows", DataTable)
        assert chosen(app).startswith("所选账户：A0001") and not table.has_focus  # on its buttons
        await click_row(pilot, "J1001")
        assert table.cursor_row == table.get_row_index("J1001")
        assert chosen(app).startswith("所选账户：J1001 王警官")
        await press(pilot, "deactivate")
        assert isinstance(app.screen, ConfirmDialog) and "J1001" in str(app.screen.query_one("#question").render())


async def test_once_picked_the_account_follows_the_cursor(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        table = await _on_row(pilot, "J1001")  # moved there: nothing picked yet
        assert chosen(app).startswith("所选账户：未选择")
        await pilot.press("enter")
        await settle(pilot)
        assert chosen(app).startswith("所选账户：J1001")
        table.focus()
        await pilot.press("down")
        await settle(pilot)
        below = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        assert below != "J1001" and chosen(app).startswith(f"所选账户：{below}")
        await press(pilot, "deactivate")
        assert isinstance(app.screen, ConfirmDialog) and below in str(app.screen.query_one("#question").render())
        await pilot.click("#yes")
        await settle(pilot)
        assert chosen(app).startswith(f"所选账户：{below}") and "已停用" in chosen(app)  # read again: still it
        assert table.cursor_row == table.get_row_index(below)
