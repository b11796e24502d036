"""The counter's lock screen at the service layer: a deactivated account's right PIN signs the
terminal out (StaffRevoked, the sign-out recorded; a wrong one reads as for anyone), so does the
screen's own check (permissions.still_active), and locking and signing out are audited with the roles."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry, Staff
from kiosk.domain.errors import DomainError, StaffRevoked
from kiosk.services import permissions, staff
from kiosk.services.demo_people import STAFF

STAFF_NO, NAME, ROLES, PASSWORD, PIN = STAFF[0]
SESSION = staff.StaffSession(STAFF_NO, NAME, tuple(ROLES))


def _deactivate(env) -> None:
    with env.db.write() as s:
        s.scalars(select(Staff).where(Staff.staff_no == STAFF_NO)).one().active = False


def _entries(env) -> list[tuple[str, str, str]]:
    with env.db.read() as s:
        return [(e.action, e.role, e.detail) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def _unlock(env, pin: str) -> str:
    with pytest.raises(DomainError) as err:
        staff.check_pin(env, STAFF_NO, pin, "unlock", staff_no_typed=False)
    return err.value.message


def test_a_deactivated_accounts_right_pin_signs_the_terminal_out(env) -> None:
    """It said 该工号已停用，请退出登录后由其他工作人员登录, and 退出登录 had to be pressed by hand."""
    _deactivate(env)
    with pytest.raises(StaffRevoked) as err:
        staff.check_pin(env, STAFF_NO, PIN, "unlock", staff_no_typed=False)
    assert err.value.message == "该工作人员账户已停用，请联系管理员"
    assert _entries(env)[-2:] == [("unlock_failed", "", "账户已停用，PIN码正确"),
                                  ("staff_sign_out", ",".join(ROLES), "在锁定屏幕退出登录（账户已停用，PIN码正确）")]


def test_the_lock_screens_check_signs_a_deactivated_clerk_out_and_records_nothing_else(env) -> None:
    permissions.still_active(env, SESSION)
    assert _entries(env) == []  # an active account: only read
    _deactivate(env)
    with pytest.raises(StaffRevoked, match="该工作人员账户已停用，请联系管理员"):
        permissions.still_active(env, SESSION)
    assert _entries(env) == [("staff_sign_out", ",".join(ROLES), "在锁定屏幕退出登录（账户已停用，自动退出）")]


def test_a_wrong_pin_reads_the_same_for_a_deactivated_and_an_active_account(env) -> None:
    active = _unlock(env, "999999")
    with env.db.write() as s:
        s.scalars(select(Staff).where(Staff.staff_no == STAFF_NO)).one().failed_logins = 0
    _deactivate(env)
    assert _unlock(env, "999999") == active == "PIN码错误，再错9次将锁定15分钟"
    # the log tells a deactivated account's wrong PIN from its right one (the screen does not)
    assert _unlock(env, PIN) == staff.ACCOUNT_DEACTIVATED  # StaffRevoked: signed out
    assert [d for a, _r, d in _entries(env) if a == "unlock_failed"] == ["", "账户已停用，PIN码错误",
                                                                        "账户已停用，PIN码正确"]


def test_the_staff_exit_tells_a_deactivated_accounts_right_pin_too(env) -> None:
    _deactivate(env)
    with pytest.raises(DomainError) as err:
        staff.check_pin(env, STAFF_NO, PIN, "staff_exit")
    assert err.value.message == "该工号已停用，请联系管理员"
    with pytest.raises(DomainError) as err:
        staff.check_pin(env, STAFF_NO, "999999", "staff_exit")
    assert err.value.message == "工号或PIN码错误"  # as for an unknown staff number


def test_locking_and_signing_out_are_audited_with_the_roles(env) -> None:
    staff.lock_screen(env, SESSION)
    staff.lock_screen(env, SESSION, idle=True)
    staff.sign_out(env, SESSION)
    role = ",".join(ROLES)
    assert [(a, r) for a, r, _ in _entries(env)] == [("lock", role), ("lock", role), ("staff_sign_out", role)]
    assert "无操作" in _entries(env)[1][2]


def test_an_empty_pin_is_asked_for_neither_counted_nor_audited(env) -> None:
    before = _entries(env)
    assert _unlock(env, "") == "请输入PIN码"
    assert _unlock(env, "  ") == "请输入PIN码"
    with pytest.raises(DomainError) as err:
        staff.check_pin(env, STAFF_NO, "", "staff_exit")  # the F12 staff exit too
    assert (err.value.message, err.value.field) == ("请输入PIN码", "pin")
    assert _entries(env) == before
    with env.db.read() as s:
        assert s.scalars(select(Staff).where(Staff.staff_no == STAFF_NO)).one().failed_logins == 0
    assert _unlock(env, "999999") == "PIN码错误，再错9次将锁定15分钟"


@pytest.mark.parametrize("pin", ["abc", "12345", "1234567", "12 34 5a"])
def test_a_pin_that_is_not_6_digits_is_told_so_neither_counted_nor_audited(env, pin) -> None:
    """「abc」 at the lock screen read PIN码错误，再错8次将锁定15分钟: a try used on what no PIN can be.
    Now PIN码须为6位数字, as 工作人员账户 says it; the F12 exit (exit_counter) likewise."""
    before = _entries(env)
    assert _unlock(env, pin) == "PIN码须为6位数字"
    with pytest.raises(DomainError) as err:
        staff.exit_counter(env, SESSION, STAFF_NO, pin, locked=True)
    assert (err.value.message, err.value.field) == ("PIN码须为6位数字", "pin")
    with pytest.raises(DomainError, match="PIN码须为6位数字"):
        staff.check_pin(env, STAFF_NO, pin, "staff_exit")  # the citizen kiosk's staff exit
    assert _entries(env) == before
    with env.db.read() as s:
        assert s.scalars(select(Staff).where(Staff.staff_no == STAFF_NO)).one().failed_logins == 0
    assert _unlock(env, "999999") == "PIN码错误，再错9次将锁定15分钟"  # the first real try is the first counted


def test_a_full_width_pin_is_read_as_digits(env) -> None:
    full = "".join(chr(ord(c) + 0xFEE0) for c in PIN)  # typed with a Chinese input method
    assert staff.check_pin(env, STAFF_NO, full, "unlock", staff_no_typed=False).staff_no == STAFF_NO
