"""Pilot: 审计日志, a clerk's own searches and a refused search of another's entries are logged
with the role the clerk searched with (they had none: 角色 was blank in the list, - under it);
an admin's search of everyone's entries with 管理员."""
from __future__ import annotations

from sqlalchemy import select
from textual.widgets import DataTable

from kiosk.db.models import AuditEntry
from kiosk.services import counter_audit
from kiosk.services.staff import StaffSession
from tests.ui.conftest import field_error, set_input
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press


async def test_a_clerks_searches_and_refusals_carry_the_clerks_role(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)  # J1001: 窗口 only
        await press(pilot, "m-audit")  # searches the clerk's own entries at once
        set_input(app, "staff_no", "A0001")
        await press(pilot, "search")
        assert field_error(app, "staff_no").startswith("您只能查看本人的操作记录")
        set_input(app, "staff_no", "J1001")
        await press(pilot, "search")
        table = app.screen.query_one("#audit-rows", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        roles = {(r[2], r[4]) for r in rows if "审计日志" in r[2]}
        assert roles == {("查询审计日志", "窗口"), ("查他人审计日志被拒", "窗口")}
        table.focus()
        await pilot.pause()
        assert "角色：窗口民警/辅警" in str(app.screen.query_one("#audit-detail").render())  # the newest: 查询审计日志
    counter_audit.search(env, StaffSession("A0001", "孙管理", ("admin",)), counter_audit.AuditFilter())
    with env.db.read() as s:
        entries = [(e.actor, e.action, e.role) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.action.like("audit_search%")).order_by(AuditEntry.id))]
    assert entries == [("staff:J1001", "audit_search", "counter"), ("staff:J1001", "audit_search_refused", "counter"),
                       ("staff:J1001", "audit_search", "counter"), ("staff:A0001", "audit_search", "admin")]
