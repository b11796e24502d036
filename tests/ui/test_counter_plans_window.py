"""Pilot: 考试计划与安排, a new session on a day whose plan exists: the clerk is told the plan's
window first (not a 10-day rule naming an opening day already past), and both dates left empty
take it."""
from __future__ import annotations

from datetime import timedelta

from tests.ui.conftest import field_error, press_enter_in, set_input, settle
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import SIZE, _open
from tests.ui.counter_helpers import fill_session, press


async def test_a_new_session_is_told_the_existing_plans_window_first(env):
    today = env.clock.now().date()
    exam_day = today + timedelta(days=8)  # the demo's 科目一 plan: opens exam day - 20, publishes - 2
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        fill_session(app, f"{exam_day}", opens_on=f"{today}", publish_on=f"{exam_day - timedelta(days=1)}")
        set_input(app, "start_time", "17:00")
        await press(pilot, "save")
        error = field_error(app, "opens_on")
        assert error.startswith(f"该考场当日科目一已有考试计划，开放预约日期为{exam_day - timedelta(days=20)} 09:00，"
                                f"结果公布日期为{exam_day - timedelta(days=2)}")
        assert "两项均留空即沿用" in error
        set_input(app, "opens_on", "")
        set_input(app, "publish_on", "")
        await press(pilot, "save")
        await settle(pilot)
        status = str(app.screen.query_one("#plan-message").render())
        assert status.startswith("已保存场次") and f"{exam_day}" in status


async def test_the_long_message_under_a_low_field_is_in_view(env):
    """At 120x40 the window fields are near the bottom: the six lines under 开放预约日期 ran off
    the screen (only 「该考场当日科目二已有考试计」 showed) until the clerk scrolled."""
    today = env.clock.now().date()
    exam_day = today + timedelta(days=8)
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app)
        fill_session(app, f"{exam_day}", opens_on=f"{today}", publish_on=f"{exam_day - timedelta(days=1)}")
        set_input(app, "start_time", "17:00")
        await press_enter_in(pilot, "publish_on")  # Enter in a field saves
        await settle(pilot)
        error = app.screen.query_one("#field-opens_on .field-error")
        assert "已有考试计划" in str(error.render())
        assert app.screen.region.contains_region(error.region)
