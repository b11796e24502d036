"""修改角色 at the service layer (staff_roles): an admin changes an account's roles, audited with
the roles before and after; no role, no change, 管理员 taken from the admin's own account and from
the last active admin are refused with nothing changed. A clerk signed in meanwhile: a role taken
away is refused at the next action that needs it (the counter signs them out), a role added is
theirs at the next sign-in. ``kiosk staff role`` does the same on the server. And 新建账户's check
before the counter's question (counter_staff.precheck) writes nothing."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry, Staff
from kiosk.domain.errors import DomainError, FieldErrors, NotFound, PermissionDenied, StaffRevoked
from kiosk.services import counter_citizen, counter_staff, staff, staff_roles, staff_setup
from kiosk.services.staff import StaffSession

ADMIN = StaffSession("A0001", "孙管理", ("admin", "counter", "review", "exam_admin"))
CLERK = StaffSession("J1001", "王警官", ("counter",))


def _roles(env, staff_no: str) -> list[str]:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return list(s.scalars(select(Staff).where(Staff.staff_no == staff_no)).one().roles)


def _changes(env) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return [(e.actor, e.detail) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.action == "staff_roles_change").order_by(AuditEntry.id))]


def test_an_admin_changes_a_clerks_roles_audited_with_before_and_after(env) -> None:
    change = staff_roles.change_roles(env, ADMIN, "j1001", ["review", "counter"])
    assert (change.staff_no, change.name, change.old_text, change.new_text) == (
        "J1001", "王警官", "窗口民警/辅警", "窗口民警/辅警、审核")
    assert _roles(env, "J1001") == ["counter", "review"]
    assert _changes(env) == [("staff:A0001", "J1001 窗口民警/辅警 改为 窗口民警/辅警、审核")]


@pytest.mark.parametrize(("staff_no", "roles", "message"), [
    ("J1001", [], staff_roles.NO_ROLE),
    ("J1001", ["counter"], staff_roles.UNCHANGED),
    ("A0001", ["exam_admin", "review", "counter", "admin"], staff_roles.UNCHANGED),  # another order: no change
    ("A0001", ["counter", "review", "exam_admin"], staff_roles.OWN_ADMIN),
])
def test_what_changes_nothing_or_locks_the_admin_out_is_refused(env, staff_no, roles, message) -> None:
    before = _roles(env, staff_no)
    with pytest.raises(DomainError) as refused:
        staff_roles.change_roles(env, ADMIN, staff_no, roles)
    assert refused.value.message == message and refused.value.field == "target"
    assert _roles(env, staff_no) == before and _changes(env) == []


def test_only_an_admin_changes_roles_and_an_unknown_number_is_said(env) -> None:
    with pytest.raises(PermissionDenied):
        staff_roles.change_roles(env, CLERK, "J1002", ["counter"])
    with pytest.raises(NotFound, match="未找到该工号"):
        staff_roles.change_roles(env, ADMIN, "X9999", ["counter"])
    assert _roles(env, "J1002") == ["review"]


def test_another_admin_may_lose_the_role_while_one_remains(env) -> None:
    staff_roles.change_roles(env, ADMIN, "J1002", ["review", "admin"])
    second = StaffSession("J1002", "李审核", ("review", "admin"))
    staff_roles.change_roles(env, second, "A0001", ["counter"])  # J1002 stays admin
    assert _roles(env, "A0001") == ["counter"]
    with pytest.raises(StaffRevoked, match="角色已变更"):  # A0001's session is an admin's no more
        staff_roles.change_roles(env, ADMIN, "J1002", ["review"])
    assert _roles(env, "J1002") == ["review", "admin"]


def test_a_signed_in_clerk_loses_a_role_at_the_next_action_and_gains_one_at_sign_in(env, people) -> None:
    session = staff.sign_in(env, "J1001", "kiosk-1001")
    staff_roles.change_roles(env, ADMIN, "J1001", ["verify"])  # 窗口民警/辅警 taken away meanwhile
    with pytest.raises(StaffRevoked, match="您的角色已变更，请重新登录"):
        counter_citizen.lookup(env, session, people["driver_normal"].id_number, "本人到窗口办理业务")
    assert staff.sign_in(env, "J1001", "kiosk-1001").roles == ("verify",)


def test_the_command_line_keeps_the_last_active_admin(env) -> None:
    with pytest.raises(DomainError, match="最后一个在用管理员"):
        staff_setup.change_roles(env, "A0001", ["counter"])
    staff_setup.change_roles(env, "J1003", ["exam_admin", "admin"])
    counter_staff.deactivate(env, ADMIN, "J1003")  # a deactivated admin does not count
    with pytest.raises(DomainError, match="最后一个在用管理员"):
        staff_setup.change_roles(env, "A0001", ["counter"])
    counter_staff.reactivate(env, ADMIN, "J1003")
    change = staff_setup.change_roles(env, "A0001", ["counter"])
    assert change.new == ("counter",) and _changes(env)[-1] == ("system", "A0001 管理员、窗口民警/辅警、审核、考试管理 改为 窗口民警/辅警")


def test_the_check_before_creating_writes_nothing_and_tells_every_problem(env) -> None:
    row = counter_staff.precheck(env, ADMIN, "j1009", "陈新", ["admin", "counter"], "start1234", "190019")
    assert (row.staff_no, row.name, row.role_text) == ("J1009", "陈新", "窗口民警/辅警、管理员")
    with env.db.read() as s:
        assert s.scalar(select(Staff).where(Staff.staff_no == "J1009")) is None
    with pytest.raises(FieldErrors) as refused:
        counter_staff.precheck(env, ADMIN, "J1001", "陈新", [], "short", "190019")
    assert [f for f, _ in refused.value.problems] == ["new_staff_no", "new_password", "roles"]
    with pytest.raises(PermissionDenied):
        counter_staff.precheck(env, CLERK, "J1009", "陈新", ["counter"], "start1234", "190019")
