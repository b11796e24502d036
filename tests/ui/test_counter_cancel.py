"""Pilot: 窗口取消所选预约 asks for its own 取消事由 (not the look-up's 查询事由), says by the field
when it is missing, and records it."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models import AuditEntry
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.citizen import CitizenScreen
from tests.ui.conftest import field_error, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import SIZE, look_up, press, priority_booked


async def test_the_cancellation_asks_for_its_own_reason(env, people):
    p = people["permit_expiring"]
    priority_booked(env, p)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        await press(pilot, "cancel-booking")
        assert isinstance(app.screen, CitizenScreen)  # not asked without a reason
        assert field_error(app, "cancel_reason") == "请填写取消事由（至少2个字，如：考生本人申请取消考试预约）"
        set_input(app, "cancel_reason", "考生本人因病申请取消")
        app.screen.query_one("#input-cancel_reason").focus()
        await pilot.press("enter")  # Enter in the field presses 窗口取消所选预约
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        question = screen_text(app)
        assert "取消事由：考生本人因病申请取消" in question and "本人到窗口办理业务" not in question
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen) and "已取消" in screen_text(app)
        assert app.screen.query_one("#input-cancel_reason").value == ""  # not left for the next one
    with env.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "exam_cancel_counter")).one()
    assert entry.detail.endswith("事由：考生本人因病申请取消")
