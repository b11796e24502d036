"""Pilot: each role's counter menu, Escape back to it, 工作人员账户, 审计日志 and 考试数据看板."""
from __future__ import annotations

from textual.widgets import Checkbox, DataTable, Select

from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.audit import AuditScreen
from kiosk.ui.screens.counter.dashboard import DashboardScreen
from kiosk.ui.screens.counter.exam_plans import ExamPlansScreen
from kiosk.ui.screens.counter.staff_admin import StaffAdminScreen
from kiosk.ui.screens.staff_home import StaffHomeScreen
from kiosk.ui.screens.staff_password import ChangePasswordScreen
from kiosk.ui.screens.verify import VerifyScreen
from tests.ui.conftest import field_error, screen_text, set_input, settle
from tests.ui.counter_helpers import SIZE, choose_staff, create_confirmed, menu_ids, press
from tests.ui.test_counter import _sign_in, counter_app


async def test_each_role_sees_only_its_menu(env):
    expected = {
        ("H2001", "kiosk-2001"): {"verify"},
        ("J1002", "kiosk-1002"): {"m-review", "m-dashboard", "m-audit"},
        ("J1003", "kiosk-1003"): {"m-plans", "m-results", "m-dashboard", "m-audit"},
        ("J1001", "kiosk-1001"): {"m-citizen", "verify", "m-dashboard", "m-audit"},
    }
    for (no, password), ids in expected.items():
        app = counter_app(env)
        async with app.run_test(size=SIZE) as pilot:
            await _sign_in(pilot, app, no, password)
            assert isinstance(app.screen, StaffHomeScreen)
            assert menu_ids(app) == ids, no
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        assert {"m-staff", "m-audit", "m-citizen", "m-review", "m-plans"} <= menu_ids(app)
        await press(pilot, "verify")
        assert isinstance(app.screen, VerifyScreen)
        set_input(app, "payload", "DL1:not-a-code")
        await pilot.click("#clear")  # a click focuses the button
        await settle(pilot)
        assert app.screen.query_one("#input-payload").value == ""
        assert app.focused is app.screen.query_one("#input-payload")  # ready for the next scan


async def test_escape_goes_back_at_the_counter(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        for menu, screen in (("m-audit", AuditScreen), ("m-dashboard", DashboardScreen), ("m-plans", ExamPlansScreen)):
            await press(pilot, menu)
            assert isinstance(app.screen, screen)
            if menu == "m-plans":  # an open list closes first; the screen stays
                site = app.screen.query_one("#site", Select)
                site.focus()
                await pilot.press("enter")
                await settle(pilot)
                assert site.expanded
                await pilot.press("escape")
                await settle(pilot)
                assert not site.expanded and isinstance(app.screen, ExamPlansScreen)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, StaffHomeScreen), menu
        await pilot.press("escape")  # the home screen has no 返回: nothing happens (no sign-out)
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen) and app.staff is not None


async def test_admin_audit_and_staff_accounts(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        assert isinstance(app.screen, StaffAdminScreen)
        set_input(app, "new_staff_no", "H2002")
        set_input(app, "new_name", "保险核验员")
        set_input(app, "new_password", "short")
        set_input(app, "pin", "123456")
        await press(pilot, "create")
        roles_error = str(app.screen.query_one("#error-roles").render())  # by the role boxes, not the bottom line
        assert "角色" in roles_error or "密码" in field_error(app, "new_password")
        app.screen.query_one("#role-verify", Checkbox).value = True
        set_input(app, "new_password", "insure2026")
        await create_confirmed(pilot)
        assert "H2002" in screen_text(app)
        # nothing is chosen by default (the cursor starts on A0001, the admin's own account)
        assert app.screen.query_one("#reset").disabled and app.screen.query_one("#deactivate").disabled
        await choose_staff(pilot, "H2002")
        assert "所选账户：H2002 保险核验员（核验，待修改初始密码）" in screen_text(app)  # its 初始密码 is the admin's
        set_input(app, "reset_password", "insure2027")
        await press(pilot, "reset")
        assert isinstance(app.screen, ConfirmDialog) and "H2002 保险核验员" in screen_text(app)
        await press(pilot, "yes")  # 确认重置密码
        assert app.screen.chosen == "H2002" and "所选账户：H2002" in screen_text(app)  # kept after the reload
        assert not app.screen.query_one("#deactivate").disabled
        app.pop_screen()
        await settle(pilot)
        await press(pilot, "m-audit")
        assert isinstance(app.screen, AuditScreen)
        set_input(app, "action", "staff_create")
        await press(pilot, "search")
        assert "共 1 条" in screen_text(app) and "新建工作人员账户" in screen_text(app)
        assert "staff:A0001" not in screen_text(app)  # 操作人 without the internal prefix
        set_input(app, "date_from", "2026-99-01")
        await press(pilot, "search")
        assert field_error(app, "date_from") == "日期不正确：月份应为1-12"  # written as a date, naming no day
        set_input(app, "date_from", "99-01")
        await press(pilot, "search")
        assert "格式" in field_error(app, "date_from")
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "H2002", "insure2027")  # the password the admin reset
        assert isinstance(app.screen, ChangePasswordScreen)  # the clerk sets their own first
        set_input(app, "new_password", "mine2028x")
        set_input(app, "confirm_password", "mine2028x")
        await press(pilot, "submit")
        assert menu_ids(app) == {"verify"}


async def test_staff_roles_fit_an_80_column_terminal(env):
    """At 80x24 the five role checkboxes are one line each, side by side, all inside the screen."""
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        boxes = list(app.screen.query("#staff-roles Checkbox"))
        assert len(boxes) == 5
        assert all(b.region.height == 1 and b.region.right <= 80 for b in boxes), [b.region for b in boxes]
        boxes[-1].focus()
        await pilot.press("space")
        assert boxes[-1].value  # the last one (管理员) can be reached and ticked


async def test_dashboard_draws_the_week(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await press(pilot, "m-dashboard")
        assert isinstance(app.screen, DashboardScreen)
        text = screen_text(app)
        assert "今日及未来7天" in text and "满员率" in text and "周" in text
        assert app.screen.query_one("#dash-rows", DataTable).row_count > 0
