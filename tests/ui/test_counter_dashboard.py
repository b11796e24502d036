"""Pilot: 考试数据看板 says what each figure counts, and its automatic refresh leaves the clerk's
place in the table alone; 考试计划与安排 labels its per-session count the same way."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from textual.widgets import DataTable, Static

from kiosk.services.booking_submit import BookingRequest
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.dashboard import DashboardScreen
from tests.booking_helpers import add_learners, book
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press

SIZE = (120, 40)


def _labels(app, table_id: str) -> list[str]:
    return [str(c.label) for c in app.screen.query_one(f"#{table_id}", DataTable).ordered_columns]


async def _read_at(pilot, table: DataTable, keys: list[str]) -> tuple[int, float]:
    """A clerk moving through ``table`` with ``keys``: where the cursor and the view are then."""
    table.focus()
    for key in keys:
        await pilot.press(key)
    await settle(pilot)
    return table.cursor_row, table.scroll_y


async def test_a_waiting_application_counts_once_and_per_session_counts_are_labelled(env):
    learner = add_learners(env, 1)[0]
    book(env, learner, BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 8)))
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-dashboard")
        assert isinstance(app.screen, DashboardScreen)
        text = screen_text(app)
        assert "待安排申请 1 份" in text and "报名待安排" not in text
        assert "已申请" in _labels(app, "dash-rows") and "报名" not in _labels(app, "dash-rows")
        assert "服从系统安排申请" in text and "一份申请可计入多个场次" in text
        await pilot.press("escape")
        await press(pilot, "m-plans")
        assert "已申请" in _labels(app, "sessions") and "报名" not in _labels(app, "sessions")
        assert "一份申请可计入多个场次" in screen_text(app) and "已安排含优先预约" in screen_text(app)


async def test_the_automatic_refresh_keeps_the_row_being_read(env):
    """The board refreshes itself every 10 s; a clerk reading row 30 stays there, whether the
    figures changed meanwhile or not."""
    learner = add_learners(env, 1)[0]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "J1001", "kiosk-1001")
        await press(pilot, "m-dashboard")
        table = app.screen.query_one("#dash-rows", DataTable)
        assert table.row_count > 30
        where = await _read_at(pilot, table, ["down"] * 30)
        assert where[0] == 30 and where[1] > 0
        app.screen.reload(quiet=True)  # what the timer does, with nothing changed
        await settle(pilot)
        assert (table.cursor_row, table.scroll_y) == where
        book(env, learner, BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 8)))
        app.screen.reload(quiet=True)  # now the 已申请 figures differ
        await settle(pilot)
        assert "待安排申请 1 份" in screen_text(app)
        assert (table.cursor_row, table.scroll_y) == where


async def test_the_session_list_refresh_keeps_the_row_being_read(env):
    """考试计划与安排 refreshes its counts every 10 s too: the row and the view stay."""
    learner = add_learners(env, 1)[0]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-plans")
        table = app.screen.query_one("#sessions", DataTable)
        where = await _read_at(pilot, table, ["down"] * 30 + ["up"] * 5)  # row 25, in the middle of the view
        assert where[0] == 25 and where[1] > 0
        book(env, learner, BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 8)))
        app.screen._live()  # what the timer does; the 已申请 figures differ now
        await settle(pilot)
        assert (table.cursor_row, table.scroll_y) == where


async def test_a_publication_day_gone_by_unallocated_is_named_until_allocated(env):
    """A clerk forgot a publication day with an applicant waiting: the board names it and stops once
    it is allocated."""
    from sqlalchemy import func, select

    from kiosk.db.models import ExamPlan, ExamSession
    from kiosk.services import exam_admin_results

    learner = add_learners(env, 1)[0]
    book(env, learner, BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 8)))
    with env.db.read() as s:
        first = s.scalar(select(func.min(ExamPlan.publish_on)).join(ExamSession).where(
            ExamSession.applicants > 0, ExamPlan.allocated_at.is_(None)))  # the booking's first day
    env.clock.advance(seconds=(datetime.combine(first + timedelta(days=1), time(9, 0)) - env.clock.now()).total_seconds())
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-dashboard")
        await settle(pilot)
        assert "逾期未安排：" in screen_text(app) and f"{first:%Y-%m-%d} 公布的计划" in screen_text(app)
        await pilot.press("escape")
        exam_admin_results.run_allocation(env, app.staff, first.isoformat())
        await press(pilot, "m-dashboard")
        assert f"{first:%Y-%m-%d} 公布的计划" not in screen_text(app)  # an earlier day stays named till run


async def test_an_unallocated_plan_nobody_applied_in_is_named_and_marked_until_allocated(env):
    """Tester: on 2026-12-05 the demo's 12-03 plans were never allocated, and the board said nothing
    (nobody had applied in them yet, so only 考试计划与安排 called them 逾期). The board names the day
    with its plans, marks the rows of their sessions, and the counter's allocation for that past day
    runs and clears both."""
    from sqlalchemy import func, select

    from kiosk.db.models import ExamPlan

    env.clock.advance(days=4)  # 2026-12-05
    day = date(2026, 12, 3)
    with env.db.read() as s:
        plans = s.scalar(select(func.count()).select_from(ExamPlan).where(ExamPlan.publish_on == day))
        exam_day = s.scalar(select(func.min(ExamPlan.exam_date)).where(ExamPlan.publish_on == day))
    assert plans and exam_day >= env.clock.now().date()
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-dashboard")
        await settle(pilot)
        assert f"逾期未安排：2026-12-03 公布的计划{plans}个，请尽快安排考试" in screen_text(app)
        table = app.screen.query_one("#dash-rows", DataTable)
        state = _labels(app, "dash-rows").index("状态")
        marked = {str(table.get_row_at(i)[0]) for i in range(table.row_count) if str(table.get_row_at(i)[state]) == "逾期"}
        assert marked == {f"{exam_day:%m-%d}"}, marked
        await pilot.press("escape")
        await settle(pilot)
        await press(pilot, "m-plans")
        set_input(app, "alloc_date", "2026-12-03")  # a day gone by: the counter's allocation still runs it
        await press(pilot, "allocate")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        assert "2026-12-03：安排计划" in str(app.screen.query_one("#plan-message", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        await press(pilot, "m-dashboard")
        await settle(pilot)
        assert "逾期未安排" not in screen_text(app)
        table = app.screen.query_one("#dash-rows", DataTable)
        assert all(str(table.get_row_at(i)[state]) == "" for i in range(table.row_count))
