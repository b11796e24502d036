"""Pilot: 修改初始密码 says what is wrong with 新密码 as the clerk leaves it (Tab, Enter, a tap on
确认新密码), the admin's password among it, and keeps the focus there: it was refused only by
确认修改, after 确认新密码 was typed for it. A refusal after 确认修改 empties only what must be typed
again (both fields were emptied), the focus in it."""
from __future__ import annotations

from kiosk.services import counter_staff
from kiosk.services.staff import StaffSession
from kiosk.ui.screens.staff_home import StaffHomeScreen
from kiosk.ui.screens.staff_password import ChangePasswordScreen
from tests.ui.conftest import field_error, set_input, settle
from tests.ui.counter_helpers import press
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_typed_in_a_burst import burst

ADMIN = StaffSession("A0001", "孙管理", ("admin", "counter", "review", "exam_admin"))
INITIAL = "reset2026a"
SAME = "新密码不能与初始密码相同"
WEAK = "密码至少8位，须同时包含字母和数字"


def _inputs(app):
    return app.screen.query_one("#input-new_password"), app.screen.query_one("#input-confirm_password")


async def _at_the_change(pilot, app) -> None:
    counter_staff.reset_password(pilot.app.env, ADMIN, "J1001", INITIAL)
    await _sign_in(pilot, app, "J1001", INITIAL)
    assert isinstance(app.screen, ChangePasswordScreen)


async def test_leaving_new_password_says_what_is_wrong_and_keeps_the_focus(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _at_the_change(pilot, app)
        new, confirm = _inputs(app)
        await burst(pilot, *INITIAL, "tab", *INITIAL)  # 确认新密码 typed on at once (a typist, tmux)
        assert field_error(app, "new_password") == SAME
        assert app.focused is new and new.value == "" and confirm.value == ""
        await pilot.press(*INITIAL, "enter")
        await settle(pilot)
        assert field_error(app, "new_password") == SAME and app.focused is new and new.value == ""
        await pilot.press(*INITIAL)
        await pilot.click("#input-confirm_password")  # a tap elsewhere
        await settle(pilot)
        assert field_error(app, "new_password") == SAME and app.focused is new and new.value == ""
        await pilot.press(*"abc1", "tab")  # the service's other rule, at once too
        await settle(pilot)
        assert field_error(app, "new_password") == WEAK and app.focused is new
        await pilot.press(*"mine2028x", "tab", *"mine2028x")
        await settle(pilot)
        assert field_error(app, "new_password") == "" and confirm.value == "mine2028x"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)


async def test_a_refusal_after_submit_empties_only_what_must_be_typed_again(env):
    """确认新密码 typed first (a tap on it), then 确认修改: 请输入新密码 beside the empty 新密码, the focus
    in it, and 确认新密码 kept (both were emptied). A 确认新密码 that only repeats a refused 新密码 goes
    with it (it can match no new one); a right 新密码 stays under a refused 确认新密码."""
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _at_the_change(pilot, app)
        new, confirm = _inputs(app)
        await pilot.click("#input-confirm_password")
        await pilot.press(*"mine2028x")
        await pilot.click("#submit")
        await settle(pilot)
        assert field_error(app, "new_password") == "请输入新密码" and field_error(app, "confirm_password") == ""
        assert app.focused is new and confirm.value == "mine2028x"  # kept
        await pilot.press(*"mine2028x")
        await pilot.click("#submit")
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)


async def test_a_refused_new_password_takes_only_its_copy_with_it(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _at_the_change(pilot, app)
        new, confirm = _inputs(app)
        set_input(app, "new_password", INITIAL)  # typed as the screen got them, never left
        set_input(app, "confirm_password", INITIAL)
        await press(pilot, "submit")
        assert field_error(app, "new_password") == SAME
        assert new.value == "" and confirm.value == "" and app.focused is new
        set_input(app, "new_password", "mine2028x")
        set_input(app, "confirm_password", "mine2028y")
        await press(pilot, "submit")
        assert field_error(app, "confirm_password") == "两次输入的新密码不一致"
        assert new.value == "mine2028x" and confirm.value == "" and app.focused is confirm
        await pilot.press(*"mine2028x", "enter")
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)
