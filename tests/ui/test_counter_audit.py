"""Pilot: 审计日志 at 120 columns: 说明 on screen beside short action and role columns (one long
action name or many roles widen no column), in full below the table."""
from __future__ import annotations

from textual.widgets import DataTable

from rich.cells import cell_len

from kiosk.services import audit
from kiosk.ui.screens.counter.audit import ACTION_WIDTH
from tests.booking_helpers import account_id
from tests.ui.conftest import screen_text, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press

LONG = ("窗口取消所选预约 预约编号12 科目二优先考试预约 事由：申请人因住院治疗不能按时参加考试，本人持身份证明和医院证明到窗口申请取消，"
        "已核对身份并告知排序时间变为本次取消的时间")


async def test_the_note_is_on_screen_at_120_columns_and_whole_below(env, people):
    citizen = people["permit_expiring"]
    with env.db.write() as s:
        audit.record(s, env, actor="staff:A0001", role="admin,counter,review,exam_admin", action="exam_cancel_counter",
                     account_id=account_id(env, citizen), detail=LONG)
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-audit")
        set_filter = app.screen.query_one("#input-action")
        set_filter.value = "取消"
        await press(pilot, "search")
        lines = screen_text(app).splitlines()
        header = next(line for line in lines if "时间" in line and "角色" in line)
        assert "说明" in header
        row = next(i for i, line in enumerate(lines) if "窗口取消考试预约" in line)
        assert "窗口取消所选预约" in lines[row]  # the start of 说明, beside the citizen's masked ID
        assert "管理等4项" in lines[row] and "审核" not in lines[row + 1]  # short, on one line: no wrapped row
        table = app.screen.query_one("#audit-rows", DataTable)
        table.focus()
        await settle(pilot)
        detail = "".join(str(app.screen.query_one("#audit-detail").render()).split())
        assert f"说明：{LONG}".replace(" ", "") in detail  # whole, not cut at 60 characters
        assert "管理员、窗口民警/辅警、审核、考试管理" in detail  # the roles in full


async def test_long_action_names_and_many_roles_leave_the_note_readable(env):
    """The tester's screen: 工作人员已停用或角色已变更，拒绝办理 widened 操作 to 38 cells for every row,
    说明 showed 2 to 5 characters, and the admin's roles took two lines."""
    with env.db.write() as s:
        audit.record(s, env, actor="staff:J1004", role="counter", action="staff_refused", detail="该工作人员账户已停用")
        audit.record(s, env, actor="staff:J1004", action="staff_sign_in_failed", detail="账户已停用")
        audit.record(s, env, actor="staff:J1001", role="counter", action="exam_fee_refund_failed",
                     detail="2612030000000003 150元 T0001 须人工退费")
        audit.record(s, env, actor="staff:A0001", role="admin,counter,review,exam_admin", action="staff_sign_in")
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-audit")
        lines = screen_text(app).splitlines()
        header = next(i for i, line in enumerate(lines) if "时间" in line and "说明" in line)
        rows = lines[header + 1:header + 6]  # newest first, one line each
        assert all("工作人员登录" in row and "管理等4项" in row for row in rows[:2])  # the admin's roles: one line
        assert "考试费退回失败" in rows[2] and "2612030000000003 150元" in rows[2]
        assert "工作人员登录失败" in rows[3] and "账户已停用" in rows[3]
        assert "权限失效，拒绝办理" in rows[4] and "该工作人员账户已停用" in rows[4]  # the whole note
        assert 120 - cell_len(lines[header][:lines[header].index("说明")]) >= 24  # 12 characters of 说明 at least


def test_every_action_name_fits_the_action_column():
    assert {name: cell_len(name) for name in audit.ACTION_NAMES.values() if cell_len(name) > ACTION_WIDTH} == {}


async def test_a_refusal_says_what_was_attempted_in_the_row_and_below(env, people):
    """staff_refused names the refused action: at the start of 说明 in the row at 120 columns (the
    column may cut the rest; at 80 the column is left out when it would be too narrow) and whole below the
    table at both sizes."""
    import pytest

    from kiosk.domain.errors import StaffRevoked
    from kiosk.services import counter_citizen, counter_staff
    from kiosk.services.staff import StaffSession

    counter_staff.deactivate(env, StaffSession("A0001", "孙管理", ("admin",)), "J1001")
    with pytest.raises(StaffRevoked):
        counter_citizen.lookup(env, StaffSession("J1001", "王警官", ("counter",)), people["driver_normal"].id_number,
                               "本人到窗口办理业务")
    for size in ((120, 40), (80, 24)):
        app = counter_app(env)
        async with app.run_test(size=size) as pilot:
            await _sign_in(pilot, app, "A0001", "kiosk-0001")
            await press(pilot, "m-audit")
            app.screen.query_one("#input-staff_no").value = "J1001"
            await press(pilot, "search")
            row = next(line for line in screen_text(app).splitlines() if "权限失效" in line)
            assert size[0] == 80 or "查询群众档案（" in row, row
            table = app.screen.query_one("#audit-rows", DataTable)
            table.focus()
            await settle(pilot)
            detail = "".join(str(app.screen.query_one("#audit-detail").render()).split())
            assert "说明：查询群众档案（该工作人员账户已停用）" in detail, size


async def test_an_admin_commands_entries_name_the_command_not_its_actor_string(env):
    """verifier:cli was shown as it is recorded: the row says 命令行 (the 说明 keeps its room), the
    line under the table which command: 核验命令（kiosk verify）, at both sizes."""
    with env.db.write() as s:
        audit.record(s, env, actor="verifier:cli", role="verify", action="elicence_verify", detail="离线核验：签名无效")
        audit.record(s, env, actor="cli", action="exam_result", detail="2612030000000018 第1次 85分")
    for size in ((120, 40), (80, 24)):
        app = counter_app(env)
        async with app.run_test(size=size) as pilot:
            await _sign_in(pilot, app, "A0001", "kiosk-0001")
            await press(pilot, "m-audit")
            app.screen.query_one("#input-action").value = "核验电子驾驶证"
            await press(pilot, "search")
            text = screen_text(app)
            assert "verifier:cli" not in text and "cli " not in text
            lines = text.splitlines()
            row = next(line for line in lines if "核验电子驾驶证" in line and "命令行" in line)
            if size[0] == 120:
                header = next(line for line in lines if "时间" in line and "说明" in line)
                assert "离线核验" in row and 120 - cell_len(header[:header.index("说明")]) >= 24
            table = app.screen.query_one("#audit-rows", DataTable)
            table.focus()
            await settle(pilot)
            detail = "".join(str(app.screen.query_one("#audit-detail").render()).split())
            assert "核验命令（kioskverify）" in detail, size
            app.screen.query_one("#input-action").value = "exam_result"
            await press(pilot, "search")
            await settle(pilot)
            detail = "".join(str(app.screen.query_one("#audit-detail").render()).split())
            assert "成绩录入命令（kioskexam-result）" in detail and "命令行" in screen_text(app), size
