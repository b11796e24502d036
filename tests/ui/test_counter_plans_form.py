"""Pilot: 考试计划与安排 as a keyboard form: Enter in the dates queries, Enter in the session form
saves (and the next session starts at 考试日期), Enter in the publication day asks to allocate, and
新建（清空表单） asks before it drops what was typed; the line after an allocation says who was told."""
from __future__ import annotations

from datetime import date

from textual.widgets import DataTable

from kiosk.services.allocation_service import AllocationReport, SessionCount

from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.exam_plans import ExamPlansScreen, allocation_text
from tests.ui.conftest import press_enter_in, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import fill_session, press

SIZE = (120, 40)


async def _open(pilot, app) -> None:
    await _sign_in(pilot, app, "J1003", "kiosk-1003")
    await press(pilot, "m-plans")
    assert isinstance(app.screen, ExamPlansScreen)


async def test_enter_queries_in_the_dates_and_saves_in_the_session_form(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        set_input(app, "date_from", "2026-12-03")
        set_input(app, "date_to", "2026-12-03")
        await press_enter_in(pilot, "date_to")
        await settle(pilot)
        table = app.screen.query_one("#sessions", DataTable)
        days = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        assert days == {"12-03"}
        fill_session(app, "2027-02-10", opens_on="2026-12-05", publish_on="2027-02-08")
        await press_enter_in(pilot, "seats")
        await settle(pilot)
        assert "已保存场次" in str(app.screen.query_one("#plan-message").render())


async def test_new_asks_before_dropping_a_typed_session(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        await press(pilot, "new")  # nothing typed: nothing to ask
        assert isinstance(app.screen, ExamPlansScreen)
        set_input(app, "exam_date", "2027-02-10")
        await press(pilot, "new")
        assert isinstance(app.screen, ConfirmDialog)
        assert "尚未保存" in screen_text(app) and "清空" in screen_text(app)
        assert app.focused is app.screen.query_one("#no")  # the safe answer: 继续填写
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one("#input-exam_date").value == "2027-02-10"
        await press(pilot, "new")
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(app.screen, ExamPlansScreen)
        assert app.screen.query_one("#input-exam_date").value == ""


async def test_an_allocation_that_places_no_one_says_no_one_was_told(env):
    env.clock.advance(days=1)  # 2026-12-02: the 12-04 plans publish today, and nobody applied
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        set_input(app, "alloc_date", "2026-12-02")
        await press(pilot, "allocate")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        message = app.screen.query_one("#plan-message")
        line = str(message.render())
        assert "预约成功 0 人，未安排 0 人" in line
        assert "未发送任何通知" in line and "已通过网办进度" not in line
        await settle(pilot)
        page = app.screen.query_one(".form")
        assert page.region.contains_region(message.region)  # in view, not under the bottom edge at 120x40


def test_the_allocation_line_says_who_was_told():
    told = allocation_text(AllocationReport(date(2026, 12, 2), placed=3, unplaced=1, deferred=2, plans=4))
    assert "预约成功 3 人，未安排 1 人，转入后续计划 2 人" in told
    assert "4 人已通过网办进度、短信和消息收到结果通知" in told and "优先预约" not in told


def test_the_allocation_line_names_the_priority_seats_it_did_not_place():
    """On a day whose only seats went to 优先预约 (placed when booked), the run places nobody: the
    clerk is told those seats exist, as `kiosk allocate` says them, not only 预约成功 0 人."""
    sessions = [SessionCount(1, 30, 2, priority=2), SessionCount(2, 40, 1, priority=1), SessionCount(3, 20, 0)]
    told = allocation_text(AllocationReport(date(2026, 12, 5), plans=2, sessions=sessions))
    assert "预约成功 0 人" in told and "另有优先预约 3 人（预约时已安排考试）。" in told
    assert "本次没有预约成功或未安排的申请" in told


async def test_after_a_save_the_next_session_starts_at_the_exam_date(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        fill_session(app, "2027-02-10", opens_on="2026-12-05", publish_on="2027-02-08")
        await press_enter_in(pilot, "publish_on")  # the last field of the form
        await settle(pilot)
        saved = str(app.screen.query_one("#plan-message").render())
        assert "已保存场次" in saved and "不在上方列出的日期内" in saved  # listed: 12-01 to 12-08
        exam_date = app.screen.query_one("#input-exam_date")
        assert exam_date.value == "" and app.focused is exam_date
        await pilot.press(*"2027-02-11")
        assert exam_date.value == "2027-02-11"


async def test_enter_in_the_publication_day_asks_to_allocate_as_its_button(env):
    env.clock.advance(days=1)  # 2026-12-02: the 12-04 plans publish today
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        set_input(app, "alloc_date", "2026-12-02")
        await press_enter_in(pilot, "alloc_date")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)  # asked first, as 安排考试并公布结果 does
        assert "确认安排 2026-12-02 公布结果的考试" in screen_text(app)
        assert "这些计划已于2026-12-02零时截止网上预约" in screen_text(app)  # not 安排后...停止预约: stopped already
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ExamPlansScreen)
        assert str(app.screen.query_one("#plan-message").render()) == ""  # nothing allocated


async def test_a_session_saved_in_the_listed_dates_says_nothing_more(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        fill_session(app, "2026-12-07", opens_on="", publish_on="")  # the day's plan's window
        set_input(app, "start_time", "17:00")  # after its 13:30 session
        await press_enter_in(pilot, "publish_on")
        await settle(pilot)
        saved = str(app.screen.query_one("#plan-message").render())
        assert "已保存场次" in saved and "不在上方" not in saved, saved


async def test_the_allocation_line_stays_in_view_when_the_list_is_read_slowly(env, monkeypatch):
    """CI: the line was brought into view at once, and the list, read again after the allocation
    and slower on a loaded machine, then grew above it and pushed it under the bottom edge."""
    import time

    from kiosk.services import exam_admin

    list_sessions = exam_admin.list_sessions

    def slowly(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.5)
        return list_sessions(*args, **kwargs)

    env.clock.advance(days=1)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app)
        app.screen.query_one("#sessions", DataTable).clear()  # as before a query: the list read adds its rows
        app.screen.rows = {}
        app.screen.queried = None
        monkeypatch.setattr(exam_admin, "list_sessions", slowly)
        set_input(app, "alloc_date", "2026-12-02")
        await press(pilot, "allocate")
        await pilot.click("#yes")
        await settle(pilot)
        message = app.screen.query_one("#plan-message")
        assert "预约成功 0 人" in str(message.render()) and app.screen.query_one("#sessions", DataTable).row_count
        assert app.screen.query_one(".form").region.contains_region(message.region)
