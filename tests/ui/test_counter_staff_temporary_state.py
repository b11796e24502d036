"""Pilot: 工作人员账户's list says which accounts still sign in with a password an admin set
(新建账户's 初始密码, 重置密码): 状态 待修改初始密码, until the clerk has set their own in 修改初始密码.
Before, such an account read 正常 like any other, and the admin could not tell who had not yet
signed in to change it."""
from __future__ import annotations

from textual.widgets import DataTable

from kiosk.services import counter_staff, staff, staff_password
from kiosk.services.staff import StaffSession
from tests.ui.conftest import screen_text, set_input
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import choose_staff, create_confirmed, press

ADMIN = StaffSession("A0001", "孙管理", ("admin", "counter", "review", "exam_admin"))


def _states(app) -> dict[str, str]:
    table = app.screen.query_one("#staff-rows", DataTable)
    return {str(row[0]): str(row[3]) for row in (table.get_row_at(i) for i in range(table.row_count))}


async def test_accounts_with_the_admins_password_read_waiting_for_their_own(env):
    counter_staff.reset_password(env, ADMIN, "J1002", "reset2026a")
    counter_staff.reset_password(env, ADMIN, "J1003", "reset2026b")
    counter_staff.deactivate(env, ADMIN, "J1003")
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        for name, value in (("new_staff_no", "J1009"), ("new_name", "陈新"), ("new_password", "start1234"),
                            ("pin", "190019")):
            set_input(app, name, value)
        app.screen.query_one("#role-counter").value = True
        await create_confirmed(pilot)
        states = _states(app)
        assert states["J1009"] == "待修改初始密码"  # 新建账户: the admin's 初始密码
        assert states["J1002"] == "待修改初始密码"  # 重置密码
        assert states["J1003"] == "已停用，待修改初始密码"
        assert states["A0001"] == "正常（当前登录）" and states["J1001"] == "正常"  # the demo accounts set nothing
        await choose_staff(pilot, "J1002")
        assert "所选账户：J1002 李审核（审核，待修改初始密码）" in screen_text(app)

        clerk = staff.sign_in(env, "J1002", "reset2026a")  # meanwhile, at the clerk's counter
        staff_password.change_temporary(env, clerk, "mine2028x", "mine2028x")
        set_input(app, "reset_pin", "120012")
        await press(pilot, "reset-pin")  # any action reloads the list
        await press(pilot, "yes")
        assert _states(app)["J1002"] == "正常"  # the clerk's own password now
