"""A staff member refused because the account was deactivated (or the role taken away) after
sign-in: the staff_refused entry names the action that was attempted, in the audit log's Chinese
(the action's name where it is an audited action), then why: 查询群众档案（该工作人员账户已停用）.
Every counter service that checks the staff table is called here."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry, Staff
from kiosk.domain.errors import StaffRevoked
from kiosk.services import (counter_accounts, counter_applications, counter_audit, counter_bookings, counter_citizen,
                            counter_dashboard, counter_review, counter_staff, counter_verify, exam_admin,
                            exam_admin_results)
from kiosk.services.staff import StaffSession

ADMIN = StaffSession("A0001", "孙管理", ("admin",))
FORM = exam_admin.SessionForm(1, "2027-01-20", "08:30", "1", "C1", "30", "3", "2026-12-05", "2027-01-18")
EDIT = exam_admin.SessionForm(1, "2027-01-20", "08:30", "1", "C1", "30", "3", "2026-12-05", "2027-01-18", session_id=1)

# name -> (role, call(env, staff, people), the action named in the entry)
CASES = {
    "lookup": ("counter", lambda env, st, p: counter_citizen.lookup(env, st, p["driver_normal"].id_number, "本人到窗口办理业务"),
               "查询群众档案"),
    "file": ("counter", lambda env, st, p: counter_citizen.load(env, st, 1), "查看群众档案"),
    "register": ("counter", lambda env, st, p: counter_accounts.register_in_person(
        env, st, p["new_user"].name, p["new_user"].id_number, "13800001111"), "窗口面签注册"),
    "unit": ("counter", lambda env, st, p: counter_accounts.register_unit(
        env, st, "重庆测试运输有限公司", "91500000MA5U000010", "13800002222", "委托书001", p["driver_normal"].id_number),
        "单位用户注册"),
    "phone": ("counter", lambda env, st, p: counter_accounts.reset_phone(env, st, 1, "13800003333"), "重置群众手机号码"),
    "cancel": ("counter", lambda env, st, p: counter_bookings.cancel(env, st, 1, 1, "本人申请"), "窗口取消考试预约"),
    "certificate": ("counter", lambda env, st, p: counter_bookings.print_certificate(env, st, 1, 1), "打印预约凭证"),
    "finish": ("counter", lambda env, st, p: counter_applications.finish(env, st, 1, "000", "已办结"), "窗口办结网办业务"),
    "refuse": ("counter", lambda env, st, p: counter_applications.refuse(env, st, 1, "000", "申请人要求撤回"),
               "窗口退办网办业务"),
    "verify": ("verify", lambda env, st, p: counter_verify.verify(env, st, "DL1:bad", False), "核验电子驾驶证"),
    "queue": ("review", lambda env, st, p: counter_review.queue(env, st), "查看审核队列"),
    "approve": ("review", lambda env, st, p: counter_review.approve(env, st, "000"), "照片审核通过"),
    "reject": ("review", lambda env, st, p: counter_review.reject(env, st, "000", "1"), "照片审核退回"),
    "sessions": ("exam_admin", lambda env, st, p: exam_admin.list_sessions(env, st, "2026-12-01", "2026-12-08"),
                 "查询考试场次"),
    "create_session": ("exam_admin", lambda env, st, p: exam_admin.save_session(env, st, FORM), "新建考试场次"),
    "edit_session": ("exam_admin", lambda env, st, p: exam_admin.save_session(env, st, EDIT), "修改考试场次"),
    "preview": ("exam_admin", lambda env, st, p: exam_admin_results.allocation_preview(env, st, "2026-12-01"),
                "查看待安排的考试预约"),
    "allocate": ("exam_admin", lambda env, st, p: exam_admin_results.run_allocation(env, st, "2026-12-01"),
                 "考试预约安排"),
    "result": ("exam_admin", lambda env, st, p: exam_admin_results.record_one(
        env, st, p["learner_new"].id_number, "1", "95"), "录入考试成绩"),
    "import": ("exam_admin", lambda env, st, p: exam_admin_results.import_csv(env, st, "/nonexistent.csv"),
               "导入考试成绩"),
    "dashboard": ("exam_admin", lambda env, st, p: counter_dashboard.dashboard(env, st), "查看考试数据看板"),
    "audit": ("verify", lambda env, st, p: counter_audit.search(env, st, counter_audit.AuditFilter()), "查询审计日志"),
    "staff_list": ("admin", lambda env, st, p: counter_staff.list_staff(env, st), "查看工作人员账户"),
    "staff_create": ("admin", lambda env, st, p: counter_staff.create(
        env, st, "T9001", "测试员", ["verify"], "abcd1234", "123456"), "新建工作人员账户"),
    "staff_password": ("admin", lambda env, st, p: counter_staff.reset_password(env, st, "J1001", "abcd1234x"),
                       "重置工作人员密码"),
    "staff_pin": ("admin", lambda env, st, p: counter_staff.reset_pin(env, st, "J1001", "135790"), "重置工作人员PIN"),
    "staff_deactivate": ("admin", lambda env, st, p: counter_staff.deactivate(env, st, "J1002"), "停用工作人员账户"),
    "staff_reactivate": ("admin", lambda env, st, p: counter_staff.reactivate(env, st, "J1002"), "启用工作人员账户"),
}


def _entries(env, staff_no: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return [(e.action, e.detail) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.actor == f"staff:{staff_no}").order_by(AuditEntry.id))]


def _signed_in(env, role: str) -> StaffSession:  # type: ignore[no-untyped-def]
    """A new account holding ``role``, signed in (the session), before the admin changes it."""
    counter_staff.create(env, ADMIN, "T8001", "测试员", [role], "abcd1234", "123456")
    return StaffSession("T8001", "测试员", (role,))


@pytest.mark.parametrize("name", CASES)
def test_a_deactivated_accounts_refusal_names_the_action(env, people, name: str) -> None:
    role, call, doing = CASES[name]
    staff = _signed_in(env, role)
    counter_staff.deactivate(env, ADMIN, "T8001")
    with pytest.raises(StaffRevoked, match="该工作人员账户已停用，请联系管理员"):  # signing in again would not help
        call(env, staff, people)
    assert _entries(env, "T8001") == [("staff_refused", f"{doing}（该工作人员账户已停用）")]


def test_a_role_taken_away_names_the_action_too(env, people) -> None:
    staff = _signed_in(env, "counter")
    with env.db.write() as s:
        s.scalars(select(Staff).where(Staff.staff_no == "T8001")).one().roles = ["review"]
    with pytest.raises(StaffRevoked, match="您的角色已变更，请重新登录"):
        counter_accounts.reset_phone(env, staff, 1, "13800003333")
    assert _entries(env, "T8001") == [("staff_refused", "重置群众手机号码（该工作人员角色已变更）")]


def test_the_refused_action_can_be_found_in_the_log(env, people) -> None:
    """The admin's 审计日志 finds the refusals by 权限失效, each saying what was attempted."""
    staff = _signed_in(env, "counter")
    counter_staff.deactivate(env, ADMIN, "T8001")
    for call in (CASES["lookup"][1], CASES["cancel"][1]):
        with pytest.raises(StaffRevoked):
            call(env, staff, people)
    rows = counter_audit.search(env, StaffSession("A0001", "孙管理", ("admin",)),
                                counter_audit.AuditFilter(staff_no="T8001", action="权限失效"))
    assert [r.detail for r in rows] == ["窗口取消考试预约（该工作人员账户已停用）", "查询群众档案（该工作人员账户已停用）"]
