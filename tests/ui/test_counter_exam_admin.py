"""Pilot: the exam administrator's 考试计划与安排 and 考试成绩录入 screens (sessions, allocation,
results, CSV import, leaving a typed form)."""
from __future__ import annotations

import re

from textual.widgets import Button, DataTable

from kiosk.services import exam_admin_results
from kiosk.services.booking_submit import BookingRequest
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.exam_plans import ExamPlansScreen
from kiosk.ui.screens.counter.exam_results import ExamResultsScreen
from kiosk.ui.screens.staff_home import StaffHomeScreen
from tests.booking_helpers import add_learners, book, sessions
from tests.ui.conftest import field_error, screen_text, set_input, settle
from tests.ui.counter_helpers import SIZE, fill_session, press, priority_booked
from tests.ui.test_counter import _sign_in, counter_app


async def test_exam_admin_creates_a_session_and_imports_results(env, tmp_path):
    learner = add_learners(env, 1)[0]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-plans")
        assert isinstance(app.screen, ExamPlansScreen)
        assert app.screen.query_one("#sessions", DataTable).row_count > 0
        fill_session(app, "2027-02-10", opens_on="2027-02-05", publish_on="2027-02-08")  # a day with no plan
        await press(pilot, "save")
        assert "10日" in field_error(app, "opens_on")
        set_input(app, "opens_on", "2026-12-01")
        await press(pilot, "save")
        assert "已保存场次" in screen_text(app)
        set_input(app, "alloc_date", "2026-12-09")
        await press(pilot, "allocate")
        assert "还未到预约结果公布日" in field_error(app, "alloc_date")
        set_input(app, "alloc_date", "2026-11-20")
        await press(pilot, "allocate")
        assert "没有待安排的考试计划" in screen_text(app) and not isinstance(app.screen, ConfirmDialog)
        app.pop_screen()
        await settle(pilot)
        await press(pilot, "m-results")
        assert isinstance(app.screen, ExamResultsScreen)
        bar = app.screen.query_one("#import-progress")
        assert not bar.display  # no busy animation before an import
        set_input(app, "csv_path", str(tmp_path / "missing.csv"))
        await press(pilot, "import")
        assert field_error(app, "csv_path") and not bar.display
        csv_file = exam_admin_results.import_folder(env) / "r.csv"
        csv_file.write_text(f"{learner.id_number},2,90\nnot-an-id,2,90\n", encoding="utf-8")
        set_input(app, "csv_path", str(csv_file))
        await press(pilot, "import")
        text = screen_text(app)
        assert "共 2 行" in text and "第1行" in text and "第2行" in text and bar.display


async def test_allocation_at_the_counter_is_confirmed_first(env):
    """安排考试并公布结果 closes booking and notifies everyone: the clerk sees what it takes up and
    can still say no; only 确认 runs it."""
    from sqlalchemy import select

    from kiosk.db.models import Booking

    learner = add_learners(env, 1)[0]
    row = sessions(env, learner, 2, "2026-12-04", "2026-12-04")[0]
    done = book(env, learner, BookingRequest(2, "self", (row.id,)))
    env.clock.advance(days=1)  # 2026-12-02: the publication day of the 12-04 sessions

    def status() -> str:
        with env.db.read() as s:
            return s.scalar(select(Booking.status).where(Booking.id == done.booking_id))

    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-plans")
        set_input(app, "alloc_date", "2026-12-02")
        await press(pilot, "allocate")
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#question").render())
        assert "2026-12-02" in question and "不能撤销" in question
        assert int(re.search(r"申请至多 (\d+) 份", question).group(1)) >= 1
        assert app.focused.id == "no"
        await pilot.press("enter")  # 暂不办理
        await settle(pilot)
        assert isinstance(app.screen, ExamPlansScreen) and status() == "pending"
        await press(pilot, "allocate")
        await pilot.press("escape")  # Escape is 暂不办理 too
        await settle(pilot)
        assert isinstance(app.screen, ExamPlansScreen) and status() == "pending"
        await press(pilot, "allocate")
        await pilot.click("#yes")
        await settle(pilot)
        assert "安排计划" in screen_text(app) and status() in ("placed", "unplaced")


async def test_leaving_a_typed_form_asks_first(env):
    """Escape or 返回 with a session half typed in asks before the draft is dropped; 继续填写 (or
    Escape) keeps it. Once saved, or with nothing typed, they leave at once."""
    learner = add_learners(env, 1, permit_left_days=100)[0]
    today = env.clock.now().date()
    row = priority_booked(env, learner)  # placed at once: a result can be recorded
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-plans")
        set_input(app, "exam_date", "2027-02-10")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog) and "尚未保存" in screen_text(app)
        assert app.focused is app.screen.query_one("#no")  # the safe answer: 继续填写
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ExamPlansScreen)
        assert app.screen.query_one("#input-exam_date").value == "2027-02-10"
        await press(pilot, "back")
        await settle(pilot)
        await pilot.click("#yes")  # 放弃并返回
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)
        await press(pilot, "m-plans")  # a saved session is no draft
        fill_session(app, "2027-02-10", opens_on="2026-12-01", publish_on="2027-02-08")
        await press(pilot, "save")
        assert "已保存场次" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)
        env.clock.advance(days=(row.exam_date - today).days + 1)  # after the learner's exam
        await press(pilot, "m-results")
        for name, value in (("id_number", learner.id_number), ("subject", "2"), ("score", "90")):
            set_input(app, name, value)
        await press(pilot, "back")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#no")
        await settle(pilot)
        await press(pilot, "record")
        await pilot.click("#yes")  # 确认录入
        await settle(pilot)
        assert "已录入（第1次）" in screen_text(app) and "[" not in screen_text(app)  # green, no markup shown
        await pilot.press("escape")  # recorded: the candidate and subject that stay are saved
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)


async def test_plan_state_is_in_view_at_80_columns(env):
    """At 80x24 the 考试计划与安排 table cannot show all 12 columns; 状态 is among those in view."""
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-plans")
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count > 0
        widths = [(str(c.label), c.get_render_width(table)) for c in table.ordered_columns]
        names = [name for name, _ in widths]
        right_edge = sum(w for _, w in widths[:names.index("状态") + 1])
        assert right_edge <= table.scrollable_content_region.width, (widths, table.scrollable_content_region)


async def test_escape_during_a_csv_import_waits_for_its_report(env, monkeypatch):
    """Escape (or 返回) while an import runs leaves nothing half done: the screen stays, says it is
    working, and shows the per-line report when the import ends."""
    import threading

    real, release = exam_admin_results.import_csv, threading.Event()

    def slow(env_, staff, path, progress):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real(env_, staff, path, progress)

    monkeypatch.setattr(exam_admin_results, "import_csv", slow)
    learner = add_learners(env, 1)[0]
    (exam_admin_results.import_folder(env) / "r.csv").write_text(f"{learner.id_number},2,90\n", encoding="utf-8")
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-results")
        set_input(app, "csv_path", "r.csv")
        app.screen.query_one("#import", Button).press()
        await pilot.pause(0.1)  # the import runs (held back by ``release``)
        await pilot.press("escape")
        await pilot.pause(0.1)
        assert isinstance(app.screen, ExamResultsScreen) and "正在办理" in screen_text(app)
        release.set()
        for _ in range(50):
            await pilot.pause(0.05)
            if "共 1 行" in screen_text(app):
                break
        assert "共 1 行" in screen_text(app)  # the report (the line itself fails: no exam was booked)
