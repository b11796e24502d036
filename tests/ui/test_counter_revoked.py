"""A clerk deactivated (or whose role was taken away) while signed in: the next action is refused,
the refusal is in the audit log although its own transaction was rolled back, and the counter
returns to the staff sign-in, whose message line names the clerk and the reason until someone
starts signing in."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry, Staff
from kiosk.domain.errors import StaffRevoked
from kiosk.services import counter_audit, counter_citizen, counter_dashboard, counter_review, counter_staff
from kiosk.services.staff import StaffSession
from kiosk.ui.screens.staff_sign_in import StaffSignInScreen
from tests.ui.conftest import field_error, screen_error, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press

ADMIN = StaffSession("A0001", "孙管理", ("admin",))
CLERK = StaffSession("J1001", "王警官", ("counter",))


def _actions(env, staff_no: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return [(e.action, e.detail) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.actor == f"staff:{staff_no}").order_by(AuditEntry.id))]


def test_a_refused_lookup_is_audited_and_nothing_else_is_kept(env, people) -> None:
    counter_staff.deactivate(env, ADMIN, "J1001")
    with pytest.raises(StaffRevoked, match="已停用"):
        counter_citizen.lookup(env, CLERK, people["driver_normal"].id_number, "本人到窗口办理业务")
    assert _actions(env, "J1001") == [("staff_refused", "查询群众档案（该工作人员账户已停用）")]


def test_a_role_taken_away_is_refused_and_audited(env, people) -> None:
    with env.db.write() as s:
        s.scalars(select(Staff).where(Staff.staff_no == "J1001")).one().roles = ["review"]
    with pytest.raises(StaffRevoked, match="角色已变更"):
        counter_citizen.lookup(env, CLERK, people["driver_normal"].id_number, "本人到窗口办理业务")
    assert _actions(env, "J1001") == [("staff_refused", "查询群众档案（该工作人员角色已变更）")]


async def test_the_counter_signs_the_deactivated_clerk_out(env, people):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await press(pilot, "m-citizen")
        counter_staff.deactivate(env, ADMIN, "J1001")  # meanwhile, at the admin's counter
        set_input(app, "id_number", people["driver_normal"].id_number)
        set_input(app, "reason", "本人到窗口办理业务")
        await press(pilot, "lookup")
        await settle(pilot)
        assert isinstance(app.screen, StaffSignInScreen) and app.staff is None
        # Signing in again would not help. It was a notification only, gone within seconds, and the
        # next clerk at the counter saw a plain sign-in form: now the form's message line says it.
        assert screen_error(app) == signed_out_because("该工作人员账户已停用，请联系管理员")
        assert not app._notifications
        await pilot.press("tab", "shift+tab")  # moving about is not signing in: it stays
        await settle(pilot)
        assert "该工作人员账户已停用" in screen_text(app)
        await pilot.press("j")  # the next clerk starts typing: it goes
        await settle(pilot)
        assert screen_error(app) == "" and "已停用" not in screen_text(app)
    assert [a for a, _ in _actions(env, "J1001")][-1] == "staff_refused"


def signed_out_because(why: str, whose: str = "王警官（工号 J1001）") -> str:
    """The staff sign-in's message line after the counter signed ``whose`` out for ``why``."""
    return f"{whose}已退出登录：{why}"


async def test_the_reason_goes_when_a_sign_in_is_tried(env, people):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await press(pilot, "m-citizen")
        counter_staff.deactivate(env, ADMIN, "J1001")
        set_input(app, "id_number", people["driver_normal"].id_number)
        set_input(app, "reason", "本人到窗口办理业务")
        await press(pilot, "lookup")
        await settle(pilot)
        assert "该工作人员账户已停用" in screen_error(app)
        await press(pilot, "submit")  # 登录 with nothing typed
        assert "已停用" not in screen_error(app) and field_error(app, "staff_no") == "请输入警号/工号"


def test_a_clerk_no_longer_admin_reads_only_their_own_entries_and_is_signed_out(env) -> None:
    admin = StaffSession("A0001", "孙管理", ("admin", "counter", "review", "exam_admin"))
    with env.db.write() as s:
        s.scalars(select(Staff).where(Staff.staff_no == "A0001")).one().roles = ["counter", "review", "exam_admin"]
    with pytest.raises(StaffRevoked, match="角色已变更"):
        counter_audit.search(env, admin, counter_audit.AuditFilter(staff_no="J1001"))
    assert _actions(env, "A0001")[-1][0] == "staff_refused"


def test_a_deactivated_clerk_asking_for_others_entries_is_signed_out_not_just_refused(env) -> None:
    counter_staff.deactivate(env, ADMIN, "J1001")
    with pytest.raises(StaffRevoked):
        counter_audit.search(env, CLERK, counter_audit.AuditFilter(staff_no="J1002"))
    assert [a for a, _ in _actions(env, "J1001")] == ["staff_refused"]


def test_reading_a_file_a_queue_or_the_dashboard_needs_an_active_account(env, people) -> None:
    f = counter_citizen.lookup(env, CLERK, people["driver_normal"].id_number, "本人到窗口办理业务")
    counter_staff.deactivate(env, ADMIN, "J1001")
    with pytest.raises(StaffRevoked):
        counter_citizen.load(env, CLERK, f.account_id)
    with pytest.raises(StaffRevoked):
        counter_dashboard.dashboard(env, CLERK)
    counter_staff.deactivate(env, ADMIN, "J1002")
    with pytest.raises(StaffRevoked):
        counter_review.queue(env, StaffSession("J1002", "李审核", ("review",)))
