"""Pilot: 工作人员账户's 启用账户 (asked first, as 停用 is) and 重置PIN码 (Enter in the field presses it),
each on the account picked in the list; what the account's state does not allow is said at once,
before any question, and a PIN that is not 6 digits by its field."""
from __future__ import annotations

from sqlalchemy import select
from textual.widgets import Button

from kiosk.db.models import AuditEntry
from kiosk.services import counter_staff, staff
from kiosk.services.staff import StaffSession
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.staff_admin import StaffAdminScreen
from kiosk.ui.screens.staff_home import StaffHomeScreen
from tests.ui.conftest import field_error, press_enter_in, screen_error, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import choose_staff, open_staff_admin, press
from tests.ui.test_counter_staff_message import said

SIZE = (120, 40)
ADMIN = StaffSession("A0001", "孙管理", ("admin",))
ACTIONS = ("reset", "reset-pin", "deactivate", "reactivate")


def _audited(env, action: str) -> list[tuple[str, str]]:
    with env.db.read() as s:
        return [(e.actor, e.detail) for e in s.scalars(select(AuditEntry).where(AuditEntry.action == action))]


def _notes(app) -> list[str]:
    """What the screen said of the last action (the line under the page)."""
    return [said(app)]


async def test_reactivating_a_deactivated_account_asks_first(env):
    counter_staff.deactivate(env, ADMIN, "J1002")
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_staff_admin(pilot, app)
        assert all(app.screen.query_one(f"#{b}", Button).disabled for b in ACTIONS)  # nothing picked yet
        await choose_staff(pilot, "J1002")
        assert "所选账户：J1002 李审核（审核，已停用）" in screen_text(app)
        assert not any(app.screen.query_one(f"#{b}", Button).disabled for b in ACTIONS)
        await press(pilot, "reactivate")
        assert isinstance(app.screen, ConfirmDialog)  # nothing done yet
        question = str(app.screen.query_one("#question").render())
        assert "启用账户 J1002 李审核" in question and "原密码和PIN码" in question
        await pilot.press("enter")  # 暂不办理 has the focus
        await settle(pilot)
        assert isinstance(app.screen, StaffAdminScreen) and "（审核，已停用）" in screen_text(app)
        assert _audited(env, "staff_reactivate") == []
        await press(pilot, "reactivate")
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(app.screen, StaffAdminScreen) and "所选账户：J1002 李审核（审核，正常）" in screen_text(app)
        assert "账户 J1002 已启用，可用原密码登录" in _notes(app)
        assert _audited(env, "staff_reactivate") == [("staff:A0001", "J1002")]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "J1002", "kiosk-1002")  # the password it had before
        assert isinstance(app.screen, StaffHomeScreen) and app.staff.staff_no == "J1002"


async def test_what_the_state_does_not_allow_is_said_before_asking(env):
    counter_staff.deactivate(env, ADMIN, "J1003")
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_staff_admin(pilot, app)
        for staff_no in ("J1001", "A0001"):  # an active account, one's own too
            await choose_staff(pilot, staff_no)
            await press(pilot, "reactivate")
            assert isinstance(app.screen, StaffAdminScreen)  # no question
            assert "该账户未停用，无需启用" in screen_error(app)
        await choose_staff(pilot, "J1003")
        await press(pilot, "deactivate")
        assert isinstance(app.screen, StaffAdminScreen) and "该账户已停用" in screen_error(app)
        set_input(app, "reset_pin", "135790")
        await press(pilot, "reset-pin")
        assert "该账户已停用，请先启用账户再重置PIN码" in screen_error(app)
        assert app.screen.query_one("#input-reset_pin").value == "135790"  # kept for after 启用
    assert _audited(env, "staff_reactivate") == _audited(env, "staff_pin_reset") == []


async def test_a_clerks_forgotten_pin_is_reset(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_staff_admin(pilot, app)
        await choose_staff(pilot, "J1001")
        set_input(app, "reset_pin", "24681")
        await press_enter_in(pilot, "reset_pin")  # Enter presses 重置PIN码
        await settle(pilot)
        assert field_error(app, "reset_pin") == "PIN码须为6位数字"
        assert app.focused is app.screen.query_one("#input-reset_pin")
        set_input(app, "reset_pin", "246810")
        await settle(pilot)
        assert field_error(app, "reset_pin") == ""  # corrected: the message went
        await press_enter_in(pilot, "reset_pin")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "yes")  # 确认重置PIN码
        assert field_error(app, "reset_pin") == "" and app.screen.query_one("#input-reset_pin").value == ""
        assert "J1001 的PIN码已重置，失败次数和锁定已清除" in _notes(app)
        assert "所选账户：J1001" in screen_text(app)  # still picked after the reload
    assert staff.check_pin(env, "J1001", "246810", "unlock").staff_no == "J1001"
    assert _audited(env, "staff_pin_reset") == [("staff:A0001", "J1001")]
