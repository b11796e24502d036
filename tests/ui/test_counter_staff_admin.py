"""Pilot: 工作人员账户 says what is wrong where it is wrong: a missing role by the role boxes,
and 停用 of one's own account at once, before any question; Enter in 初始密码 or PIN码 creates the
account as 创建账户 does."""
from __future__ import annotations

from textual.widgets import Button, DataTable, Static

from kiosk.ui.screens.counter.staff_admin import StaffAdminScreen
from tests.ui.conftest import field_error, press_enter_in, screen_error, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import choose_staff, create_confirmed, press
from tests.ui.test_counter_staff_message import said

SIZE = (120, 40)


async def test_no_role_ticked_is_said_by_the_role_boxes(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        for name, value in (("new_staff_no", "J2001"), ("new_name", "钱窗口"), ("new_password", "abcd1234"),
                            ("pin", "123456")):
            set_input(app, name, value)
        await press(pilot, "create")
        assert "角色" not in screen_error(app)  # not in the line by 重置密码 and 停用账户
        note = app.screen.query_one("#error-roles", Static)
        assert str(note.render()) == "请至少选择一个角色"
        boxes, create = app.screen.query_one("#staff-roles"), app.screen.query_one("#create", Button)
        assert boxes.region.bottom <= note.region.y < create.region.y
        app.screen.query_one("#role-counter").value = True
        await create_confirmed(pilot)
        assert str(note.render()) == "" and "J2001" in [str(r[0]) for r in _rows(app)]


async def test_deactivating_ones_own_account_is_refused_before_asking(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        await choose_staff(pilot, "A0001")
        await press(pilot, "deactivate")
        assert isinstance(app.screen, StaffAdminScreen)  # no question first
        assert "不能停用本人正在使用的账户" in screen_error(app)


def _rows(app) -> list[list]:
    table = app.screen.query_one("#staff-rows", DataTable)
    return [table.get_row_at(i) for i in range(table.row_count)]


async def test_resetting_a_deactivated_accounts_password_is_refused_on_screen(env):
    from kiosk.services import counter_staff
    from kiosk.services.staff import StaffSession

    counter_staff.deactivate(env, StaffSession("A0001", "孙管理", ("admin",)), "J1002")
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        await choose_staff(pilot, "J1002")
        set_input(app, "reset_password", "newpass123")
        await press(pilot, "reset")
        assert "该账户已停用，请先启用账户再重置密码" in screen_error(app)
        assert "已重置" not in said(app)


async def test_enter_in_the_initial_password_creates_the_account(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        for name, value in (("new_staff_no", "J2001"), ("new_name", "钱窗口"), ("new_password", "abcdefgh"),
                            ("pin", "123456")):
            set_input(app, name, value)
        app.screen.query_one("#role-counter").value = True
        await press_enter_in(pilot, "new_password")
        await settle(pilot)
        assert field_error(app, "new_password") == "密码至少8位，须同时包含字母和数字"  # checked, not cleared
        await press_enter_in(pilot, "new_password")  # Enter again, nothing changed: checked again
        await settle(pilot)
        assert field_error(app, "new_password") == "密码至少8位，须同时包含字母和数字"
        assert "J2001" not in [str(r[0]) for r in _rows(app)]
        set_input(app, "new_password", "abcd1234")
        await press_enter_in(pilot, "new_password")
        await settle(pilot)
        await press(pilot, "yes")  # 确认创建: 创建账户 asks first
        assert field_error(app, "new_password") == ""
        assert "J2001" in [str(r[0]) for r in _rows(app)]
        assert app.screen.query_one("#input-new_password").value == ""  # the form is emptied for the next one


async def test_enter_in_the_pin_creates_the_account_too(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        for name, value in (("new_staff_no", "J2002"), ("new_name", "孙窗口"), ("new_password", "abcd1234"),
                            ("pin", "123456")):
            set_input(app, name, value)
        app.screen.query_one("#role-review").value = True
        await press_enter_in(pilot, "pin")
        await settle(pilot)
        await press(pilot, "yes")  # 确认创建
        assert "J2002" in [str(r[0]) for r in _rows(app)]


async def test_every_wrong_field_of_a_new_account_is_told_at_once_by_its_field(env):
    """新建账户 said one error per press (工号 first; the name was not checked at all): now each
    wrong field has its message next to it at once, the roles' by the boxes, the focus on the first."""
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        for name, value in (("new_staff_no", "J1001"), ("new_name", "Li Si"), ("new_password", "abcdefgh"),
                            ("pin", "123")):
            set_input(app, name, value)
        await press(pilot, "create")
        assert field_error(app, "new_staff_no") == "该工号已存在"
        assert field_error(app, "new_name") == "姓名只能包含汉字（少数民族姓名可含间隔号・）"
        assert field_error(app, "new_password") == "密码至少8位，须同时包含字母和数字"
        assert field_error(app, "pin") == "PIN码须为6位数字"
        assert str(app.screen.query_one("#error-roles", Static).render()) == "请至少选择一个角色"
        assert screen_error(app) == ""  # none of them in the line by 重置密码
        assert app.focused is app.screen.query_one("#input-new_staff_no")
        for name, value in (("new_staff_no", "J2003"), ("new_name", "李四"), ("new_password", "abcd1234"),
                            ("pin", "123456")):
            set_input(app, name, value)
        app.screen.query_one("#role-verify").value = True
        await settle(pilot)
        assert all(field_error(app, n) == "" for n in ("new_staff_no", "new_name", "new_password", "pin"))
        assert str(app.screen.query_one("#error-roles", Static).render()) == ""  # answered by the tick
        await create_confirmed(pilot)
        assert ["J2003", "李四"] == [str(c) for c in next(r for r in _rows(app) if str(r[0]) == "J2003")[:2]]
