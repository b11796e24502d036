"""审计日志's 操作 search finds an action's refusals with the action: a refusal's 说明 names what
was attempted (查询群众档案（该工作人员账户已停用）), and a search for 查询群众档案, part of it or
its code finds those entries too, whichever refused it (停用, 角色变更, a role never held)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import Staff
from kiosk.domain.errors import PermissionDenied
from kiosk.services import counter_audit, counter_citizen, counter_staff
from kiosk.services.staff import StaffSession

ADMIN = StaffSession("A0001", "孙管理", ("admin",))


def _found(env, action: str, staff_no: str = "") -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    rows = counter_audit.search(env, ADMIN, counter_audit.AuditFilter(staff_no=staff_no, action=action))
    return [(r.action, r.detail) for r in rows if r.action != "audit_search"]


@pytest.fixture
def refusals(env, people):  # type: ignore[no-untyped-def]
    """T8001 looks a citizen up, is refused it after a role change, without the role, then with the
    account deactivated; a clerk is refused the whole audit log; the deactivation's own 说明 is
    the staff number (no 停用 in it)."""
    counter_staff.create(env, ADMIN, "T8001", "测试员", ["counter"], "abcd1234", "123456")
    clerk = StaffSession("T8001", "测试员", ("counter",))
    counter_citizen.lookup(env, clerk, people["driver_normal"].id_number, "本人到窗口办理业务")
    with env.db.write() as s:
        s.scalars(select(Staff).where(Staff.staff_no == "T8001")).one().roles = ["review"]
    for session in (clerk, StaffSession("T8001", "测试员", ("review",))):  # 角色已变更, then a role never held
        with pytest.raises(PermissionDenied):
            counter_citizen.lookup(env, session, people["driver_normal"].id_number, "本人到窗口办理业务")
    counter_staff.deactivate(env, ADMIN, "T8001")
    with pytest.raises(PermissionDenied):
        counter_citizen.lookup(env, clerk, people["driver_normal"].id_number, "本人到窗口办理业务")
    with pytest.raises(PermissionDenied):
        counter_audit.search(env, StaffSession("J1001", "王警官", ("counter",)), counter_audit.AuditFilter(staff_no="A0001"))


LOOKUPS = [("staff_refused", "查询群众档案（该工作人员账户已停用）"), ("staff_denied", "查询群众档案（无窗口民警/辅警角色）"),
           ("staff_refused", "查询群众档案（该工作人员角色已变更）"), ("citizen_lookup", "事由：本人到窗口办理业务")]


@pytest.mark.parametrize("asked", ["查询群众档案", "群众档案", "citizen_lookup", "lookup"])
def test_the_actions_name_or_code_finds_its_refusals_too(env, refusals, asked: str) -> None:
    assert _found(env, asked, "T8001") == LOOKUPS


def test_text_of_why_it_was_refused_does_not_match_every_refusal(env, refusals) -> None:
    """停用 finds the deactivation of the account, not the lookups refused because of it."""
    assert _found(env, "停用", "T8001") == []
    assert _found(env, "停用") == [("staff_deactivate", "T8001")]


def test_the_audit_search_finds_its_own_refusal(env, refusals) -> None:
    assert ("audit_search_refused", "查看工号A0001的操作记录（无管理员角色）") in _found(env, "查询审计日志")


def test_like_wildcards_typed_are_taken_as_text(env, refusals) -> None:
    assert _found(env, "%", "T8001") == [] and _found(env, "_", "T8001") != []  # codes hold _, names no %
