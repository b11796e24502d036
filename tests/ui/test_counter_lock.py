"""Pilot: a locked counter whose clerk was deactivated meanwhile is not stuck: the right PIN, or
the lock screen's own check, signs it out at once, the reason left on the staff sign-in; 退出登录
on the lock screen (asked first) returns to the staff sign-in for the next clerk; locking and the
sign-out are in the audit log."""
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
from tests.ui.conftest import field_error, screen_error, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app, sign_out_at_counter
from tests.ui.counter_helpers import press

ADMIN = StaffSession("A0001", "孙管理", ("admin",))


def _audit(env, staff_no: str) -> list[tuple[str, str]]:
    with env.db.read() as s:
        return [(e.action, e.role) for e in s.scalars(select(AuditEntry).where(AuditEntry.actor == f"staff:{staff_no}")
                                                      .order_by(AuditEntry.id))]


WHY = "王警官（工号 J1001）已退出登录：该工作人员账户已停用，请联系管理员"


async def _idle_lock_over_a_citizens_file(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await _sign_in(pilot, app)
    await press(pilot, "m-citizen")
    assert isinstance(app.screen, CitizenScreen)
    set_input(app, "id_number", "5001")  # unsaved work of the locked session
    app._last_activity -= app.env.settings.idle_limit + 1  # the clerk walked away: the idle lock
    await app._idle_tick()
    await settle(pilot)
    assert isinstance(app.screen, LockScreen)


def _signed_out_with_the_reason(app) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(app.screen, StaffSignInScreen) and len(app.screen_stack) == 1
    assert app.staff is None and not app.locked
    assert app.focused is app.screen.query_one("#input-staff_no")
    assert screen_error(app) == WHY and WHY in screen_text(app)


async def test_a_deactivated_clerks_right_pin_signs_the_counter_out_at_once(env):
    """It said 该工号已停用，请退出登录后由其他工作人员登录 under the PIN, and 退出登录 had to be pressed
    by hand, though the admin's question promised the terminal would sign out."""
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _idle_lock_over_a_citizens_file(pilot, app)
        counter_staff.deactivate(env, ADMIN, "J1001")  # meanwhile, at the admin's counter
        set_input(app, "pin", "100100")
        await press(pilot, "unlock")
        await settle(pilot)
        _signed_out_with_the_reason(app)
        await _sign_in(pilot, app, "J1002", "kiosk-1002")
        assert isinstance(app.screen, StaffHomeScreen) and app.staff.staff_no == "J1002"
    actions = _audit(env, "J1001")
    assert actions[-3:] == [("lock", "counter"), ("unlock_failed", ""), ("staff_sign_out", "counter")]


async def test_the_lock_screen_signs_a_deactivated_clerk_out_by_itself(env):
    """Its check every LIVE_SECONDS (called here as its interval would): no PIN needed."""
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _idle_lock_over_a_citizens_file(pilot, app)
        lock = app.screen
        lock._check_account()
        await settle(pilot)
        assert app.screen is lock  # still active: nothing changes
        counter_staff.deactivate(env, ADMIN, "J1001")
        lock._check_account()
        await settle(pilot)
        _signed_out_with_the_reason(app)
    assert _audit(env, "J1001")[-2:] == [("lock", "counter"), ("staff_sign_out", "counter")]


async def test_a_locked_counter_can_be_handed_over_with_sign_out(env):
    """退出登录 on the lock screen (asked first) returns to the staff sign-in for the next clerk."""
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _idle_lock_over_a_citizens_file(pilot, app)
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
        assert screen_error(app) == ""  # asked for: a notification says so, nothing stays
        assert any("已退出登录，请工作人员登录" in str(n.message) for n in app._notifications)
        await _sign_in(pilot, app, "J1002", "kiosk-1002")
        assert isinstance(app.screen, StaffHomeScreen) and app.staff.staff_no == "J1002"
    actions = _audit(env, "J1001")
    assert actions[-2:] == [("lock", "counter"), ("staff_sign_out", "counter")]


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
