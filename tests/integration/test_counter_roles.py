"""Role matrix at the service layer: every counter service refuses a role it is not for, even
when called directly (the screens hide it too, but the services are what count)."""
from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError, PermissionDenied
from kiosk.services import (counter_accounts, counter_audit, counter_bookings, counter_citizen, counter_dashboard,
                            counter_review, counter_staff, counter_verify, exam_admin, exam_admin_results)
from kiosk.services.staff import ROLE_NAMES, StaffSession

ROLES = ("counter", "review", "exam_admin", "verify", "admin")
ADMIN = StaffSession("A0001", "孙管理", ("admin", "counter", "review", "exam_admin"))


def _form() -> exam_admin.SessionForm:
    return exam_admin.SessionForm(1, "2027-01-20", "08:30", "1", "C1", "30", "3", "2026-12-05", "2027-01-18")


# service name -> (call(env, staff, people), roles allowed)
SERVICES = {
    "lookup": (lambda env, st, p: counter_citizen.lookup(env, st, p["driver_normal"].id_number, "本人到窗口办理业务"),
               {"counter"}),
    "citizen_file": (lambda env, st, p: counter_citizen.load(env, st, 1), {"counter"}),
    "register_in_person": (lambda env, st, p: counter_accounts.register_in_person(
        env, st, p["new_user"].name, p["new_user"].id_number, "13800001111"), {"counter"}),
    "register_unit": (lambda env, st, p: counter_accounts.register_unit(
        env, st, "重庆测试运输有限公司", "91500000MA5U000010", "13800002222", "委托书001", p["driver_normal"].id_number),
        {"counter"}),
    "reset_phone": (lambda env, st, p: counter_accounts.reset_phone(env, st, 1, "13800003333"), {"counter"}),
    "counter_cancel": (lambda env, st, p: counter_bookings.cancel(env, st, 1, 1, "本人申请"), {"counter"}),
    "review_queue": (lambda env, st, p: counter_review.queue(env, st), {"review"}),
    "review_approve": (lambda env, st, p: counter_review.approve(env, st, "000"), {"review"}),
    "review_reject": (lambda env, st, p: counter_review.reject(env, st, "000", "1"), {"review"}),
    "plans_list": (lambda env, st, p: exam_admin.list_sessions(env, st, "2026-12-01", "2026-12-08"), {"exam_admin"}),
    "plans_save": (lambda env, st, p: exam_admin.save_session(env, st, _form()), {"exam_admin"}),
    "sites": (lambda env, st, p: exam_admin.sites(env, st), {"exam_admin"}),
    "allocate": (lambda env, st, p: exam_admin_results.run_allocation(env, st, "2026-12-01"), {"exam_admin"}),
    "result_one": (lambda env, st, p: exam_admin_results.record_one(env, st, p["learner_new"].id_number, "1", "95"),
                   {"exam_admin"}),
    "result_csv": (lambda env, st, p: exam_admin_results.import_csv(env, st, "/nonexistent.csv"), {"exam_admin"}),
    "verify": (lambda env, st, p: counter_verify.verify(env, st, "DL1:bad", False), {"verify", "counter"}),
    "dashboard": (lambda env, st, p: counter_dashboard.dashboard(env, st),
                  {"counter", "review", "exam_admin", "admin"}),
    "staff_list": (lambda env, st, p: counter_staff.list_staff(env, st), {"admin"}),
    "staff_create": (lambda env, st, p: counter_staff.create(env, st, "T9001", "测试员", ["verify"], "abcd1234", "123456"),
                     {"admin"}),
    "staff_reset": (lambda env, st, p: counter_staff.reset_password(env, st, "J1001", "abcd1234x"), {"admin"}),
    "staff_deactivate": (lambda env, st, p: counter_staff.deactivate(env, st, "J1002"), {"admin"}),
    "audit_all": (lambda env, st, p: counter_audit.search(env, st, counter_audit.AuditFilter(staff_no="J1001")),
                  {"admin"}),
}


def _one_role_staff(env, role: str) -> StaffSession:
    """A staff account holding exactly ``role`` (created by the demo administrator)."""
    no = f"R{ROLES.index(role)}001"
    name = "测试" + ROLE_NAMES[role].split("/")[0]  # a name as a person's (汉字 only): 测试窗口民警
    counter_staff.create(env, ADMIN, no, name, [role], "abcd1234", "123456")
    return StaffSession(no, name, (role,))


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(env, people, role: str) -> None:
    staff = _one_role_staff(env, role)
    for name, (call, allowed) in SERVICES.items():
        if role in allowed:
            try:
                call(env, staff, people)
            except PermissionDenied as exc:  # pragma: no cover - the failure message says which
                pytest.fail(f"{role} was refused {name}: {exc.message}")
            except DomainError:
                pass  # allowed, refused for another reason (bad data in this matrix)
        else:
            with pytest.raises(PermissionDenied) as refused:
                call(env, staff, people)
            assert "权限" in refused.value.message, name


def test_every_staff_member_may_search_only_their_own_audit_entries(env) -> None:
    verifier = StaffSession("H2001", "钱核验", ("verify",))
    rows = counter_audit.search(env, verifier, counter_audit.AuditFilter())
    assert all(r.actor == "staff:H2001" for r in rows)
    with pytest.raises(DomainError, match="本人"):
        counter_audit.search(env, verifier, counter_audit.AuditFilter(staff_no="j1001 "))
    own = counter_audit.search(env, verifier, counter_audit.AuditFilter(action="他人审计日志"))
    assert [r.detail for r in own] == ["查看工号J1001的操作记录（无管理员角色）"]  # the attempt is kept


def test_a_deactivated_clerk_reads_no_more_of_the_audit_log(env) -> None:
    verifier = StaffSession("H2001", "钱核验", ("verify",))
    counter_staff.deactivate(env, ADMIN, "H2001")
    with pytest.raises(PermissionDenied, match="停用"):
        counter_audit.search(env, verifier, counter_audit.AuditFilter())


def test_a_signed_out_or_deactivated_session_is_refused(env, people) -> None:
    with pytest.raises(PermissionDenied):
        counter_citizen.lookup(env, None, people["driver_normal"].id_number, "本人到窗口办理业务")
    clerk = StaffSession("J1001", "王警官", ("counter",))
    counter_staff.deactivate(env, ADMIN, "J1001")
    with pytest.raises(PermissionDenied, match="停用"):
        counter_citizen.lookup(env, clerk, people["driver_normal"].id_number, "本人到窗口办理业务")


def test_a_forged_role_is_refused_against_the_staff_table(env, people) -> None:
    forged = StaffSession("H2001", "钱核验", ("verify", "counter"))  # the table says verify only
    with pytest.raises(PermissionDenied, match="角色"):
        counter_citizen.lookup(env, forged, people["driver_normal"].id_number, "本人到窗口办理业务")


def test_a_new_staff_account_is_audited_with_its_roles_in_chinese(env) -> None:
    from sqlalchemy import select

    from kiosk.db.models import AuditEntry

    counter_staff.create(env, ADMIN, "T9002", "新警官", ["counter", "exam_admin"], "abcd1234", "123456")
    with env.db.read() as s:
        detail = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "staff_create")).one()
    assert detail == "T9002 新警官 窗口民警/辅警、考试管理"
