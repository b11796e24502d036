"""Pilot: 停用账户 asks first; a status line goes when a new action starts. (The lock screen's
wrong-PIN message, which speaks of the PIN only, is checked in test_counter.)"""
from __future__ import annotations

from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.exam_plans import ExamPlansScreen
from kiosk.ui.screens.counter.staff_admin import StaffAdminScreen
from tests.ui.conftest import field_error, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import SIZE, choose_staff, fill_session, press


async def test_deactivating_a_staff_account_asks_first(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        assert isinstance(app.screen, StaffAdminScreen)
        await choose_staff(pilot, "J1002")
        await press(pilot, "deactivate")
        assert isinstance(app.screen, ConfirmDialog)  # nothing done yet
        question = str(app.screen.query_one("#question").render())
        assert "J1002" in question and "不能再登录" in question and "重新启用" in question  # it can be undone
        assert app.focused.id == "no"
        await pilot.press("enter")  # the safe choice
        await settle(pilot)
        assert isinstance(app.screen, StaffAdminScreen) and "J1002 李审核（审核，正常）" in screen_text(app)
        await press(pilot, "deactivate")
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(app.screen, StaffAdminScreen) and "（审核，已停用）" in screen_text(app)


async def test_exam_plan_status_line_is_cleared_when_a_new_action_starts(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-plans")
        assert isinstance(app.screen, ExamPlansScreen)
        set_input(app, "alloc_date", "2026-11-20")
        await press(pilot, "allocate")
        assert "没有待安排的考试计划" in screen_text(app)
        set_input(app, "alloc_date", "2026-12-09")
        await press(pilot, "allocate")
        assert "还未到预约结果公布日" in field_error(app, "alloc_date")
        assert "没有待安排的考试计划" not in screen_text(app)  # the old line does not contradict it
        fill_session(app, "2027-02-10", opens_on="2026-12-05", publish_on="2027-02-08")
        await press(pilot, "save")
        assert "已保存场次" in screen_text(app)
        fill_session(app, "2027-02-10", opens_on="2026-12-05", publish_on="2027-02-08")  # overlaps the one saved
        await press(pilot, "save")
        assert "重叠" in field_error(app, "start_time") and "已保存场次" not in screen_text(app)

