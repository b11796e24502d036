"""Pilot: 考试计划与安排 lists a plan whose publication day has passed without an allocation run
as 逾期 (one short word: at 120x40 the table keeps all its columns), and the line under the table
names those publication days and says what to do. Once they are allocated the line goes."""
from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Static

from kiosk.services import exam_admin, exam_admin_results
from kiosk.ui.dialogs.confirm import ConfirmDialog
from tests.ui.conftest import set_input, settle
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import _open
from tests.ui.counter_helpers import press



def _hint(app) -> str:
    return str(app.screen.query_one("#applied-hint", Static).render())


async def test_an_overdue_plan_reads_as_such_and_the_clerk_is_told_what_to_do(env):
    first = env.clock.now().date()
    env.clock.advance(days=4)  # the demo's first publication days have gone by, never run
    today = env.clock.now().date()
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app)
        set_input(app, "date_from", f"{first}")
        set_input(app, "date_to", f"{today + timedelta(days=3)}")
        await press(pilot, "query")
        await settle(pilot)
        table = app.screen.query_one("#sessions", DataTable)
        labels = [str(c.label) for c in table.ordered_columns]
        assert len(labels) == 12, labels  # 逾期 is no wider than 待安排: nothing left out at 120
        states = {str(table.get_row_at(i)[labels.index("状态")]) for i in range(table.row_count)}
        assert {exam_admin.OVERDUE, "待安排"} <= states, states
        overdue = sorted({r.publish_on for r in app.screen.rows.values() if r.state == exam_admin.OVERDUE})
        assert overdue and max(overdue) < today
        hint = _hint(app)
        assert "状态为逾期的场次已过预约结果公布日" in hint and "【安排考试并公布结果】" in hint
        assert all(f"{d:%Y-%m-%d}" in hint for d in overdue)
        staff = app.screen.kiosk.staff
        for d in overdue:
            exam_admin_results.run_allocation(env, staff, f"{d:%Y-%m-%d}")
        await press(pilot, "query")
        await settle(pilot)
        assert "逾期" not in _hint(app)


async def test_allocating_today_names_an_earlier_day_still_waiting(env):
    """Tester: the date defaulted to today asked to allocate it without a word of the earlier day the
    note above calls 逾期 (nobody had applied in its plans, so it was not said)."""
    env.clock.advance(days=4)  # 2026-12-05: the demo's 12-03 plans were never allocated
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app)
        assert "（2026-12-03）" in _hint(app)
        await press(pilot, "allocate")  # today's, as the field says
        assert isinstance(app.screen, ConfirmDialog)
        question = app.screen.question
        assert "确认安排 2026-12-05" in question and "更早的预约结果公布日2026-12-03尚有未安排的考试计划" in question
        await pilot.press("escape")
        await settle(pilot)
        set_input(app, "alloc_date", "2026-12-04")  # a day with no plan: nothing to ask, the earlier day said
        await press(pilot, "allocate")
        line = str(app.screen.query_one("#plan-message", Static).render())
        assert "2026-12-04 没有待安排的考试计划" in line and "公布日2026-12-03尚有未安排" in line
