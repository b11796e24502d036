"""A staff member refused because the role was never theirs (a screen that forgot to hide a
button, a service called directly) is audited as the refusals of a deactivated account are
(tests/integration/test_counter_refused_audit.py): staff_denied, its 说明 the attempted action
first, then the roles it needs: 查询群众档案（无窗口民警/辅警角色）. Recorded also where the refusal
ends a transaction, which is rolled back (Database._follow_up runs the record after it)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry
from kiosk.domain.errors import PermissionDenied, StaffRevoked
from kiosk.services import audit, counter_citizen, counter_staff, permissions
from kiosk.services.staff import StaffSession
from tests.integration.test_counter_refused_audit import ADMIN, CASES

# The exam-administration services (exam_admin*, another helper's) still check the role before
# their transaction with a bare require(): their refusals are not in the log yet.
WITHOUT = {"counter": "review", "verify": "review", "review": "counter", "admin": "counter", "exam_admin": "verify"}


def _entries(env, staff_no: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return [(e.action, e.role, e.detail) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.actor == f"staff:{staff_no}").order_by(AuditEntry.id))]


def _without(env, role: str) -> StaffSession:  # type: ignore[no-untyped-def]
    """Signed in holding another role than ``role``; ``role`` "": holding none at all (for the
    audit search, which every role may use). The account itself is active."""
    held = (WITHOUT[role],) if role else ()
    counter_staff.create(env, ADMIN, "T8002", "测试员", list(held) or ["verify"], "abcd1234", "123456")
    return StaffSession("T8002", "测试员", held)


@pytest.mark.parametrize("name", list(CASES))
def test_a_role_never_held_is_refused_and_the_refusal_names_the_action(env, people, name: str) -> None:
    role, call, doing = CASES[name]
    staff = _without(env, role if name != "audit" else "")
    with pytest.raises(PermissionDenied) as refused:
        call(env, staff, people)
    assert not isinstance(refused.value, StaffRevoked)  # not signed out: signing in again would not help
    assert "权限" in refused.value.message
    [(action, held, detail)] = _entries(env, "T8002")
    assert (action, held) == ("staff_denied", ",".join(staff.roles))
    assert detail.startswith(f"{doing}（无") and detail.endswith("角色）"), detail


def test_the_entry_names_the_roles_the_action_needs(env, people) -> None:
    clerk = StaffSession("J1002", "李审核", ("review",))
    with pytest.raises(PermissionDenied, match="需要窗口民警/辅警角色"):
        counter_citizen.lookup(env, clerk, people["driver_normal"].id_number, "本人到窗口办理业务")
    assert _entries(env, "J1002") == [("staff_denied", "review", "查询群众档案（无窗口民警/辅警角色）")]
    assert audit.action_name("staff_denied") == "无权限，拒绝办理"


def test_a_form_is_not_checked_for_someone_without_the_role_and_the_attempt_is_recorded(env) -> None:
    """新建账户 by a clerk, every field wrong: the refusal, not what is wrong with the fields."""
    clerk = StaffSession("J1001", "王警官", ("counter",))
    with pytest.raises(PermissionDenied, match="需要管理员角色"):
        counter_staff.create(env, clerk, "J1", "Tom", [], "abc", "12")
    assert _entries(env, "J1001") == [("staff_denied", "counter", "新建工作人员账户（无管理员角色）")]


def test_the_refusal_is_recorded_although_its_transaction_is_rolled_back(env) -> None:
    """authorise() refuses inside the caller's transaction: what the caller wrote there is gone,
    the refusal is kept (written after the rollback, in a transaction of its own)."""
    clerk = StaffSession("J1001", "王警官", ("counter",))
    with pytest.raises(PermissionDenied), env.db.write() as s:
        audit.record(s, env, actor="staff:J1001", action="citizen_lookup", detail="rolled back")
        s.flush()
        permissions.authorise(s, env, clerk, *permissions.REVIEW, doing="查看审核队列")
    assert _entries(env, "J1001") == [("staff_denied", "counter", "查看审核队列（无审核角色）")]


def test_nobody_signed_in_is_refused_with_nothing_to_record(env) -> None:
    with pytest.raises(PermissionDenied, match="请先登录窗口工作台"):
        counter_staff.list_staff(env, None)
    with env.db.read() as s:
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "staff_denied")) is None
