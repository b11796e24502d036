"""Staff accounts, wrong tries and the lock-out: a real account counts its wrong passwords and PINs
in its row (the 10th in a row locks it for 15 minutes); an unknown staff number's are counted from
the audit log, so that it locks the same way and tells nobody which numbers exist. Used by
kiosk.services.staff (sign-in, PIN) and staff_exit (F12 on a citizen kiosk)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import AuditEntry, Staff
from ..db.session import take_turn
from . import audit
from .env import Env

MAX_FAILURES = 10
LOCK_MINUTES = 15


def _locked(staff: Staff, now: datetime) -> str | None:
    if staff.locked_until is not None and now < staff.locked_until:
        return f"连续输错次数过多，账户已锁定至{staff.locked_until:%H:%M}"
    return None


def _failed(staff: Staff, now: datetime, what: str) -> str:
    """Count a wrong password or PIN; the 10th in a row locks the account for 15 minutes."""
    staff.failed_logins += 1
    if staff.failed_logins >= MAX_FAILURES:
        staff.locked_until, staff.failed_logins = now + timedelta(minutes=LOCK_MINUTES), 0
        return f"连续输错{MAX_FAILURES}次，账户锁定{LOCK_MINUTES}分钟"
    return f"{what}错误，再错{MAX_FAILURES - staff.failed_logins}次将锁定{LOCK_MINUTES}分钟"


# An unknown staff number's wrong tries are counted from the audit log (it has no row to count in),
# so that it locks as a real account does and the lock-out tells nobody which numbers exist: its
# sign-in and counter-exit failures logged 工号不存在 in the last day (a real account's count in
# its row; UNKNOWN_WINDOW keeps the look-up bounded).
UNKNOWN = "工号不存在"
UNKNOWN_WINDOW = timedelta(hours=24)
_COUNTED = ("staff_sign_in_failed", "counter_exit_failed")  # the tries a real account counts


def _replayed(times: Iterable[datetime], now: datetime, within: timedelta | None = None) -> tuple[int, datetime | None]:
    """(wrong tries counted, locked until) after the failures at ``times``, oldest first, as the
    row of a real account would hold them: the 10th locks for 15 minutes and starts the count
    again; a try during a lock is not counted. ``within``: only tries that recent (before each
    try, and before ``now``) count."""
    counted: list[datetime] = []
    until: datetime | None = None
    for at in times:
        if until is not None and at < until:
            continue
        counted = [t for t in counted if within is None or t > at - within] + [at]
        if len(counted) >= MAX_FAILURES:
            counted, until = [], at + timedelta(minutes=LOCK_MINUTES)
    return len([t for t in counted if within is None or t > now - within]), until


def _unknown_failed(s: Session, env: Env, actor: str, action: str, asked: str, generic: str) -> str:
    """An unknown staff number's wrong try, audited (工号不存在) and answered as a real account's
    would be: ``generic`` (or the tries left, for ``asked`` where no number was typed), the lock
    at the 10th, and 连续输错次数过多，账户已锁定至HH:MM for the 15 minutes after it."""
    now = env.clock.now()
    take_turn(s, actor, wait_ms=None)  # tries at the same moment on several terminals: one after the other
    times = s.scalars(select(AuditEntry.at).where(
        AuditEntry.actor == actor, AuditEntry.action.in_(_COUNTED), AuditEntry.detail.startswith(UNKNOWN),
        AuditEntry.at > now - UNKNOWN_WINDOW).order_by(AuditEntry.id))
    count, until = _replayed(times, now)
    if until is not None and now < until:
        failure, detail = f"连续输错次数过多，账户已锁定至{until:%H:%M}", f"{UNKNOWN}，按账户已锁定答复"
    elif count + 1 >= MAX_FAILURES:
        failure, detail = f"连续输错{MAX_FAILURES}次，账户锁定{LOCK_MINUTES}分钟", f"{UNKNOWN}，按账户锁定答复"
    else:
        failure = generic or f"{asked}错误，再错{MAX_FAILURES - count - 1}次将锁定{LOCK_MINUTES}分钟"
        detail = UNKNOWN
    audit.record(s, env, actor=actor, action=action, detail=detail)
    return failure
