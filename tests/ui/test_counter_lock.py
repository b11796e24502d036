"""Pilot: a locked counter whose clerk was deactivated meanwhile is not stuck: the right PIN is
told the truth, and 退出登录 on the lock screen (asked first) returns to the staff sign-in for
the next clerk; locking and that sign-out are in the audit log."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models import AuditEntry
from kiosk.services import counter_staff
from kiosk.services.staff import StaffSession
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.citizen import CitizenScreen
from kiosk.ui.screens.lock import LockScreen
from kiosk.ui.screens.staff_home import StaffHomeScreen
from kiosk.ui.screens.staff_sign_in import StaffSignInScreen
from tests.ui.conftest import field_error, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app, sign_out_at_counter
from tests.ui.test_counter_screens import press

ADMIN = StaffSession("A0001", "孙管理", ("admin",))


def _audit(env, staff_no: str) -> list[tuple[str, str]]:
    with env.db.read() as s:
        return [(e.action, e.role) for e in s.scalars(select(AuditEntry).where(AuditEntry.actor == f"staff:{staff_no}")
                                                      .order_by(AuditEntry.id))]


async def test_a_deactivated_clerks_locked_counter_can_be_handed_over(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await press(pilot, "m-citizen")
        assert isinstance(app.screen, CitizenScreen)
        set_input(app, "id_number", "5001")  # unsaved work of the locked session
        app._last_activity -= env.settings.idle_limit + 1  # the clerk walked away: the idle lock
        await app._idle_tick()
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        counter_staff.deactivate(env, ADMIN, "J1001")  # meanwhile, at the admin's counter
        set_input(app, "pin", "100100")
        await press(pilot, "unlock")
        assert isinstance(app.screen, LockScreen)
        assert field_error(app, "pin") == "该工号已停用，请退出登录后由其他工作人员登录"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)  # Escape does not leave a locked screen
        await press(pilot, "sign-out")
        assert isinstance(app.screen, ConfirmDialog)
        assert app.focused is app.screen.query_one("#no")  # the safe answer first
        await press(pilot, "yes")
        await settle(pilot)
        assert isinstance(app.screen, StaffSignInScreen) and len(app.screen_stack) == 1
        assert app.staff is None and not app.locked
        assert app.focused is app.screen.query_one("#input-staff_no")
        await _sign_in(pilot, app, "J1002", "kiosk-1002")
        assert isinstance(app.screen, StaffHomeScreen) and app.staff.staff_no == "J1002"
    actions = _audit(env, "J1001")
    assert actions[-3:] == [("lock", "counter"), ("unlock_failed", ""), ("staff_sign_out", "counter")]


async def test_a_wrong_pin_on_the_lock_screen_reads_the_same_after_deactivation(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await press(pilot, "lock")
        assert isinstance(app.screen, LockScreen)
        counter_staff.deactivate(env, ADMIN, "J1001")
        set_input(app, "pin", "999999")
        await press(pilot, "unlock")
        assert field_error(app, "pin") == "PIN码错误，再错9次将锁定15分钟"


async def test_signing_out_at_the_staff_home_carries_the_roles(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await sign_out_at_counter(pilot)
        assert isinstance(app.screen, StaffSignInScreen)
    assert _audit(env, "J1003") == [("staff_sign_in", "exam_admin"), ("staff_sign_out", "exam_admin")]
