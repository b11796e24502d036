"""Pilot: 考试计划与安排, 保存场次 with wrong fields: each field's message next to it, all at once,
and the first wrong one (the site, a choice) has the focus; an exam date before today is said to
be past, not too close."""
from __future__ import annotations

from datetime import timedelta

from textual.widgets import Select, Static

from tests.ui.conftest import field_error, set_input
from tests.ui.test_counter_plans_form import _open
from tests.ui.test_counter import counter_app
from tests.ui.counter_helpers import fill_session, press


async def test_an_empty_form_says_every_wrong_field_at_once(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app)
        await press(pilot, "save")
        assert "请选择考场" in str(app.screen.query_one("#error-site", Static).render())
        assert field_error(app, "exam_date") == "请输入考试日期"
        assert field_error(app, "start_time") == "请输入开考时间"
        assert field_error(app, "subject") == "请输入科目"
        assert "准考车型" in field_error(app, "classes")
        assert field_error(app, "seats") == "请输入考位数"
        assert str(app.screen.query_one(".screen-error", Static).render()) == ""  # not one, below the buttons
        assert app.focused is app.screen.query_one("#site", Select)  # the first wrong one, not 保存场次
        app.screen.query_one("#site", Select).value = 1
        await press(pilot, "save")
        assert app.focused is app.screen.query_one("#input-exam_date")  # now the first wrong one


async def test_an_exam_date_before_today_is_past(env):
    today = env.clock.now().date()
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, app)
        fill_session(app, f"{today - timedelta(days=2)}", opens_on=f"{today - timedelta(days=30)}",
                     publish_on=f"{today - timedelta(days=5)}")
        set_input(app, "seats", "")
        await press(pilot, "save")
        assert field_error(app, "exam_date").startswith("考试日期已过")
        assert "考位数" in field_error(app, "seats")  # told together
        assert app.focused is app.screen.query_one("#input-exam_date")
