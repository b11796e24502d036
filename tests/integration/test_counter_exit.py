"""F12 at a counter terminal at the service layer (kiosk.services.staff.exit_counter): the signed-in
clerk's wrong PINs count towards the same lock-out as at the lock screen and at sign-in; another
staff member is refused before any PIN is looked at; the exit signs the clerk out."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry, Staff
from kiosk.domain.errors import DomainError
from kiosk.services import staff

CLERK = staff.StaffSession("J1001", "王警官", ("counter",))


def _refused(env, staff_no: str, pin: str, signed_in=CLERK, locked: bool = True) -> DomainError:
    with pytest.raises(DomainError) as err:
        staff.exit_counter(env, signed_in, staff_no, pin, locked=locked)
    return err.value


def _failures(env, staff_no: str) -> int:
    with env.db.read() as s:
        return s.scalars(select(Staff).where(Staff.staff_no == staff_no)).one().failed_logins


def _actions(env) -> list[tuple[str, str]]:
    with env.db.read() as s:
        return [(e.actor, e.action) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_the_clerks_wrong_pins_lock_the_account_as_at_the_lock_screen(env) -> None:
    for left in range(9, 0, -1):
        assert _refused(env, "J1001", "999999").message == f"PIN码错误，再错{left}次将锁定15分钟"
    assert _refused(env, "J1001", "999999").message == "连续输错10次，账户锁定15分钟"
    assert _refused(env, "J1001", "100100").message.startswith("连续输错次数过多，账户已锁定至")
    with pytest.raises(DomainError, match="账户已锁定至"):  # the lock screen counts the same tries
        staff.check_pin(env, "J1001", "100100", "unlock", staff_no_typed=False)
    assert ("staff:J1001", "staff_sign_out") not in _actions(env)


def test_wrong_pins_at_the_exit_and_at_the_lock_screen_add_up(env) -> None:
    _refused(env, "J1001", "999999")
    with pytest.raises(DomainError, match="再错8次"):
        staff.check_pin(env, "J1001", "999999", "unlock", staff_no_typed=False)
    assert _refused(env, "J1001", "999999").message == "PIN码错误，再错7次将锁定15分钟"


def test_another_staff_member_is_refused_before_any_pin_is_checked(env) -> None:
    err = _refused(env, "H2001", "200100", locked=False)
    assert err.field == "staff_no" and "王警官（工号 J1001）" in err.message and "按「退出登录」结束其登录" in err.message
    _refused(env, "H2001", "999999")
    assert _failures(env, "H2001") == 0 and _failures(env, "J1001") == 0
    assert _refused(env, "", "100100").field == "staff_no"  # no number typed: not audited
    assert _actions(env) == [("staff:H2001", "counter_exit_failed")] * 2


def test_a_deactivated_clerks_right_pin_is_told_to_sign_out_first(env) -> None:
    with env.db.write() as s:
        s.scalars(select(Staff).where(Staff.staff_no == "J1001")).one().active = False
    assert _refused(env, "J1001", "100100").message == staff.DEACTIVATED_EXIT
    assert _actions(env) == [("staff:J1001", "counter_exit_failed")]
    assert staff.exit_counter(env, None, "H2001", "200100").staff_no == "H2001"  # once signed out, anyone


def test_the_exit_records_the_clerks_sign_out(env) -> None:
    assert staff.exit_counter(env, CLERK, " j1001 ", "100100", locked=False) == CLERK
    assert _actions(env) == [("staff:J1001", "counter_exit"), ("staff:J1001", "staff_sign_out")]
