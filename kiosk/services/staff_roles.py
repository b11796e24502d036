"""修改角色: an account's roles, changed by an admin at the counter (工作人员账户) or on the server
(``kiosk staff role``, where no admin is signed in); the same checks and the same audit entry
(staff_roles_change, naming the account and its roles before and after) either way.

Refused: no role chosen, the roles the account has already, 管理员 taken from the admin's own
account (the counter: the admin would lock themselves out of 工作人员账户 at their next action) and
管理员 taken from the last active admin account (the command line, which no admin signs in to, could
otherwise leave a hall with none). At the counter the admin is an active admin and keeps 管理员, so
one always remains.

A clerk signed in elsewhere keeps the roles their session began with: a role taken away is refused
at their next action that needs it, and the counter signs them out with 您的角色已变更，请重新登录
(permissions.authorise); a role added is theirs once they sign in again."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Staff
from ..domain.errors import DomainError
from . import audit
from .counter_staff import check_roles, target_account
from .env import Env
from .permissions import ADMIN, actor, authorise
from .staff import StaffSession, roles_text

ACTION = "staff_roles_change"
NO_ROLE = "请至少选择一个角色"
UNCHANGED = "所选角色与该账户现有角色相同，未作修改"
OWN_ADMIN = "不能取消本人正在使用的账户的管理员角色"
LAST_ADMIN = "不能取消最后一个在用管理员账户的管理员角色（须至少保留一个管理员）"


@dataclass(frozen=True)
class RoleChange:
    staff_no: str
    name: str
    old: tuple[str, ...]
    new: tuple[str, ...]

    @property
    def old_text(self) -> str:
        return roles_text(self.old)

    @property
    def new_text(self) -> str:
        return roles_text(self.new)


def checked(old: tuple[str, ...] | list[str], roles: list[str] | tuple[str, ...], *, own: bool = False) -> list[str]:
    """The new roles in the usual order, or DomainError (field ``target``: the message is the
    account's, not the 新建账户 form's) when none is chosen, nothing changes or (``own``: the
    admin's own account) 管理员 would be taken away. The counter asks it before its question."""
    try:
        chosen = check_roles(roles)
    except DomainError:
        raise DomainError(NO_ROLE, "target") from None
    if set(chosen) == set(old):
        raise DomainError(UNCHANGED, "target")
    if own and "admin" in old and "admin" not in chosen:
        raise DomainError(OWN_ADMIN, "target")
    return chosen


def apply(s: Session, env: Env, staff_no: str, roles: list[str], *, by: str, own: str = "") -> RoleChange:
    """The change made and audited as by ``by`` in ``s`` (``own``: the staff number signed in)."""
    row = target_account(s, staff_no)
    old = tuple(row.roles or ())
    chosen = checked(old, roles, own=row.staff_no == own)
    if "admin" in old and "admin" not in chosen and row.active and not _other_admin(s, row.id):
        raise DomainError(LAST_ADMIN, "target")
    row.roles = chosen
    audit.record(s, env, actor=by, role="admin", action=ACTION,
                 detail=f"{row.staff_no} {roles_text(old)} 改为 {roles_text(chosen)}")
    return RoleChange(row.staff_no, row.name, old, tuple(chosen))


def _other_admin(s: Session, staff_id: int) -> bool:
    return any("admin" in (roles or ()) for roles in s.scalars(
        select(Staff.roles).where(Staff.active.is_(True), Staff.id != staff_id)))


def change_roles(env: Env, staff: StaffSession | None, staff_no: str, roles: list[str]) -> RoleChange:
    """修改角色 at the counter, by a signed-in admin."""
    with env.db.write() as s:
        authorise(s, env, staff, *ADMIN, doing=audit.action_name(ACTION))
        assert staff is not None
        return apply(s, env, staff_no, roles, by=actor(staff), own=staff.staff_no)
