"""管理员: staff accounts. Create with roles, reset a password or a PIN, deactivate and reactivate
(修改角色: staff_roles).
Secrets are stored only as argon2id hashes (staff.hash_secret), never written to the audit log;
every change is audited."""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Staff
from ..domain.errors import DomainError, FormProblems, NotFound
from ..domain.names import clean_person_name
from . import audit
from .env import Env
from .permissions import ADMIN, actor, authorise, permitted
from .staff import ROLE_NAMES, StaffSession, hash_secret, pin_or_error, roles_text

_STAFF_NO = re.compile(r"[A-Z0-9]{4,20}")
OWN_ACCOUNT = "不能停用本人正在使用的账户"  # also refused by the screen before it asks
ALREADY_ACTIVE = "该账户未停用，无需启用"  # also said by the screen before it asks (one's own account too)
ALREADY_DEACTIVATED = "该账户已停用"
RESET_DEACTIVATED = "该账户已停用，请先启用账户再重置{}"  # 密码 or PIN码: it could not sign in with it
TEMPORARY = "待修改初始密码"  # 状态 of an account whose password is still the one an admin set


@dataclass(frozen=True)
class StaffRow:
    staff_no: str
    name: str
    roles: tuple[str, ...]
    active: bool
    locked: bool
    must_change: bool = False  # signs in with a password an admin set: 修改初始密码 comes first

    @property
    def role_text(self) -> str:
        return roles_text(self.roles)

    @property
    def state_text(self) -> str:
        """已停用, 锁定中 or 正常; 待修改初始密码 for an account that has not yet set its own password
        (the admin sees who has not signed in since 新建账户 or 重置密码), after 已停用 or 锁定中."""
        state = "已停用" if not self.active else ("锁定中" if self.locked else "")
        if self.must_change:
            return f"{state}，{TEMPORARY}" if state else TEMPORARY
        return state or "正常"


def check_password(password: str, field: str = "password") -> str:
    if len(password) < 8 or not re.search(r"[A-Za-z]", password) or not re.search(r"\d", password):
        raise DomainError("密码至少8位，须同时包含字母和数字", field)
    if len(password) > 64:
        raise DomainError("密码不能超过64位", field)
    return password


def check_pin(pin: str, field: str = "pin") -> str:
    """Six digits, stored as ASCII: full-width ones (a Chinese input method) are read as such."""
    return pin_or_error(pin, field)


def check_roles(roles: list[str] | tuple[str, ...]) -> list[str]:
    chosen = [r for r in ROLE_NAMES if r in set(roles)]
    if not chosen or len(chosen) != len(set(roles)):
        raise DomainError("请至少选择一个角色", "roles")
    return chosen


def list_staff(env: Env, staff: StaffSession | None) -> list[StaffRow]:
    with env.db.read() as s:
        authorise(s, env, staff, *ADMIN, doing="查看工作人员账户")
        return rows(s, env)


def rows(s: Session, env: Env) -> list[StaffRow]:
    """Every account, by staff number (also ``kiosk staff list``, with no admin signed in)."""
    now = env.clock.now()
    return [StaffRow(r.staff_no, r.name, tuple(r.roles or ()), r.active,
                     r.locked_until is not None and r.locked_until > now, bool(r.must_change_password))
            for r in s.scalars(select(Staff).order_by(Staff.staff_no))]


def check_staff_no(staff_no: str, field: str = "new_staff_no") -> str:
    number = "".join(staff_no.split()).upper()
    if not _STAFF_NO.fullmatch(number):
        raise DomainError("工号须为4到20位字母或数字", field)
    return number


CREATE_FIELDS = ("new_staff_no", "new_name", "new_password", "pin", "roles")  # 新建账户, in order


def create(env: Env, staff: StaffSession | None, staff_no: str, name: str, roles: list[str], password: str,
           pin: str) -> StaffRow:
    """新建账户: every wrong field is told at once (FieldErrors), a staff number already taken
    with them; the name as a citizen's is checked at 注册 (kiosk.domain.names)."""
    permitted(env, staff, *ADMIN, doing=audit.action_name("staff_create"))
    problems = FormProblems()
    fields = check_fields(problems, staff_no, name, roles, password, pin)
    with env.db.write() as s:
        authorise(s, env, staff, *ADMIN, doing=audit.action_name("staff_create"))
        return add_account(s, env, problems, fields, by=actor(staff), temporary=True)  # type: ignore[arg-type]


def precheck(env: Env, staff: StaffSession | None, staff_no: str, name: str, roles: list[str], password: str,
             pin: str) -> StaffRow:
    """新建账户 checked as ``create`` checks it (every problem told at once, a staff number taken
    among them), nothing written: the account as it would be made, for the counter's question
    before 创建账户 (which names its roles: one stray Enter could tick 管理员)."""
    permitted(env, staff, *ADMIN, doing=audit.action_name("staff_create"))
    problems = FormProblems()
    number, clean_name, _, chosen, _ = check_fields(problems, staff_no, name, roles, password, pin)
    with env.db.read() as s:
        authorise(s, env, staff, *ADMIN, doing=audit.action_name("staff_create"))
        refuse_taken(s, problems, number)
    return StaffRow(number, clean_name, tuple(chosen), True, False, True)  # type: ignore[arg-type]


def check_fields(problems: FormProblems, staff_no: str, name: str, roles: list[str], password: str | None = None,
                 pin: str | None = None) -> tuple:
    """新建账户's fields checked, each problem noted in ``problems``: (staff number, name, PIN, roles,
    password) for ``add_account``, None where wrong. Password and PIN only when given (``kiosk staff
    add`` checks the others before it asks for them)."""
    number = problems.check(check_staff_no, staff_no)
    clean_name = problems.check(clean_person_name, name, "new_name")
    if password is not None:
        problems.check(check_password, password, "new_password")
    pin_ok = problems.check(check_pin, pin) if pin is not None else None
    return number, clean_name, pin_ok, problems.check(check_roles, roles), password


def refuse_taken(s: Session, problems: FormProblems, number: str | None) -> None:
    """A staff number already taken among the problems; all of them raised, in the form's order."""
    if number is not None and s.scalar(select(Staff.id).where(Staff.staff_no == number)) is not None:
        problems.add("该工号已存在", "new_staff_no")
        problems.problems.sort(key=lambda p: CREATE_FIELDS.index(p[0]))  # told in the form's order
    problems.raise_found()


def add_account(s: Session, env: Env, problems: FormProblems, fields: tuple, by: str, *,
                temporary: bool = False) -> StaffRow:
    """The new active account of ``check_fields``'s ``fields`` (every field given), audited as made
    by ``by`` (a staff number, or ``system``: ``kiosk staff add``); refused with every problem.
    ``temporary``: the password is the admin's (新建账户), the clerk sets their own at the first sign-in."""
    number, clean_name, pin_ok, chosen, password = fields
    refuse_taken(s, problems, number)
    assert number is not None and clean_name is not None and pin_ok is not None and chosen is not None
    s.add(Staff(staff_no=number, name=clean_name, roles=chosen, password_hash=hash_secret(password),
                pin_hash=hash_secret(pin_ok), must_change_password=temporary))
    audit.record(s, env, actor=by, role="admin", action="staff_create",
                 detail=f"{number} {clean_name} {roles_text(chosen)}")  # as the counter names roles
    return StaffRow(number, clean_name, tuple(chosen), True, False, temporary)


def target_account(s: Session, staff_no: str) -> Staff:
    """The account to change, locked (PostgreSQL): a reset is not undone by a wrong try counted meanwhile."""
    row = s.scalar(select(Staff).where(Staff.staff_no == "".join(staff_no.split()).upper()).with_for_update())
    if row is None:
        raise NotFound("未找到该工号", "target")
    return row


@contextmanager
def _account_change(env: Env, staff: StaffSession | None, staff_no: str, action: str) -> Iterator[Staff]:
    """The account ``staff_no`` to change, in an admin's write transaction; the change is audited as
    ``action`` (the staff number as its detail, never a secret) when the block ends without refusal."""
    with env.db.write() as s:
        authorise(s, env, staff, *ADMIN, doing=audit.action_name(action))
        row = target_account(s, staff_no)
        yield row
        audit.record(s, env, actor=actor(staff), role="admin", action=action,  # type: ignore[arg-type]
                     detail=row.staff_no)


def reset_password(env: Env, staff: StaffSession | None, staff_no: str, password: str) -> None:
    """A new password, a temporary one: the clerk sets their own at the next sign-in with it
    (a session signed in already goes on). The failure count and any lock-out are cleared. Not for
    a deactivated account: it could not sign in with it (启用 first)."""
    with _account_change(env, staff, staff_no, "staff_password_reset") as row:
        if not row.active:
            raise DomainError(RESET_DEACTIVATED.format("密码"), "target")
        check_password(password, "reset_password")
        row.password_hash, row.failed_logins, row.locked_until = hash_secret(password), 0, None
        row.must_change_password = True


def reset_pin(env: Env, staff: StaffSession | None, staff_no: str, pin: str) -> None:
    """A new 6-digit PIN (the clerk forgot theirs) under the rules of a new account's; wrong PINs
    count towards the lock-out, so the failure count and any lock-out are cleared as for a new
    password. Not for a deactivated account (启用 first). The audit entry names the account only."""
    with _account_change(env, staff, staff_no, "staff_pin_reset") as row:
        if not row.active:
            raise DomainError(RESET_DEACTIVATED.format("PIN码"), "target")
        pin = check_pin(pin, "reset_pin")
        row.pin_hash, row.failed_logins, row.locked_until = hash_secret(pin), 0, None


def deactivate(env: Env, staff: StaffSession | None, staff_no: str) -> None:
    with _account_change(env, staff, staff_no, "staff_deactivate") as row:
        if row.staff_no == staff.staff_no:  # type: ignore[union-attr]
            raise DomainError(OWN_ACCOUNT, "target")
        if not row.active:
            raise DomainError(ALREADY_DEACTIVATED, "target")
        row.active = False


def reactivate(env: Env, staff: StaffSession | None, staff_no: str) -> None:
    """启用: a deactivated account signs in again with its password and PIN as they were, its roles
    unchanged; the failure count and any lock-out are cleared. (One's own account is active: the
    admin signed in with it.)"""
    with _account_change(env, staff, staff_no, "staff_reactivate") as row:
        if row.active:
            raise DomainError(ALREADY_ACTIVE, "target")
        row.active, row.failed_logins, row.locked_until = True, 0, None
