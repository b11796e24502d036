"""Pilot: 考试计划与安排's 保存场次 tells every wrong field at once (tester: 25:00 / 科目 5 / C1C9 / 优先名额 9
of 3 seats with the window 2026-12-19 / 2026-12-21 for an exam on 2026-12-20 showed the format errors
first, then 须满足：开放预约日期 < 预约结果公布日期 < 考试日期, then the 10 days' notice, one round each)."""
from __future__ import annotations

from textual.widgets import Select

from tests.ui.conftest import field_error, set_input
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press


async def test_the_window_rules_come_with_the_format_errors(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-plans")
        app.screen.query_one("#site", Select).value = 1
        for name, value in (("exam_date", "2026-12-20"), ("start_time", "25:00"), ("subject", "5"),
                            ("classes", "C1C9"), ("seats", "3"), ("priority_quota", "9"),
                            ("opens_on", "2026-12-19"), ("publish_on", "2026-12-21")):
            set_input(app, name, value)
        await press(pilot, "save")
        for name in ("start_time", "subject", "classes", "priority_quota"):
            assert field_error(app, name), name
        assert "须满足：开放预约日期 < 预约结果公布日期 < 考试日期" in field_error(app, "publish_on")
        assert "最晚应于2026-12-10开放预约" in field_error(app, "opens_on")
        assert app.focused is app.screen.query_one("#input-start_time")  # the first wrong field
