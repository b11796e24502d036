"""Pilot: 工作人员账户 from the keyboard. Enter on an account in the list picks it and puts the focus
on what comes next for it (新密码, the first field of its part, for an active account; 启用账户 for a
deactivated one); the account's
fields and buttons come next after the list in the Tab order, before the 新建账户 form. Home and End
move the list's cursor to its first and last account."""
from __future__ import annotations

from textual.widgets import DataTable

from kiosk.services import counter_staff
from kiosk.services.staff import StaffSession, check_pin
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.staff_admin import StaffAdminScreen
from tests.ui.conftest import field_error, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press
from tests.ui.test_counter_staff_message import said

ADMIN = StaffSession("A0001", "孙管理", ("admin",))


async def _on_row(pilot, staff_no: str) -> DataTable:
    """The list has the focus, its cursor on ``staff_no`` (moved with the arrow keys)."""
    table = pilot.app.screen.query_one("#staff-rows", DataTable)
    table.focus()
    await settle(pilot)
    while str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value) != staff_no:
        await pilot.press("down")
    return table


async def test_enter_on_an_account_goes_to_its_first_field_and_a_password_is_reset_by_keys(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        assert isinstance(app.screen, StaffAdminScreen)
        await _on_row(pilot, "J1001")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.chosen == "J1001"
        assert app.focused is app.screen.query_one("#input-reset_password")  # not 重置密码 (was)
        await pilot.press("enter")  # 重置密码 with no new password: told by the field, which keeps the focus
        await settle(pilot)
        assert field_error(app, "reset_password") == "密码至少8位，须同时包含字母和数字"
        assert app.focused is app.screen.query_one("#input-reset_password")
        for key in "newpass123":
            await pilot.press(key)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)  # asked first, 暂不办理 focused
        await pilot.press("left", "enter")  # 确认重置密码
        await settle(pilot)
        assert "J1001 的密码已重置" in said(app)


async def test_enter_on_a_deactivated_account_goes_to_reactivate(env):
    counter_staff.deactivate(env, ADMIN, "J1002")
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        await _on_row(pilot, "J1002")
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#reactivate")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)


async def test_the_accounts_controls_follow_the_list_in_the_tab_order(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        await _on_row(pilot, "J1003")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("shift+tab")  # from 新密码: the list
        await settle(pilot)
        assert app.focused is app.screen.query_one("#staff-rows")
        seen = []
        for _ in range(13):
            await pilot.press("tab")
            seen.append(app.focused.id)
        assert seen == ["input-reset_password", "input-reset_pin", "reset", "reset-pin", "deactivate", "reactivate",
                        "back", "set-role-counter", "set-role-review", "set-role-exam_admin", "set-role-verify",
                        "set-role-admin", "set-roles"]  # 修改角色's boxes, then its button
        await pilot.press("tab")
        assert app.focused.id == "input-new_staff_no"  # then the 新建账户 form


async def test_a_pin_typed_after_picking_an_account_goes_into_its_field(env):
    """The tester's keys: Enter on J1001, Tab to 新PIN码, the PIN, Tab Tab to 重置PIN码, Enter."""
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        await _on_row(pilot, "J1001")
        await pilot.press("enter", "tab", *"123789", "tab", "tab")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#reset-pin")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("left", "enter")  # 确认重置PIN码
        await settle(pilot)
        assert said(app) == "J1001 的PIN码已重置，失败次数和锁定已清除"
        assert check_pin(env, "J1001", "123789", "unlock").staff_no == "J1001"  # the PIN typed


async def test_home_and_end_move_the_cursor_to_the_first_and_the_last_account(env):
    """End went nowhere: Textual's DataTable scrolls sideways on Home and End with a row cursor.
    The pick follows the cursor once an account is picked, so End picks the last account."""
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        table = await _on_row(pilot, "A0001")
        assert table.row_count > 2 and table.cursor_row == 0
        await pilot.press("end")
        await settle(pilot)
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home")
        await settle(pilot)
        assert table.cursor_row == 0
        await pilot.press("enter", "shift+tab", "end")  # an account picked, back in the list: End picks the last
        await settle(pilot)
        last = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        assert table.cursor_row == table.row_count - 1 and app.screen.chosen == last
