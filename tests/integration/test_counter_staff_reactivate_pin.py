"""工作人员账户 at the service layer: 启用 a deactivated account and 重置PIN for a clerk who forgot
theirs. Both are for an existing account only, audited, and the PIN is never written down."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry, Staff
from kiosk.domain.errors import DomainError, NotFound, PermissionDenied
from kiosk.services import counter_staff, staff
from kiosk.services.staff import StaffSession

ADMIN = StaffSession("A0001", "孙管理", ("admin", "counter", "review", "exam_admin"))
CLERK = StaffSession("J1001", "王警官", ("counter",))


def _row(env, staff_no: str) -> tuple[bool, int, object, str]:
    with env.db.read() as s:
        r = s.scalars(select(Staff).where(Staff.staff_no == staff_no)).one()
        return r.active, r.failed_logins, r.locked_until, r.pin_hash


def _entries(env) -> list[tuple[str, str, str]]:
    with env.db.read() as s:
        return [(e.actor, e.action, e.detail) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def _lock_out(env, staff_no: str) -> None:
    with env.db.write() as s:
        r = s.scalars(select(Staff).where(Staff.staff_no == staff_no)).one()
        r.failed_logins, r.locked_until = 4, env.clock.now() + timedelta(minutes=10)


def _refused(fn, env, *args) -> DomainError:  # type: ignore[no-untyped-def]
    before = _entries(env)
    with pytest.raises(DomainError) as err:
        fn(env, *args)
    assert _entries(env) == before  # nothing audited: nothing was done
    return err.value


def test_a_reactivated_account_signs_in_with_its_old_password_and_pin(env) -> None:
    counter_staff.deactivate(env, ADMIN, "J1001")
    _lock_out(env, "J1001")  # locked before it was deactivated
    counter_staff.reactivate(env, ADMIN, " j1001 ")  # typed as the other actions accept it
    active, failures, locked_until, _ = _row(env, "J1001")
    assert active and failures == 0 and locked_until is None
    assert _entries(env)[-1] == ("staff:A0001", "staff_reactivate", "J1001")
    assert staff.sign_in(env, "J1001", "kiosk-1001").roles == ("counter",)  # its roles as they were
    assert staff.check_pin(env, "J1001", "100100", "unlock").staff_no == "J1001"


def test_an_active_account_is_not_reactivated(env) -> None:
    for staff_no in ("J1002", "A0001"):  # one's own account is active: the admin signed in with it
        err = _refused(counter_staff.reactivate, env, ADMIN, staff_no)
        assert (err.message, err.field) == ("该账户未停用，无需启用", "target")


def test_a_deactivated_account_is_not_deactivated_again(env) -> None:
    counter_staff.deactivate(env, ADMIN, "J1002")
    err = _refused(counter_staff.deactivate, env, ADMIN, "J1002")
    assert (err.message, err.field) == ("该账户已停用", "target")


def test_a_new_pin_unlocks_and_the_old_one_no_longer_does(env) -> None:
    _lock_out(env, "J1001")  # the clerk tried the PIN they forgot until the account locked
    counter_staff.reset_pin(env, ADMIN, "J1001", " 246810 ")
    _, failures, locked_until, _ = _row(env, "J1001")
    assert failures == 0 and locked_until is None
    assert staff.check_pin(env, "J1001", "246810", "unlock").staff_no == "J1001"
    with pytest.raises(DomainError, match="PIN码错误"):
        staff.check_pin(env, "J1001", "100100", "unlock")
    assert staff.sign_in(env, "J1001", "kiosk-1001").staff_no == "J1001"  # the password is unchanged
    resets = [e for e in _entries(env) if e[1] == "staff_pin_reset"]
    assert resets == [("staff:A0001", "staff_pin_reset", "J1001")]
    assert not any("246810" in detail for *_, detail in _entries(env))  # the PIN itself is in no entry


def test_a_pin_typed_in_full_width_digits_is_stored_as_the_digits(env) -> None:
    counter_staff.reset_pin(env, ADMIN, "J1001", "２４６８１０")  # a Chinese input method in 全角 mode
    assert staff.check_pin(env, "J1001", "246810", "unlock").staff_no == "J1001"


@pytest.mark.parametrize("pin", ["", "12345", "1234567", "12a456", "１２３４５６x", "١٢٣٤٥٦"])
def test_a_pin_that_is_not_six_digits_is_refused_by_its_field(env, pin) -> None:
    before = _row(env, "J1001")
    err = _refused(counter_staff.reset_pin, env, ADMIN, "J1001", pin)
    assert (err.message, err.field) == ("PIN码须为6位数字", "reset_pin")
    assert _row(env, "J1001") == before


def test_a_deactivated_accounts_pin_is_not_reset(env) -> None:
    """Named first, before the PIN is checked: 启用 comes before anything else."""
    counter_staff.deactivate(env, ADMIN, "J1002")
    before = _row(env, "J1002")
    for pin in ("135790", "1"):
        err = _refused(counter_staff.reset_pin, env, ADMIN, "J1002", pin)
        assert (err.message, err.field) == ("该账户已停用，请先启用账户再重置PIN码", "target")
    assert _row(env, "J1002") == before


def test_an_account_that_does_not_exist(env) -> None:
    for fn, args in ((counter_staff.reactivate, ()), (counter_staff.reset_pin, ("135790",))):
        with pytest.raises(NotFound) as err:
            fn(env, ADMIN, "X9999", *args)
        assert (err.value.message, err.value.field) == ("未找到该工号", "target")
    assert not [e for e in _entries(env) if e[1] in ("staff_reactivate", "staff_pin_reset")]


def test_only_an_admin_may(env) -> None:
    counter_staff.deactivate(env, ADMIN, "J1002")
    with pytest.raises(PermissionDenied):
        counter_staff.reactivate(env, CLERK, "J1002")
    with pytest.raises(PermissionDenied):
        counter_staff.reset_pin(env, CLERK, "J1001", "135790")
    assert not _row(env, "J1002")[0] and staff.check_pin(env, "J1001", "100100", "unlock")
