"""Staff accounts made on the server (``kiosk staff add``), where no admin is signed in: the first
管理员 of a hall set up without the demo data, who then makes the others at the counter
(工作人员账户, counter_staff.create). The same rules as there, field by field (counter_staff's
checks: staff number, name, password, PIN, roles; a staff number taken), the secrets stored only as
argon2id hashes, and the same audit entry (staff_create), made by the command line: actor
``system``, as ``kiosk allocate`` records it."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Staff
from ..domain.errors import FormProblems
from ..domain.names import clean_person_name
from . import audit
from .counter_staff import (CREATE_FIELDS, StaffRow, check_password, check_pin, check_roles, check_staff_no)
from .env import Env
from .staff import hash_secret, roles_text

ACTOR = "system"
TAKEN = "该工号已存在"  # counter_staff.create's words


def _checked(s: Session, problems: FormProblems, staff_no: str, name: str,
             roles: list[str]) -> tuple[str | None, str | None, list[str] | None]:
    number = problems.check(check_staff_no, staff_no)
    clean_name = problems.check(clean_person_name, name, "new_name")
    chosen = problems.check(check_roles, roles)
    if number is not None and s.scalar(select(Staff.id).where(Staff.staff_no == number)) is not None:
        problems.add(TAKEN, "new_staff_no")
    return number, clean_name, chosen


def _raise_in_order(problems: FormProblems) -> None:
    problems.problems.sort(key=lambda p: CREATE_FIELDS.index(p[0]))  # as the counter's form tells them
    problems.raise_found()


def precheck(env: Env, staff_no: str, name: str, roles: list[str]) -> None:
    """What can be refused before the password and PIN are asked for (the staff number taken among
    it), so the operator does not type them for nothing; ``create`` checks it all again."""
    problems = FormProblems()
    with env.db.read() as s:
        _checked(s, problems, staff_no, name, roles)
    _raise_in_order(problems)


def create(env: Env, staff_no: str, name: str, roles: list[str], password: str, pin: str) -> StaffRow:
    """A new active account; every wrong field told at once (FieldErrors), as counter_staff.create."""
    problems = FormProblems()
    problems.check(check_password, password, "new_password")
    pin_ok = problems.check(check_pin, pin)
    with env.db.write() as s:
        number, clean_name, chosen = _checked(s, problems, staff_no, name, roles)
        _raise_in_order(problems)
        assert number is not None and clean_name is not None and pin_ok is not None and chosen is not None
        s.add(Staff(staff_no=number, name=clean_name, roles=chosen, password_hash=hash_secret(password),
                    pin_hash=hash_secret(pin_ok)))
        audit.record(s, env, actor=ACTOR, role="admin", action="staff_create",
                     detail=f"{number} {clean_name} {roles_text(chosen)}")
        return StaffRow(number, clean_name, tuple(chosen), True, False)


def listed(env: Env) -> list[StaffRow]:
    """Every account, by staff number, as the counter's 工作人员账户 lists them (counter_staff.list_staff)."""
    now = env.clock.now()
    with env.db.read() as s:
        return [StaffRow(r.staff_no, r.name, tuple(r.roles or ()), r.active,
                         r.locked_until is not None and r.locked_until > now)
                for r in s.scalars(select(Staff).order_by(Staff.staff_no))]
