"""Pilot: 工作人员账户 says what an action did in a line of its own right under the picked account's
buttons (the row of 修改角色, their last), in view (not in a notification over the page's bottom right that went after 5 seconds, nor in a
line docked at the page's bottom, some 20 rows under the buttons at 120x40); the next action takes
the line away."""
from __future__ import annotations

import pytest
from textual.widgets import Static

from kiosk.ui.screens.counter.staff_admin import StaffAdminScreen
from tests.ui.conftest import field_error, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import choose_staff, create_confirmed, press


def said(app, line: str = "staff-message") -> str:  # type: ignore[no-untyped-def]
    """The line under 工作人员账户's buttons (also while a dialog is over it); "" when it is not shown."""
    screen = next(s for s in app.screen_stack if isinstance(s, StaffAdminScreen))
    widget = screen.query_one(f"#{line}", Static)
    return str(widget.render()) if widget.display else ""


def right_under(app, line: str, button: str) -> bool:  # type: ignore[no-untyped-def]
    """``line`` is shown on screen, on the row right under ``button``'s row of buttons."""
    widget, row = app.screen.query_one(f"#{line}", Static), app.screen.query_one(f"#{button}").parent
    return (widget.region.height > 0 and widget.region.y == row.region.bottom
            and widget.region.bottom <= app.size.height)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_what_an_action_did_is_said_under_its_buttons(env, size):
    app = counter_app(env)
    async with app.run_test(size=size, notifications=True) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        await choose_staff(pilot, "J1001")
        set_input(app, "reset_password", "newpass123")
        await press(pilot, "reset")
        await press(pilot, "yes")  # 确认重置密码
        assert said(app) == "J1001 的密码已重置，失败次数和锁定已清除"
        assert not app.screen.query("Toast") and not app._notifications  # noqa: SLF001
        assert right_under(app, "staff-message", "set-roles")  # under the account's buttons (修改角色's last), in view
        assert "J1001 的密码已重置" in screen_text(app)
        await pilot.pause(6)  # not gone after 5 seconds
        assert said(app) == "J1001 的密码已重置，失败次数和锁定已清除"
        await press(pilot, "reset-pin")  # another action: the line of the last one goes
        assert said(app) == "" and "PIN码" in field_error(app, "reset_pin")  # refused: nothing said of the last one
        await press(pilot, "deactivate")
        await press(pilot, "yes")
        assert said(app) == "账户 J1001 已停用" and right_under(app, "staff-message", "set-roles")


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_new_account_is_said_under_create(env, size):
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        for name, value in (("new_staff_no", "J1009"), ("new_name", "陈新"), ("new_password", "start1234"),
                            ("pin", "190019")):
            set_input(app, name, value)
        app.screen.query_one("#role-counter").value = True
        await create_confirmed(pilot)
        assert said(app, "create-message").startswith("已创建账户 J1009")
        assert said(app) == "" and right_under(app, "create-message", "create")


def in_view(app, selector: str) -> bool:  # type: ignore[no-untyped-def]
    """``selector``'s widget is shown whole inside the page's scrolled view: not below its edge, nor
    in its padding's last row (drawn blank there: a CI run's line one row too low passed this)."""
    from textual.containers import VerticalScroll
    widget, page = app.screen.query_one(selector), app.screen.query_one(VerticalScroll)
    return (widget.region.height > 0 and page.scrollable_content_region.contains_region(widget.region)
            and widget.region.bottom <= app.size.height)


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (120, 40)])
@pytest.mark.parametrize("by", ["pin", "create"])
async def test_a_new_account_is_said_in_view_and_the_form_is_ready_for_the_next(env, size, by):
    """Enter in PIN码 (or on 创建账户): the list grows by the new account after the line was scrolled
    into view, which pushed it one row under the page's edge at 100x30 (seen only with the mouse
    wheel), and the focus stayed in the emptied PIN码 field. Now the line is in view once the list
    is reloaded and the focus is on 工号, the form's first field, for the next account."""
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        for name, value in (("new_staff_no", "J1010"), ("new_name", "刘新人"), ("new_password", "start1234"),
                            ("pin", "101000")):
            set_input(app, name, value)
        app.screen.query_one("#role-counter").value = True
        app.screen.query_one("#input-pin" if by == "pin" else "#create").focus()
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await press(pilot, "yes")  # 确认创建
        await pilot.wait_for_scheduled_animations()  # the scroll to the line is animated (a loaded CI machine)
        for _ in range(30):  # and painted: on a loaded CI machine the page's last frame came later still
            if "已创建账户 J1010" in screen_text(app):
                break
            await pilot.pause(0.1)
        assert said(app, "create-message") == "已创建账户 J1010（窗口民警/辅警），该工作人员首次登录时须先修改为本人设置的密码"
        assert "J1010" in [str(k.value) for k in app.screen.query_one("#staff-rows").rows]
        assert in_view(app, "#create-message") and "已创建账户 J1010" in screen_text(app)
        assert app.focused is app.screen.query_one("#input-new_staff_no")
        assert in_view(app, "#input-new_staff_no")
