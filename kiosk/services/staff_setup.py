"""Staff accounts made on the server (``kiosk staff add``), where no admin is signed in: the first
管理员 of a hall set up without the demo data, who then makes the others at the counter
(工作人员账户, counter_staff.create). The same checks and the same insert as there
(counter_staff.check_fields and add_account), the secrets stored only as argon2id hashes, and the
same audit entry (staff_create), made by the command line: actor ``system``, as ``kiosk allocate``
records it. ``kiosk staff role`` changes an account's roles as the counter's 修改角色 does."""
from __future__ import annotations

from ..domain.errors import FormProblems
from . import counter_staff, staff_roles
from .counter_staff import StaffRow
from .env import Env

ACTOR = "system"


def precheck(env: Env, staff_no: str, name: str, roles: list[str]) -> None:
    """What can be refused before the password and PIN are asked for (the staff number taken among
    it), so the operator does not type them for nothing; ``create`` checks it all again."""
    problems = FormProblems()
    number = counter_staff.check_fields(problems, staff_no, name, roles)[0]
    with env.db.read() as s:
        counter_staff.refuse_taken(s, problems, number)


def create(env: Env, staff_no: str, name: str, roles: list[str], password: str, pin: str) -> StaffRow:
    """A new active account; every wrong field told at once (FieldErrors), as counter_staff.create."""
    problems = FormProblems()
    fields = counter_staff.check_fields(problems, staff_no, name, roles, password, pin)
    with env.db.write() as s:
        return counter_staff.add_account(s, env, problems, fields, by=ACTOR)


def change_roles(env: Env, staff_no: str, roles: list[str]) -> staff_roles.RoleChange:
    """``kiosk staff role``: the roles of an account, checked as at the counter's 修改角色 (the last
    active 管理员 keeps the role: no admin signs in here to keep it)."""
    with env.db.write() as s:
        return staff_roles.apply(s, env, staff_no, roles, by=ACTOR)


def listed(env: Env) -> list[StaffRow]:
    """Every account, by staff number, as the counter's 工作人员账户 lists them."""
    with env.db.read() as s:
        return counter_staff.rows(s, env)
