"""Pilot: an account an admin made in 工作人员账户 signs in to 修改初始密码, not to the workbench: the
new password is checked beside its fields, and once set the clerk reaches 窗口工作台 (and next time
goes straight in). Escape there signs the clerk out (asked first when something is typed). The demo A0001 still goes straight in."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models import AuditEntry
from kiosk.services import counter_staff
from kiosk.services.staff import StaffSession
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.staff_home import StaffHomeScreen
from kiosk.ui.screens.staff_password import LEFT, ChangePasswordScreen
from kiosk.ui.screens.staff_sign_in import StaffSignInScreen
from tests.ui.conftest import field_error, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app, sign_out_at_counter
from tests.ui.counter_helpers import create_confirmed, menu_ids, press

ADMIN = StaffSession("A0001", "孙管理", ("admin", "counter", "review", "exam_admin"))


def _actions(env, staff_no: str) -> list[tuple[str, str]]:
    with env.db.read() as s:
        return [(e.action, e.detail) for e in s.scalars(select(AuditEntry).where(AuditEntry.actor == f"staff:{staff_no}")
                                                        .order_by(AuditEntry.id))]


async def test_a_new_account_changes_its_password_then_reaches_the_workbench(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")  # a demo account: straight in
        assert isinstance(app.screen, StaffHomeScreen)
        await press(pilot, "m-staff")
        for name, value in (("new_staff_no", "J1009"), ("new_name", "陈新"), ("new_password", "start1234"),
                            ("pin", "190019")):
            set_input(app, name, value)
        app.screen.query_one("#role-counter").value = True
        await create_confirmed(pilot)
        await press(pilot, "back")
        await sign_out_at_counter(pilot)
        assert isinstance(app.screen, StaffSignInScreen)

        await _sign_in(pilot, app, "J1009", "start1234")
        assert isinstance(app.screen, ChangePasswordScreen) and app.staff.must_change_password
        assert "首次登录请修改密码" in screen_text(app) and "修改初始密码" in screen_text(app)
        assert app.focused is app.screen.query_one("#input-new_password")
        await pilot.press(*"start1234", "enter")  # the admin's password again: said at once
        await settle(pilot)
        assert field_error(app, "new_password") == "新密码不能与初始密码相同"
        set_input(app, "new_password", "short")
        set_input(app, "confirm_password", "")
        await press(pilot, "submit")
        assert field_error(app, "new_password") == "密码至少8位，须同时包含字母和数字"
        assert field_error(app, "confirm_password") == "请再次输入新密码"
        set_input(app, "new_password", "mine2028x")
        set_input(app, "confirm_password", "mine2028y")
        await press(pilot, "submit")
        assert field_error(app, "confirm_password") == "两次输入的新密码不一致"
        assert isinstance(app.screen, ChangePasswordScreen)
        set_input(app, "confirm_password", "mine2028x")
        await press(pilot, "submit")
        assert isinstance(app.screen, StaffHomeScreen) and "m-citizen" in menu_ids(app)
        assert not app.staff.must_change_password
        assert ("staff_password_change", "首次登录，管理员设置的密码已由本人修改") in _actions(env, "J1009")
        assert "修改初始密码" in screen_text(app)  # in its recent actions
        await sign_out_at_counter(pilot)
        assert isinstance(app.screen, StaffSignInScreen)  # the sign-in under it, nothing else
        assert len(app.screen_stack) == 1
        await _sign_in(pilot, app, "J1009", "mine2028x")  # the clerk's own password: straight in
        assert isinstance(app.screen, StaffHomeScreen)


async def test_escape_from_the_change_signs_the_clerk_out(env):
    """Escape (or 返回) with nothing typed signs the clerk out at once; with something typed it asks
    填写的内容尚未保存 first, as the other counter forms do (tester: a typed password was dropped and
    the clerk signed out unasked): 继续填写 keeps the form, 放弃并退出登录 signs out."""
    counter_staff.reset_password(env, ADMIN, "J1001", "reset2026a")
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app, "J1001", "reset2026a")
        assert isinstance(app.screen, ChangePasswordScreen)
        await pilot.press(*"mine2028x", "escape")  # walks away, something typed: asked first
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog) and "填写的内容尚未保存" in dialog.question
        assert app.focused is dialog.query_one("#no") and app.staff is not None  # the safe answer: 继续填写
        await pilot.press("enter")  # 继续填写
        await settle(pilot)
        assert isinstance(app.screen, ChangePasswordScreen) and app.staff is not None
        assert app.screen.query_one("#input-new_password").value == "mine2028x"  # kept
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "yes")  # 放弃并退出登录
        await settle(pilot)
        assert isinstance(app.screen, StaffSignInScreen) and app.staff is None and len(app.screen_stack) == 1
        assert _actions(env, "J1001")[-1] == ("staff_sign_out", LEFT)
        await _sign_in(pilot, app, "J1001", "reset2026a")  # still the admin's password: asked again
        assert isinstance(app.screen, ChangePasswordScreen)
        await pilot.press("escape")  # nothing typed: signed out at once
        await settle(pilot)
        assert isinstance(app.screen, StaffSignInScreen) and app.staff is None
        await _sign_in(pilot, app, "J1001", "reset2026a")
        set_input(app, "confirm_password", "x")  # 确认新密码 alone counts too
        await press(pilot, "back")  # 返回 as Escape
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "yes")
        await settle(pilot)
        assert isinstance(app.screen, StaffSignInScreen) and app.staff is None


async def test_a_refused_password_is_typed_again_into_empty_fields(env):
    """As a wrong password at the sign-in: typed again into a masked field it was appended to."""
    counter_staff.reset_password(env, ADMIN, "J1001", "reset2026a")
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "J1001", "reset2026a")
        await pilot.press(*"mine2028x", "enter", *"mine2028y", "enter")  # not the same twice
        await settle(pilot)
        assert field_error(app, "confirm_password") == "两次输入的新密码不一致"
        confirm = app.screen.query_one("#input-confirm_password")
        assert confirm.value == "" and app.focused is confirm
        assert app.screen.query_one("#input-new_password").value == "mine2028x"  # kept: it was right
        await pilot.press(*"mine2028x", "enter")
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)


async def test_enter_in_new_password_checks_it_and_keeps_the_focus(env):
    """Enter in an empty or too weak 新密码 says so under it and stays (an empty one moved on to
    确认新密码 unsaid, and what was typed there was refused as 请输入新密码: tester)."""
    counter_staff.reset_password(env, ADMIN, "J1001", "reset2026a")
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "J1001", "reset2026a")
        new = app.screen.query_one("#input-new_password")
        await pilot.press("enter")
        await settle(pilot)
        assert field_error(app, "new_password") == "请输入新密码" and app.focused is new
        await pilot.press(*"abc1", "enter")
        await settle(pilot)
        assert field_error(app, "new_password") == "密码至少8位，须同时包含字母和数字"
        assert app.focused is new and new.value == ""  # typed again into an empty field
        await pilot.press(*"mine2028x", "enter")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#input-confirm_password")
