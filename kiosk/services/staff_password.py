"""修改初始密码: a clerk signed in with a password an admin set (新建账户 or 重置密码 in 工作人员账户,
``Staff.must_change_password``) sets their own before the counter's workbench opens. The new
password follows the rules of the admin's form (counter_staff.check_password), is typed twice and
is not the one the admin set. The change is audited (never the password); the session it gives
back may do what the clerk's roles allow. The PIN (lock screen, F12) is not touched."""
from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from ..db.models import Staff
from ..domain.errors import DomainError, FormProblems, StaffRevoked
from . import audit
from .counter_staff import check_password
from .env import Env
from .permissions import REVOKED, refused_detail
from .staff import StaffSession, _staff_row, _verify, hash_secret

FIELDS = ("new_password", "confirm_password")  # the form's, in order
SAME_AS_TEMPORARY = "新密码不能与初始密码相同"
NOT_THE_SAME_TWICE = "两次输入的新密码不一致"
CHANGED_ALREADY = "该账户的密码已修改，请用新密码重新登录"
DOING = audit.action_name("staff_password_change")


def new_password_problem(new: str) -> str:
    """What is wrong with 新密码 on its own ('' when nothing): said under it by 确认修改, and by Enter
    in it, which keeps the focus there (an empty one moved on to 确认新密码 unsaid: tester)."""
    if not new:
        return "请输入新密码"
    try:
        check_password(new, "new_password")
    except DomainError as exc:
        return exc.message
    return ""


def new_password_refusal(env: Env, staff_no: str, new: str) -> str:
    """What ``change_temporary`` would refuse about 新密码 on its own ('' when nothing): the rules of
    ``new_password_problem`` and, for an account still on the password an admin set, that one again
    (SAME_AS_TEMPORARY). Asked as the clerk leaves the field (Tab, Enter, a tap elsewhere), before
    确认新密码 is typed for it; only read, nothing audited: 确认修改 checks it all again."""
    if problem := new_password_problem(new):
        return problem
    with env.db.read() as s:
        row = s.scalar(select(Staff).where(Staff.staff_no == staff_no))
        stored = row.password_hash if row is not None and row.must_change_password else ""
    return SAME_AS_TEMPORARY if stored and _verify(stored, new) else ""


def _check(new: str, confirm: str) -> str:
    """The form's fields, every problem told at once beside its field."""
    problems = FormProblems()
    if problem := new_password_problem(new):
        problems.add(problem, "new_password")
    if not confirm:
        problems.add("请再次输入新密码", "confirm_password")
    elif new and confirm != new:
        problems.add(NOT_THE_SAME_TWICE, "confirm_password")
    problems.raise_found(FIELDS)
    return new


def change_temporary(env: Env, staff: StaffSession, new: str, confirm: str) -> StaffSession:
    """The clerk's own password instead of the admin's; the session without its must-change mark.
    An account deactivated meanwhile is refused (the counter signs the clerk out), as is one whose
    password was changed meanwhile (on another terminal): the clerk signs in again with it."""
    password = _check(new, confirm)
    with env.db.write() as s:
        row = _staff_row(s, staff.staff_no)
        if row is None or not row.active:
            told, why = REVOKED
            refused = StaffRevoked(told)
            refused.after_rollback = lambda s2: audit.record(  # type: ignore[attr-defined]
                s2, env, actor=f"staff:{staff.staff_no}", role=",".join(staff.roles), action="staff_refused",
                detail=refused_detail(DOING, why))
            raise refused
        if not row.must_change_password:
            raise StaffRevoked(CHANGED_ALREADY)
        if _verify(row.password_hash, password):
            raise DomainError(SAME_AS_TEMPORARY, "new_password")
        row.password_hash, row.must_change_password = hash_secret(password), False
        audit.record(s, env, actor=f"staff:{row.staff_no}", role=",".join(row.roles), action="staff_password_change",
                     detail="首次登录，管理员设置的密码已由本人修改")
        return replace(staff, name=row.name, roles=tuple(row.roles), must_change_password=False)
