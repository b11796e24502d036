"""F12 on a citizen kiosk: a member of staff leaves kiosk mode with their number and PIN.

Anyone in the hall may type there, so its wrong PINs count against this terminal, not against the
staff account (a passer-by typing a clerk's number ten times locked the clerk out of the counter),
and read the same for every staff number, real or not. The count comes from the audit log
(staff_exit_failed entries of this terminal), replayed as an account row would hold it."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import AuditEntry, Staff
from ..db.session import take_turn
from ..domain.errors import DomainError
from . import audit
from .env import Env
from .staff import (LOCK_MINUTES, MAX_FAILURES, RIGHT_PIN_DEACTIVATED, StaffSession, _normalize_no, _verify,
                    _verify_unknown, entered_pin)
from .staff_lockout import UNKNOWN, _replayed

KIOSK_EXIT_PAUSED = f"输错次数过多，请{LOCK_MINUTES}分钟后再试。"


def _exit_tries(s: Session, env: Env, now: datetime) -> tuple[int, datetime | None]:
    """(wrong F12 tries counted on this terminal, paused until) as of ``now``."""
    window = timedelta(minutes=LOCK_MINUTES)
    times = s.scalars(select(AuditEntry.at).where(
        AuditEntry.action == "staff_exit_failed", AuditEntry.terminal_id == env.terminal_id,
        AuditEntry.detail != RIGHT_PIN_DEACTIVATED, AuditEntry.at > now - 2 * window).order_by(AuditEntry.id))
    return _replayed(times, now, within=window)


def paused_until(until: datetime) -> str:
    return f"输错次数过多，请于{until:%H:%M}后再试。"


def kiosk_exit_paused(env: Env) -> str:
    """What the F12 dialog says as it opens while this terminal's tries are paused ("" when not):
    a dialog that looked ready would take a PIN only to refuse it."""
    now = env.clock.now()
    with env.db.read() as s:
        _count, until = _exit_tries(s, env, now)
    return paused_until(until) if until is not None and now < until else ""


def exit_kiosk(env: Env, staff_no: str, pin: str) -> StaffSession:
    """An active staff member's number and PIN leave kiosk mode (F12 on a citizen kiosk). Every
    try is audited (staff_exit / staff_exit_failed, with this terminal); the 10th wrong one on this
    terminal within 15 minutes pauses its F12 dialog for 15 minutes, whoever's numbers were typed;
    the staff account is neither counted nor locked, and its lock (from the counter) is not
    looked at. Empty or malformed PINs are told so, neither counted nor audited (as check_pin)."""
    pin = entered_pin(pin)
    staff_no = _normalize_no(staff_no)
    actor, now = f"staff:{staff_no}", env.clock.now()
    with env.db.write() as s:
        take_turn(s, f"staff_exit:{env.terminal_id}", wait_ms=None)  # this terminal's tries, one at a time
        count, until = _exit_tries(s, env, now)
        staff = s.scalar(select(Staff).where(Staff.staff_no == staff_no))
        if until is not None and now < until:  # paused: no PIN is looked at, the try is logged
            failure, detail = paused_until(until), f"本机输错次数过多，暂停至{until:%H:%M}，未核对PIN码"
        elif staff is None or not _verify(staff.pin_hash, pin):
            if staff is None:
                _verify_unknown(pin)
            detail = UNKNOWN if staff is None else "" if staff.active else "账户已停用，PIN码错误"
            failure = "工号或PIN码错误"
            if count + 1 >= MAX_FAILURES:
                failure = KIOSK_EXIT_PAUSED
                detail = f"{detail}，本机{LOCK_MINUTES}分钟内输错{MAX_FAILURES}次，暂停{LOCK_MINUTES}分钟".lstrip("，")
        elif not staff.active:  # only the right PIN learns it (its holder knows the account was theirs)
            failure, detail = "该工号已停用，请联系管理员", RIGHT_PIN_DEACTIVATED
        else:
            audit.record(s, env, actor=actor, action="staff_exit", role=",".join(staff.roles))
            return StaffSession(staff.staff_no, staff.name, tuple(staff.roles))
        audit.record(s, env, actor=actor, action="staff_exit_failed", detail=detail)
    raise DomainError(failure, "pin")
