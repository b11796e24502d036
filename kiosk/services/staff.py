"""Staff accounts at counter terminals: argon2id password hashes, lock-out, screen PIN. The counting
of wrong tries and the lock-out itself are in staff_lockout."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Staff
from ..domain.errors import DomainError, StaffRevoked
from ..domain.roles import ROLE_NAMES
from ..domain.typed import compact
from . import audit
from .env import Env
from .staff_lockout import LOCK_MINUTES, MAX_FAILURES, _failed, _locked, _unknown_failed

_PIN = re.compile(r"[0-9]{6}")  # ASCII: \d would take any script's digits, which no keyboard types back
PIN_FORMAT = "PIN码须为6位数字"
# One reply for a wrong password and an unknown staff number: a count of tries left would be
# given for a real account only and tell anyone which staff numbers exist.
WRONG_PASSWORD = f"工号或密码错误（连续错误{MAX_FAILURES}次将锁定{LOCK_MINUTES}分钟）"
# A clerk signed in at a counter whose account was deactivated since: what the lock screen's
# right PIN (check_pin, which then signs the terminal out: StaffRevoked) and every counter service
# (permissions.REVOKED) tell, and what the staff sign-in then shows. Signing in again would not help.
ACCOUNT_DEACTIVATED = "该工作人员账户已停用，请联系管理员"
RIGHT_PIN_DEACTIVATED = "账户已停用，PIN码正确"  # the log's word; no wrong PIN, counted nowhere
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
_dummy_hash: list[str] = []


@dataclass(frozen=True)
class StaffSession:
    staff_no: str
    name: str
    roles: tuple[str, ...]
    # Signed in with a password an admin set (新建账户, 重置密码): nothing but setting one's own
    # password (staff_password.change_temporary) until then; every counter service refuses it.
    must_change_password: bool = False

    @property
    def role_text(self) -> str:
        return roles_text(self.roles)


ROLE_SHORT = {"counter": "窗口", "review": "审核", "exam_admin": "考试", "verify": "核验", "admin": "管理"}


def roles_text(roles: Iterable[str]) -> str:
    """Role codes as their Chinese names, e.g. 管理员、审核."""
    return "、".join(ROLE_NAMES.get(r, r) for r in roles)


def roles_short(roles: Iterable[str]) -> str:
    """Role codes as two-character names for a narrow column, one line of at most 9 cells: 管理 审核,
    or for more than two roles the first and how many (管理等4项; the audit screen shows them all
    under its table)."""
    names = [ROLE_SHORT.get(r, r) for r in roles]
    return " ".join(names) if len(names) <= 2 else f"{names[0]}等{len(names)}项"


def hash_secret(secret: str) -> str:
    return _hasher.hash(secret)


def _verify(stored: str, secret: str) -> bool:
    try:
        return _hasher.verify(stored, secret)
    except (VerificationError, InvalidHashError):
        return False


def _verify_unknown(secret: str) -> None:
    """Spend the time of a real check on an unknown staff number, so the reply time tells nothing."""
    if not _dummy_hash:
        _dummy_hash.append(hash_secret("kiosk-no-such-staff"))
    _verify(_dummy_hash[0], secret)


def _normalize_no(staff_no: str) -> str:
    return "".join(str(staff_no).split()).upper()[:20]


NO_STAFF_NO = "请输入警号/工号"


def staff_no_problem(staff_no: str) -> str:
    """What is wrong with a staff number typed, before any account is looked at ('' when nothing):
    none typed. The sign-in screen asks it as Enter leaves the field (the number typed into the
    hidden 密码 after a silent move on)."""
    return "" if _normalize_no(staff_no) else NO_STAFF_NO


def _staff_row(s: Session, staff_no: str) -> Staff | None:
    """The account, locked until the transaction ends (PostgreSQL ``FOR UPDATE``; SQLite's write
    transaction is exclusive already): tries at the same moment on several terminals are counted
    one after the other, each from the count the one before left, so none is lost and the
    lock-out comes at the 10th wrong try whatever the number of terminals."""
    return s.scalar(select(Staff).where(Staff.staff_no == staff_no).with_for_update())


TEMPORARY_SIGN_IN = "使用管理员设置的密码登录，须先修改密码"  # the sign-in's audit entry


def sign_in(env: Env, staff_no: str, password: str) -> StaffSession:
    """The clerk's session for the right password of an active account. A password an admin set
    (``must_change_password``) gives a session that must set its own first (staff_password)."""
    staff_no = _normalize_no(staff_no)
    if not staff_no:
        raise DomainError(NO_STAFF_NO, "staff_no")
    if not password:
        raise DomainError("请输入密码", "password")
    now = env.clock.now()
    with env.db.write() as s:
        staff = _staff_row(s, staff_no)
        actor = f"staff:{staff_no}"
        if staff is None:
            _verify_unknown(password[:200])
            failure = _unknown_failed(s, env, actor, "staff_sign_in_failed", "密码", WRONG_PASSWORD)
        elif locked := _locked(staff, now):  # a deactivated account too: a lock tells nothing of it
            audit.record(s, env, actor=actor, action="staff_sign_in_failed",
                         detail="账户已锁定" if staff.active else "账户已停用，账户已锁定")
            failure = locked
        elif not _verify(staff.password_hash, password[:200]):
            # A deactivated account's wrong password counts and locks as an active one's (else the
            # lock-out would tell it apart); the log says it was deactivated, the screen does not.
            failure = _failed(staff, now, "工号或密码")
            if _locked(staff, now) is None:  # not the try that locked it: the same reply as for anyone
                failure = WRONG_PASSWORD
            audit.record(s, env, actor=actor, action="staff_sign_in_failed",
                         detail="" if staff.active else "账户已停用，密码错误")
        elif not staff.active:
            # Only the right password learns that the account is deactivated (its holder knows it).
            staff.failed_logins = 0
            audit.record(s, env, actor=actor, action="staff_sign_in_failed", detail="账户已停用，密码正确")
            failure = "该工号已停用，请联系管理员"
        else:
            staff.failed_logins, staff.locked_until = 0, None
            audit.record(s, env, actor=actor, action="staff_sign_in", role=",".join(staff.roles),
                         detail=TEMPORARY_SIGN_IN if staff.must_change_password else "")
            return StaffSession(staff.staff_no, staff.name, tuple(staff.roles), staff.must_change_password)
    raise DomainError(failure, "password")


def pin_or_error(pin: str, field: str = "pin") -> str:
    """A PIN as every account has one: six ASCII digits (full-width ones, from a Chinese input
    method, read as such), else PIN_FORMAT. Checked before a PIN is looked at: 「abc」 at the lock
    screen counted as a wrong PIN (再错8次将锁定15分钟) for what no account's PIN can be."""
    pin = compact(pin)
    if not _PIN.fullmatch(pin):
        raise DomainError(PIN_FORMAT, field)
    return pin


def entered_pin(pin: str) -> str:
    """The PIN typed, before it is looked at: an empty one is asked for (Enter on an empty field, as
    one wakes a screen) and one that is not 6 digits told so (pin_or_error); neither is a try."""
    if not str(pin).strip():
        raise DomainError("请输入PIN码", "pin")
    return pin_or_error(str(pin))


def check_pin(env: Env, staff_no: str, pin: str, action: str, *, staff_no_typed: bool = True) -> StaffSession:
    """A signed-in clerk's PIN unlocks the counter's lock screen; audited either way. Wrong PINs
    count towards the same lock-out as wrong passwords (F12 on a citizen kiosk: exit_kiosk, which
    counts per terminal). ``staff_no_typed`` False (the lock screen knows who is signed in and asks
    for the PIN only): the message speaks of the PIN only, and a deactivated account's right PIN
    raises StaffRevoked, the terminal signed out at once, recorded (locked_sign_out): 退出登录 had to
    be pressed by hand after it.
    An empty PIN is asked for, neither counted nor audited (as an empty password at sign-in), and
    one that is not 6 digits is told so (pin_or_error), neither counted nor audited either."""
    pin = entered_pin(pin)
    with env.db.write() as s:
        session, failure = _pin_checked(s, env, _normalize_no(staff_no), pin, action, staff_no_typed)
        if session is not None:
            return session
        revoked = not staff_no_typed and failure == ACCOUNT_DEACTIVATED
        if revoked:
            locked_sign_out(s, env, _normalize_no(staff_no), "PIN码正确")
    if revoked:
        raise StaffRevoked(failure)
    raise DomainError(failure, "pin")


def locked_sign_out(s: Session, env: Env, staff_no: str, how: str) -> None:
    """A deactivated clerk's locked counter signs out (the right PIN typed, or LockScreen's check
    every few seconds): 退出登录 from the lock screen in the audit log, saying why."""
    row = s.scalar(select(Staff).where(Staff.staff_no == staff_no))
    audit.record(s, env, actor=f"staff:{staff_no}", action="staff_sign_out", role=",".join(row.roles if row else []),
                 detail=f"在锁定屏幕退出登录（账户已停用，{how}）")


def _pin_checked(s: Session, env: Env, staff_no: str, pin: str, action: str, staff_no_typed: bool,
                 deactivated: str = ACCOUNT_DEACTIVATED) -> tuple[StaffSession | None, str]:
    """check_pin's check inside the caller's transaction: (the session, "") for the right PIN of an
    active account, else (None, what to tell); audited and counted either way. ``deactivated``:
    the reply to a deactivated account's right PIN where the staff number was not typed."""
    asked = "工号或PIN码" if staff_no_typed else "PIN码"
    now = env.clock.now()
    staff = _staff_row(s, staff_no)
    actor = f"staff:{staff_no}"
    detail = ""
    if staff is None:
        _verify_unknown(pin[:20])
        generic = f"{asked}错误" if staff_no_typed else ""  # no number typed: the tries left, as for a real one
        return None, _unknown_failed(s, env, actor, f"{action}_failed", asked, generic)
    if locked := _locked(staff, now):
        failure = locked
    elif not _verify(staff.pin_hash, pin[:20]):
        # A deactivated account too: its wrong PIN reads (and counts) as an active one's; the log
        # says it was deactivated, as for a password (sign_in).
        failure = _failed(staff, now, asked)
        detail = "" if staff.active else "账户已停用，PIN码错误"
        if staff_no_typed and _locked(staff, now) is None:
            # The staff-exit dialog is on the citizens' screen: the tries left would tell a passer-by
            # which staff numbers exist (an unknown one has none to count), so both read the same.
            failure = f"{asked}错误"
    elif not staff.active:  # only the right PIN learns it (its holder knows the account was theirs)
        staff.failed_logins, detail = 0, RIGHT_PIN_DEACTIVATED
        failure = "该工号已停用，请联系管理员" if staff_no_typed else deactivated
    else:
        staff.failed_logins = 0
        audit.record(s, env, actor=actor, action=action, role=",".join(staff.roles))
        return StaffSession(staff.staff_no, staff.name, tuple(staff.roles)), ""
    audit.record(s, env, actor=actor, action=f"{action}_failed", detail=detail)
    return None, failure


def other_clerk(signed_in: StaffSession, locked: bool) -> str:
    """The counter's F12 dialog to anyone but the signed-in clerk (exit_counter)."""
    way = "在锁定屏幕按「退出登录」" if locked else "按「退出登录」结束其登录"
    return (f"本窗口由{signed_in.name}（工号 {signed_in.staff_no}）登录中，只能由其本人输入工号和PIN码"
            f"退出程序；其他工作人员请先{way}")


# A signed-in clerk's right PIN at F12 after the account was deactivated: after 退出登录 (the lock
# screen's, or the staff home's) any active staff member may close the program.
DEACTIVATED_EXIT = "该工号已停用，请先退出登录，再由其他工作人员退出程序"


def exit_counter(env: Env, signed_in: StaffSession | None, staff_no: str, pin: str, *,
                 locked: bool = False) -> StaffSession:
    """F12 at a counter terminal closes the program. With nobody signed in, any active staff
    member's number and PIN (as at a citizen kiosk). With a clerk signed in, the screen locked or
    not, only that clerk's own number and PIN: anyone else is refused before a PIN is looked at
    (the attempt audited), as the clerk's session and unsaved work would end with the program.
    The clerk's PIN is checked, counted and audited as at the lock screen (check_pin), and the
    session is recorded as signed out in the same transaction, as 退出登录 records it."""
    typed = _normalize_no(staff_no)
    if signed_in is not None and typed != signed_in.staff_no:
        if typed:
            with env.db.write() as s:
                audit.record(s, env, actor=f"staff:{typed}", action="counter_exit_failed",
                             detail=f"非当前登录工作人员（当前登录：{signed_in.staff_no}）")
        raise DomainError(other_clerk(signed_in, locked), "staff_no")
    pin = entered_pin(pin)  # as check_pin: empty or not 6 digits, told so, no try counted
    with env.db.write() as s:
        session, failure = _pin_checked(s, env, typed, pin, "counter_exit", staff_no_typed=signed_in is None,
                                        deactivated=DEACTIVATED_EXIT)
        if session is not None:
            if signed_in is not None:
                audit.record(s, env, actor=f"staff:{signed_in.staff_no}", action="staff_sign_out",
                             role=",".join(signed_in.roles),
                             detail="在锁定屏幕退出窗口终端程序" if locked else "退出窗口终端程序")
            return session
    raise DomainError(failure, "pin")


@dataclass(frozen=True)
class AuditLine:
    at: str
    action: str
    detail: str


def recent_actions(env: Env, staff_no: str, limit: int = 10) -> list[AuditLine]:
    """The staff member's own latest audit entries, for the staff home."""
    from ..db.models import AuditEntry

    with env.db.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.actor == f"staff:{staff_no}")
                         .order_by(AuditEntry.id.desc()).limit(limit))
        return [AuditLine(f"{r.at:%Y-%m-%d %H:%M:%S}", r.action, f"{r.terminal_id} {r.detail}".strip()) for r in rows]


def lock_screen(env: Env, staff: StaffSession, *, idle: bool = False) -> None:
    """锁定屏幕 pressed, or the counter locked itself after idle time: audited."""
    with env.db.write() as s:
        audit.record(s, env, actor=f"staff:{staff.staff_no}", action="lock", role=",".join(staff.roles),
                     detail="长时间无操作，自动锁定" if idle else "")


def sign_out(env: Env, staff: StaffSession, *, from_lock: bool = False, detail: str = "") -> None:
    """退出登录, from the staff home or from the lock screen (the locked session is given up);
    ``detail`` says why otherwise (the clerk left 修改初始密码 without changing it)."""
    with env.db.write() as s:
        audit.record(s, env, actor=f"staff:{staff.staff_no}", action="staff_sign_out", role=",".join(staff.roles),
                     detail="在锁定屏幕退出登录" if from_lock else detail)
