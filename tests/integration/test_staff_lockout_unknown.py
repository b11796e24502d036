"""The lock-out tells nobody which staff numbers exist: an unknown number (and a deactivated
account's wrong password) answers as a real account does, the lock at the 10th wrong try and
账户已锁定至HH:MM for the 15 minutes after it; the log still tells them apart (工号不存在). And F12
on a citizen kiosk counts its wrong PINs against the terminal, never against the staff account:
a passer-by could otherwise keep every clerk locked out of the counter."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry, Staff
from kiosk.domain.errors import DomainError
from kiosk.services import staff, staff_exit
from kiosk.services.demo_people import STAFF
from kiosk.services.env import Env

J1003 = next(row for row in STAFF if row[0] == "J1003")
_NO, _NAME, _ROLES, PASSWORD, PIN = J1003


def _reply(call, *args, **kwargs) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as err:
        call(*args, **kwargs)
    return err.value.message


def _sign_in_replies(env: Env, number: str, tries: int = 11) -> list[str]:
    return [_reply(staff.sign_in, env, number, f"wrong-{i}") for i in range(tries)]


def _details(env: Env, actor: str, action: str) -> list[str]:
    with env.db.read() as s:
        return list(s.scalars(select(AuditEntry.detail).where(AuditEntry.actor == actor, AuditEntry.action == action)
                              .order_by(AuditEntry.id)))


def _in15(env: Env) -> str:
    """HH:MM a lock starting now ends (the tests' clock stands still)."""
    return f"{env.clock.now() + timedelta(minutes=15):%H:%M}"


def _row(env: Env, number: str = "J1003") -> Staff:
    with env.db.read() as s:
        return s.scalars(select(Staff).where(Staff.staff_no == number)).one()


def _deactivate(env: Env, number: str = "J1003") -> None:
    with env.db.write() as s:
        s.scalars(select(Staff).where(Staff.staff_no == number)).one().active = False


def test_an_unknown_staff_number_locks_at_the_tenth_wrong_password_as_a_real_one(env: Env) -> None:
    until = _in15(env)
    real = _sign_in_replies(env, "J1003")
    assert real[:9] == [staff.WRONG_PASSWORD] * 9
    assert real[9:] == ["连续输错10次，账户锁定15分钟", f"连续输错次数过多，账户已锁定至{until}"]
    for number in ("J7777", "Z9999"):
        assert _sign_in_replies(env, number) == real
    env.clock.advance(minutes=14, seconds=59)  # type: ignore[attr-defined]
    assert _reply(staff.sign_in, env, "Z9999", "x") == _reply(staff.sign_in, env, "J1003", PASSWORD) \
        == f"连续输错次数过多，账户已锁定至{until}"
    env.clock.advance(seconds=1)  # type: ignore[attr-defined]
    assert _sign_in_replies(env, "Z9999", 1) == _sign_in_replies(env, "J1003", 1) == [staff.WRONG_PASSWORD]
    # the log still says which number does not exist, and which replies were the lock's
    details = _details(env, "staff:Z9999", "staff_sign_in_failed")
    assert all(d.startswith("工号不存在") for d in details) and details[0] == "工号不存在"
    assert details[9:12] == ["工号不存在，按账户锁定答复"] + ["工号不存在，按账户已锁定答复"] * 2


def test_unknown_numbers_are_counted_each_on_its_own_and_only_within_a_day(env: Env) -> None:
    for _ in range(9):
        _sign_in_replies(env, "Z9999", 1)
    assert _sign_in_replies(env, "J7777", 1) == [staff.WRONG_PASSWORD]  # another number: its own count
    env.clock.advance(hours=24)  # type: ignore[attr-defined]
    assert _sign_in_replies(env, "Z9999", 1) == [staff.WRONG_PASSWORD]  # the nine are out of the window


def test_a_deactivated_accounts_wrong_passwords_lock_it_as_an_active_ones(env: Env) -> None:
    _deactivate(env)
    assert _sign_in_replies(env, "J1003") == _sign_in_replies(env, "Z9999")
    assert _reply(staff.sign_in, env, "J1003", PASSWORD).startswith("连续输错次数过多，账户已锁定至")
    details = _details(env, "staff:J1003", "staff_sign_in_failed")
    assert details[:10] == ["账户已停用，密码错误"] * 10 and details[10:] == ["账户已停用，账户已锁定"] * 2
    env.clock.advance(minutes=15)  # type: ignore[attr-defined]
    assert _reply(staff.sign_in, env, "J1003", PASSWORD) == "该工号已停用，请联系管理员"  # its holder learns it


def test_an_unknown_number_at_a_counters_f12_locks_as_a_real_one(env: Env) -> None:
    """exit_counter with nobody signed in: wrong PINs count as wrong passwords do, for both."""
    def replies(number: str) -> list[str]:
        return [_reply(staff.exit_counter, env, None, number, "999999") for _ in range(11)]

    real = replies("J1003")
    assert real[:9] == ["工号或PIN码错误"] * 9 and real[9] == "连续输错10次，账户锁定15分钟"
    assert replies("Z9999") == real
    assert _details(env, "staff:Z9999", "counter_exit_failed")[0] == "工号不存在"
    # the counter's sign-in and F12 count together, for an unknown number as for a real one
    env.clock.advance(minutes=15)  # type: ignore[attr-defined]
    for number in ("J1003", "Z9999"):
        _sign_in_replies(env, number, 5)
    assert replies("J1003")[4] == replies("Z9999")[4] == "连续输错10次，账户锁定15分钟"


def _kiosk_exit(env: Env, number: str, pin: str = "999999") -> str:
    return _reply(staff_exit.exit_kiosk, env, number, pin)


def test_wrong_pins_at_a_citizen_kiosks_f12_never_lock_the_staff_account(env: Env) -> None:
    until = _in15(env)
    replies = [_kiosk_exit(env, "J1003") for _ in range(10)]
    assert replies == ["工号或PIN码错误"] * 9 + ["输错次数过多，请15分钟后再试。"]
    row = _row(env)
    assert (row.failed_logins, row.locked_until) == (0, None)
    assert staff.sign_in(env, "J1003", PASSWORD).staff_no == "J1003"  # the clerk still signs in at the counter
    # the kiosk's F12 is paused instead, the right PIN too, whatever the number
    assert _kiosk_exit(env, "J1003", PIN) == _kiosk_exit(env, "Z9999") == f"输错次数过多，请于{until}后再试。"
    other = Env(env.db, env.clock, replace(env.settings, terminal_id="kiosk-hall-2"))
    assert staff_exit.exit_kiosk(other, "J1003", PIN).staff_no == "J1003"  # another kiosk is not paused
    env.clock.advance(minutes=15)  # type: ignore[attr-defined]
    assert staff_exit.exit_kiosk(env, "J1003", PIN).staff_no == "J1003"
    details = _details(env, "staff:J1003", "staff_exit_failed")
    assert len(details) == 11 and details[9] == "本机15分钟内输错10次，暂停15分钟"
    assert details[10] == f"本机输错次数过多，暂停至{until}，未核对PIN码"


def test_the_kiosk_pause_reads_the_same_for_real_and_unknown_numbers(env: Env) -> None:
    numbers = ["J1003", "Z9999", "J1001", "J7777", "J1003"] * 2
    replies = [_kiosk_exit(env, n) for n in numbers]
    assert replies == ["工号或PIN码错误"] * 9 + ["输错次数过多，请15分钟后再试。"]
    assert _details(env, "staff:Z9999", "staff_exit_failed")[0] == "工号不存在"
    assert all(_row(env, n).failed_logins == 0 for n in ("J1001", "J1003"))


def test_wrong_kiosk_pins_count_only_within_fifteen_minutes(env: Env) -> None:
    for _ in range(9):
        _kiosk_exit(env, "J1003")
    env.clock.advance(minutes=15)  # type: ignore[attr-defined]
    assert _kiosk_exit(env, "J1003") == "工号或PIN码错误"


def test_an_account_locked_at_the_counter_still_leaves_kiosk_mode_with_its_pin(env: Env) -> None:
    _sign_in_replies(env, "J1003", 10)
    assert _row(env).locked_until is not None
    assert _kiosk_exit(env, "J1003") == "工号或PIN码错误"  # not 账户已锁定: F12 tells nothing of the account
    assert staff_exit.exit_kiosk(env, "J1003", PIN).staff_no == "J1003"


def test_a_deactivated_accounts_right_pin_at_the_kiosk_is_told_and_not_counted(env: Env) -> None:
    _deactivate(env)
    assert _kiosk_exit(env, "J1003") == "工号或PIN码错误"
    for _ in range(9):
        assert _kiosk_exit(env, "J1003", PIN) == "该工号已停用，请联系管理员"
    assert _kiosk_exit(env, "J1003") == "工号或PIN码错误"  # the 2nd wrong try, not the 10th
    assert _details(env, "staff:J1003", "staff_exit_failed")[:2] == ["账户已停用，PIN码错误", "账户已停用，PIN码正确"]


@pytest.mark.parametrize("pin, message", [("", "请输入PIN码"), ("12ab", "PIN码须为6位数字")])
def test_an_empty_or_malformed_kiosk_pin_is_no_try(env: Env, pin: str, message: str) -> None:
    for _ in range(12):
        assert _kiosk_exit(env, "J1003", pin) == message
    assert _details(env, "staff:J1003", "staff_exit_failed") == []
    assert staff_exit.exit_kiosk(env, "J1003", PIN).staff_no == "J1003"
