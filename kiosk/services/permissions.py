"""Who may do what at a counter terminal. Every counter service calls :func:`authorise` (inside
its own transaction) before it touches a citizen's record, so a role that the screen forgot to
hide is still refused here. The staff row is re-read: a deactivated account or a role taken
away stops working at once, whatever the signed-in session still says."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Staff
from ..domain.errors import PermissionDenied, StaffRevoked
from . import audit
from .env import Env
from .staff import ROLE_NAMES, StaffSession

# What each counter capability needs (any one of the roles).
SERVE = ("counter",)          # look up a citizen, 面签注册, unit accounts, phone reset, counter cancellation
REVIEW = ("review",)          # the review queue
EXAM = ("exam_admin",)        # plans, sessions, allocation, results
VERIFY = ("verify", "counter")  # e-licence verification desk
ADMIN = ("admin",)            # staff accounts, the whole audit log
DASHBOARD = ("counter", "review", "exam_admin", "admin")


def actor(staff: StaffSession) -> str:
    return f"staff:{staff.staff_no}"


def require(staff: StaffSession | None, *roles: str) -> str:
    """The first of ``roles`` the session holds; PermissionDenied (Chinese message) otherwise."""
    if staff is None:
        raise PermissionDenied("请先登录窗口工作台")
    for role in roles:
        if role in staff.roles:
            return role
    names = "、".join(ROLE_NAMES.get(r, r) for r in roles)
    raise PermissionDenied(f"您没有办理此项业务的权限（需要{names}角色）")


def authorise(s: Session, env: Env, staff: StaffSession | None, *roles: str, doing: str) -> str:
    """:func:`require`, checked again against the staff table. A refusal there (StaffRevoked: the
    counter signs the clerk out) is audited, in a transaction of its own after the caller's
    has been rolled back (kiosk.db.session's ``after_rollback``), naming what was refused:
    ``doing`` is the attempted action in Chinese (an audited action's name, audit.action_name),
    so the entry reads 查询群众档案（该工作人员账户已停用）."""
    role = require(staff, *roles)
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
REVOKED = ("该工作人员账户已停用，请联系管理员", "该工作人员账户已停用")  # signing in again would not help
ROLE_CHANGED = ("您的角色已变更，请重新登录", "该工作人员角色已变更")


def refused_detail(doing: str, why: str) -> str:
    """The staff_refused entry's 说明: the action first (the 说明 column may cut the rest), then why."""
    return f"{doing}（{why}）"


def active(env: Env, staff: StaffSession | None, *roles: str, doing: str) -> str:
    """:func:`authorise` in a read transaction of its own, for a service that only reads (a file,
    a queue, a list): a clerk deactivated since sign-in reads no more and is signed out."""
    require(staff, *roles)
    with env.db.read() as s:
        return authorise(s, env, staff, *roles, doing=doing)


def roles_of(staff: StaffSession | None) -> set[str]:
    return set(staff.roles) if staff else set()


def may(staff: StaffSession | None, capability: tuple[str, ...]) -> bool:
    return bool(roles_of(staff) & set(capability))
