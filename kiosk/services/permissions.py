"""Who may do what at a counter terminal. Every counter service calls :func:`authorise` (inside
its own transaction) before it touches a citizen's record, so a role that the screen forgot to
hide is still refused here. The staff row is re-read: a deactivated account or a role taken
away stops working at once, whatever the signed-in session still says.

Every refusal of a signed-in staff member is audited, naming the attempted action: one for a
role the member never had (staff_denied: 查询群众档案（无窗口民警/辅警角色）), whether it comes
from :func:`permitted` (a service's first check, before it reads its fields) or from
:func:`authorise`; one for an account deactivated or a role taken away since sign-in
(staff_refused: 查询群众档案（该工作人员账户已停用）). A locked counter asks :func:`still_active`
every few seconds, and signs a deactivated clerk out without waiting for a PIN."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Staff
from ..domain.errors import PermissionDenied, StaffRevoked
from . import audit
from .env import Env
from .staff import ACCOUNT_DEACTIVATED, ROLE_NAMES, StaffSession, locked_sign_out

# What each counter capability needs (any one of the roles).
SERVE = ("counter",)          # look up a citizen, 面签注册, unit accounts, phone reset, counter cancellation
REVIEW = ("review",)          # the review queue
EXAM = ("exam_admin",)        # plans, sessions, allocation, results
VERIFY = ("verify", "counter")  # e-licence verification desk
ADMIN = ("admin",)            # staff accounts, the whole audit log
DASHBOARD = ("counter", "review", "exam_admin", "admin")


def actor(staff: StaffSession) -> str:
    return f"staff:{staff.staff_no}"


CHANGE_FIRST = "首次登录请先修改密码"


def require(staff: StaffSession | None, *roles: str) -> str:
    """The first of ``roles`` the session holds; PermissionDenied (Chinese message) otherwise."""
    if staff is None:
        raise PermissionDenied("请先登录窗口工作台")
    if staff.must_change_password:  # signed in with a password an admin set: only changing it
        raise PermissionDenied(CHANGE_FIRST)
    for role in roles:
        if role in staff.roles:
            return role
    names = "、".join(ROLE_NAMES.get(r, r) for r in roles)
    raise PermissionDenied(f"您没有办理此项业务的权限（需要{names}角色）")


def permitted(env: Env, staff: StaffSession | None, *roles: str, doing: str) -> str:
    """:func:`require` as a service's first check, outside any transaction (before it reads its
    fields, so someone without the role is told that and not what is wrong with the form). A
    signed-in member refused is audited at once, in a write transaction of its own, naming
    ``doing`` (as :func:`authorise` names it)."""
    try:
        return require(staff, *roles)
    except PermissionDenied:
        if staff is not None:
            with env.db.write() as s:
                _record_denied(s, env, staff, roles, doing)
        raise


def authorise(s: Session, env: Env, staff: StaffSession | None, *roles: str, doing: str) -> str:
    """:func:`require`, checked again against the staff table. A refusal (a role the session never
    held, or StaffRevoked: the counter signs the clerk out) is audited, in a transaction of its own
    after the caller's has been rolled back (kiosk.db.session's ``after_rollback``), naming what
    was refused: ``doing`` is the attempted action in Chinese (an audited action's name,
    audit.action_name), so the entry reads 查询群众档案（该工作人员账户已停用）."""
    try:
        role = require(staff, *roles)
    except PermissionDenied as denied:
        if staff is not None:
            signed_in = staff
            denied.after_rollback = lambda s2: _record_denied(  # type: ignore[attr-defined]
                s2, env, signed_in, roles, doing)
        raise
    assert staff is not None
    row = s.scalar(select(Staff).where(Staff.staff_no == staff.staff_no))
    told, why = (REVOKED if row is None or not row.active else ROLE_CHANGED if role not in (row.roles or [])
                 else ("", ""))
    if why:
        refused = StaffRevoked(told)
        refused.after_rollback = lambda s2: audit.record(  # type: ignore[attr-defined]
            s2, env, actor=actor(staff), role=role, action="staff_refused", detail=refused_detail(doing, why))
        raise refused
    return role


# (what the clerk is told, why the audit entry says it was refused)
REVOKED = (ACCOUNT_DEACTIVATED, "该工作人员账户已停用")  # signing in again would not help
ROLE_CHANGED = ("您的角色已变更，请重新登录", "该工作人员角色已变更")


def refused_detail(doing: str, why: str) -> str:
    """A refusal's 说明: the action first (the 说明 column may cut the rest), then why."""
    return f"{doing}（{why}）"


def _record_denied(s: Session, env: Env, staff: StaffSession, roles: tuple[str, ...], doing: str) -> None:
    """A role the session never held: the entry names the action and the roles it needs; its
    role is what the member holds."""
    needed = "、".join(ROLE_NAMES.get(r, r) for r in roles)
    audit.record(s, env, actor=actor(staff), role=",".join(staff.roles), action="staff_denied",
                 detail=refused_detail(doing, f"无{needed}角色"))


def active(env: Env, staff: StaffSession | None, *roles: str, doing: str) -> str:
    """:func:`authorise` in a read transaction of its own, for a service that only reads (a file,
    a queue, a list): a clerk deactivated since sign-in reads no more and is signed out."""
    with env.db.read() as s:
        return authorise(s, env, staff, *roles, doing=doing)


def still_active(env: Env, staff: StaffSession) -> None:
    """The counter's lock screen asks every few seconds (LockScreen): a clerk deactivated meanwhile
    (or the account gone) is signed out at once, no PIN typed, and the sign-out recorded
    (staff.locked_sign_out); StaffRevoked then, which the counter acts on. A check that finds the
    account active only reads and records nothing."""
    with env.db.read() as s:
        if s.scalar(select(Staff.active).where(Staff.staff_no == staff.staff_no)):
            return
    with env.db.write() as s:
        locked_sign_out(s, env, staff.staff_no, "自动退出")
    raise StaffRevoked(ACCOUNT_DEACTIVATED)


def roles_of(staff: StaffSession | None) -> set[str]:
    return set(staff.roles) if staff else set()


def may(staff: StaffSession | None, capability: tuple[str, ...]) -> bool:
    return bool(roles_of(staff) & set(capability))
