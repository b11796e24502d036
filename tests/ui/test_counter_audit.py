"""Pilot: 审计日志 at 120 columns: 说明 on screen beside a short role column, in full below the table."""
from __future__ import annotations

from textual.widgets import DataTable

from kiosk.services import audit
from tests.booking_helpers import account_id
from tests.ui.conftest import screen_text, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_screens import press

LONG = ("窗口取消所选预约 预约编号12 优先预约 事由：申请人因住院治疗不能按时参加考试，本人持身份证明和医院证明到窗口申请取消，"
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
        assert "管理 窗口" in lines[row] and "审核 考试" in lines[row + 1]  # short names, wrapped
        table = app.screen.query_one("#audit-rows", DataTable)
        table.focus()
        await settle(pilot)
        detail = "".join(str(app.screen.query_one("#audit-detail").render()).split())
        assert f"说明：{LONG}".replace(" ", "") in detail  # whole, not cut at 60 characters
        assert "管理员、窗口民警/辅警、审核、考试管理" in detail  # the roles in full
