"""The site list of 考试计划与安排 checks the staff row again, as every other counter service does
(kiosk.services.permissions.authorise): a clerk deactivated or no longer 考试管理 since sign-in
is refused (and signed out by the screen), and the refusal is audited naming what was attempted."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry, Staff
from kiosk.domain.errors import StaffRevoked
from kiosk.services import counter_staff, exam_admin
from kiosk.services.staff import StaffSession

EXAMS = StaffSession("J1003", "赵考务", ("exam_admin",))
ADMIN = StaffSession("A0001", "孙管理", ("admin",))


def _refused_entries(env, staff_no: str) -> list[str]:
    with env.db.read() as s:
        return list(s.scalars(select(AuditEntry.detail).where(
            AuditEntry.actor == f"staff:{staff_no}", AuditEntry.action == "staff_refused")))


def test_the_site_list_refuses_a_deactivated_clerk(env) -> None:
    assert exam_admin.sites(env, EXAMS)  # signed in and active: the sites
    counter_staff.deactivate(env, ADMIN, "J1003")
    with pytest.raises(StaffRevoked, match="该工作人员账户已停用"):
        exam_admin.sites(env, EXAMS)
    assert _refused_entries(env, "J1003") == ["查看考场列表（该工作人员账户已停用）"]


def test_the_site_list_refuses_a_role_taken_away(env) -> None:
    with env.db.write() as s:
        s.scalars(select(Staff).where(Staff.staff_no == "J1003")).one().roles = ["review"]
    with pytest.raises(StaffRevoked, match="您的角色已变更"):
        exam_admin.sites(env, EXAMS)
    assert _refused_entries(env, "J1003") == ["查看考场列表（该工作人员角色已变更）"]
