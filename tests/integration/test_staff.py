"""Staff sign-in at a counter terminal: argon2 passwords, lock-out after 10 failures, PIN, audit."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry, Staff
from kiosk.domain.errors import DomainError
from kiosk.services import staff, staff_exit
from kiosk.services.demo_people import STAFF
from kiosk.services.env import Env

STAFF_NO, NAME, ROLES, PASSWORD, PIN = STAFF[0]


def audit_actions(env: Env) -> list[tuple[str, str]]:
    with env.db.read() as s:
        return [(e.actor, e.action) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def staff_row(env: Env, staff_no: str = STAFF_NO) -> Staff:
    with env.db.read() as s:
        return s.scalars(select(Staff).where(Staff.staff_no == staff_no)).one()


def test_sign_in_with_the_demo_password(env: Env) -> None:
    session = staff.sign_in(env, STAFF_NO, PASSWORD)
    assert (session.staff_no, session.name, session.roles) == (STAFF_NO, NAME, tuple(ROLES))
    assert session.role_text == "窗口民警/辅警"
    assert audit_actions(env) == [(f"staff:{STAFF_NO}", "staff_sign_in")]
    with env.db.read() as s:
        entry = s.scalars(select(AuditEntry)).one()
        assert (entry.role, entry.terminal_id) == ("counter", "test-kiosk")


def test_staff_number_is_case_and_space_insensitive(env: Env) -> None:
    assert staff.sign_in(env, f" {STAFF_NO.lower()} ", PASSWORD).staff_no == STAFF_NO


def test_every_demo_staff_account_signs_in_with_its_roles(env: Env) -> None:
    admin = next(row for row in STAFF if "admin" in row[2])
    session = staff.sign_in(env, admin[0], admin[3])
    assert set(session.roles) == set(admin[2])
    assert "管理员" in session.role_text


def test_passwords_and_pins_are_stored_as_argon2_hashes(env: Env) -> None:
    row = staff_row(env)
    assert row.password_hash.startswith("$argon2id$") and PASSWORD not in row.password_hash
    assert row.pin_hash.startswith("$argon2id$") and PIN not in row.pin_hash


GENERIC = "工号或密码错误（连续错误10次将锁定15分钟）"


def test_wrong_password_counts_and_is_audited(env: Env) -> None:
    for password in ("wrong", PASSWORD.upper()):
        with pytest.raises(DomainError) as err:
            staff.sign_in(env, STAFF_NO, password)
        assert err.value.message == GENERIC
    assert staff_row(env).failed_logins == 2
    assert audit_actions(env) == [(f"staff:{STAFF_NO}", "staff_sign_in_failed")] * 2


def test_unknown_staff_is_refused_without_saying_which_part_is_wrong(env: Env) -> None:
    with pytest.raises(DomainError) as err:
        staff.sign_in(env, "X9999", PASSWORD)
    assert err.value.message == GENERIC
    assert audit_actions(env) == [("staff:X9999", "staff_sign_in_failed")]


def test_a_wrong_password_reads_the_same_for_a_real_and_an_unknown_staff_number(env: Env) -> None:
    """No count of tries left for a real account: it would tell anyone which staff numbers exist."""
    replies = []
    for number in (STAFF_NO, "X9999", STAFF_NO):
        with pytest.raises(DomainError) as err:
            staff.sign_in(env, number, "wrong")
        replies.append((err.value.message, err.value.field))
    assert replies == [(GENERIC, "password")] * 3
    assert staff_row(env).failed_logins == 2  # still counted towards the lock-out


@pytest.mark.parametrize("staff_no, password, field", [("", PASSWORD, "staff_no"), (STAFF_NO, "", "password")])
def test_empty_fields_are_asked_for(env: Env, staff_no: str, password: str, field: str) -> None:
    with pytest.raises(DomainError, match="请输入") as err:
        staff.sign_in(env, staff_no, password)
    assert err.value.field == field
    assert staff_row(env).failed_logins == 0


def test_success_resets_the_count(env: Env) -> None:
    for _ in range(3):
        with pytest.raises(DomainError):
            staff.sign_in(env, STAFF_NO, "wrong")
    staff.sign_in(env, STAFF_NO, PASSWORD)
    assert staff_row(env).failed_logins == 0
    with pytest.raises(DomainError):
        staff.sign_in(env, STAFF_NO, "wrong")
    assert staff_row(env).failed_logins == 1


def test_ten_failures_lock_for_fifteen_minutes(env: Env) -> None:
    for _ in range(9):
        with pytest.raises(DomainError, match="^工号或密码错误（"):
            staff.sign_in(env, STAFF_NO, "wrong")
    with pytest.raises(DomainError, match="连续输错10次，账户锁定15分钟"):
        staff.sign_in(env, STAFF_NO, "wrong")
    row = staff_row(env)
    assert row.locked_until == env.clock.now() + timedelta(minutes=15)
    with pytest.raises(DomainError, match="已锁定至09:15"):  # even the right password
        staff.sign_in(env, STAFF_NO, PASSWORD)
    env.clock.advance(minutes=14, seconds=59)  # type: ignore[attr-defined]
    with pytest.raises(DomainError, match="已锁定"):
        staff.sign_in(env, STAFF_NO, PASSWORD)
    env.clock.advance(seconds=1)  # type: ignore[attr-defined]
    assert staff.sign_in(env, STAFF_NO, PASSWORD).staff_no == STAFF_NO
    row = staff_row(env)
    assert (row.failed_logins, row.locked_until) == (0, None)
    actions = [a for _, a in audit_actions(env)]
    assert actions.count("staff_sign_in_failed") >= 10 and actions[-1] == "staff_sign_in"


def test_after_a_lock_has_run_out_a_wrong_password_reads_as_for_anyone(env: Env) -> None:
    with env.db.write() as s:  # an expired lock stays in the row until the next successful sign-in
        s.scalars(select(Staff).where(Staff.staff_no == STAFF_NO)).one().locked_until = env.clock.now()
    with pytest.raises(DomainError) as err:
        staff.sign_in(env, STAFF_NO, "wrong")
    assert err.value.message == GENERIC


def test_a_lock_on_one_account_does_not_touch_another(env: Env) -> None:
    with env.db.write() as s:
        row = s.scalars(select(Staff).where(Staff.staff_no == STAFF_NO)).one()
        row.locked_until = env.clock.now() + timedelta(minutes=15)
    other = STAFF[1]
    assert staff.sign_in(env, other[0], other[3]).staff_no == other[0]


def test_attempts_on_a_locked_account_are_audited(env: Env) -> None:
    with env.db.write() as s:
        row = s.scalars(select(Staff).where(Staff.staff_no == STAFF_NO)).one()
        row.locked_until = env.clock.now() + timedelta(minutes=15)
    with pytest.raises(DomainError, match="已锁定"):
        staff.sign_in(env, STAFF_NO, PASSWORD)
    assert audit_actions(env) != []


def test_inactive_staff_cannot_sign_in(env: Env) -> None:
    """The right password is told the account is deactivated (it leaks nothing: only its holder
    knows it); a wrong one gets the same reply as for any other number."""
    with env.db.write() as s:
        s.scalars(select(Staff).where(Staff.staff_no == STAFF_NO)).one().active = False
    with pytest.raises(DomainError) as err:
        staff.sign_in(env, STAFF_NO, PASSWORD)
    assert err.value.message == "该工号已停用，请联系管理员"
    with pytest.raises(DomainError) as err:
        staff.sign_in(env, STAFF_NO, "wrong")
    assert err.value.message == GENERIC
    assert [a for _, a in audit_actions(env)] == ["staff_sign_in_failed"] * 2
    with pytest.raises(DomainError, match="该工号已停用"):  # the right PIN, as the right password
        staff.check_pin(env, STAFF_NO, PIN, "staff_exit")


def test_the_log_tells_a_deactivated_accounts_right_and_wrong_password_apart(env: Env) -> None:
    """Both were 账户已停用; the screen still tells only the right password that it is deactivated."""
    with env.db.write() as s:
        s.scalars(select(Staff).where(Staff.staff_no == STAFF_NO)).one().active = False
    for password in ("wrong", PASSWORD):
        with pytest.raises(DomainError):
            staff.sign_in(env, STAFF_NO, password)
    with env.db.read() as s:
        details = list(s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "staff_sign_in_failed")
                                 .order_by(AuditEntry.id)))
    assert details == ["账户已停用，密码错误", "账户已停用，密码正确"]


def test_pin_check(env: Env) -> None:
    session = staff.check_pin(env, STAFF_NO.lower(), PIN, "staff_exit")
    assert session.staff_no == STAFF_NO
    with pytest.raises(DomainError, match="工号或PIN码错误") as err:
        staff.check_pin(env, STAFF_NO, "000000", "staff_exit")
    assert err.value.field == "pin"
    with pytest.raises(DomainError, match="工号或PIN码错误"):
        staff.check_pin(env, "X9999", PIN, "staff_exit")
    with pytest.raises(DomainError, match="PIN码须为6位数字"):
        staff.check_pin(env, STAFF_NO, PASSWORD, "staff_exit")  # the password is not the PIN: no PIN at all
    assert audit_actions(env) == [
        (f"staff:{STAFF_NO}", "staff_exit"),
        (f"staff:{STAFF_NO}", "staff_exit_failed"),
        ("staff:X9999", "staff_exit_failed"),
    ]


def test_the_staff_exit_reads_the_same_for_a_real_and_an_unknown_staff_number(env: Env) -> None:
    """F12 on a citizen kiosk: the reply to a wrong PIN must not tell a passer-by which staff
    numbers exist (the tries left were counted for a real one only)."""
    replies = []
    for number in (STAFF_NO, "X9999"):
        with pytest.raises(DomainError) as err:
            staff_exit.exit_kiosk(env, number, "999999")
        replies.append(err.value.message)
    assert replies[0] == replies[1] == "工号或PIN码错误"
    assert staff_row(env).failed_logins == 0  # counted against the kiosk, not the account (exit_kiosk)


def test_the_staff_exit_reads_the_same_after_a_lock_has_run_out(env: Env) -> None:
    with env.db.write() as s:  # an expired lock stays in the row until the next success
        s.scalars(select(Staff).where(Staff.staff_no == STAFF_NO)).one().locked_until = env.clock.now()
    with pytest.raises(DomainError) as err:
        staff.exit_counter(env, None, STAFF_NO, "999999")  # a counter's F12 with nobody signed in
    assert err.value.message == "工号或PIN码错误"


def test_an_unknown_staff_number_costs_a_hash_check_too(env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    """Else the quicker reply would tell which staff numbers exist."""
    checked: list[str] = []
    real = staff._verify
    monkeypatch.setattr(staff, "_verify", lambda stored, secret: checked.append(secret) or real(stored, secret))
    with pytest.raises(DomainError):
        staff.sign_in(env, "X9999", "wrong")
    with pytest.raises(DomainError):
        staff.check_pin(env, "X9999", "999999", "kiosk_exit")
    with pytest.raises(DomainError):
        staff_exit.exit_kiosk(env, "X9999", "999998")  # F12 on a citizen kiosk
    assert checked == ["wrong", "999999", "999998"]
