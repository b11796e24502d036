"""Pilot: 考试计划与安排, a session whose exam day has passed (the demo's history). Chosen in the list,
the form's title says it can no longer be changed; 保存场次 is refused by the service and the
reason is said next to the form (under 保存场次, in view at 80x24 as at 120x40), not at the bottom
of the page under 安排考试并公布结果. Nothing is saved."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from textual.widgets import DataTable, Static

from kiosk.db.models import ExamSession
from kiosk.services import exam_admin
from tests.integration.test_exam_admin_past import EXAMS, _form
from tests.ui.conftest import screen_error, set_input, settle
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import _open
from tests.ui.counter_helpers import press


def _past_session(env) -> tuple[int, int]:
    """(id, seats) of the latest demo session held before today."""
    today = env.clock.now().date()
    with env.db.read() as s:
        x = s.scalars(select(ExamSession).where(ExamSession.exam_date < today)
                      .order_by(ExamSession.exam_date.desc())).first()
        return x.id, x.seats


def _text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_past_session_is_refused_next_to_the_form(env, size):
    session_id, seats = _past_session(env)
    with env.db.read() as s:
        day = s.get(ExamSession, session_id).exam_date
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _open(pilot, app)
        set_input(app, "date_from", f"{day - timedelta(days=1)}")
        set_input(app, "date_to", f"{day}")
        await press(pilot, "query")
        table = app.screen.query_one("#sessions", DataTable)
        table.focus()
        table.move_cursor(row=table.get_row_index(str(session_id)))
        await pilot.press("enter")  # chosen: the form shows it, and says it is past
        await settle(pilot)
        assert "考试日期已过，不能修改" in _text(app, "#form-title")
        set_input(app, "seats", str(seats + 10))
        await press(pilot, "save")
        said = _text(app, "#error-session")
        assert said.startswith("该场次考试日期已过，不能修改") and f"{day:%Y-%m-%d}" in said
        assert screen_error(app) == ""  # next to the form, not at the bottom of the page
        note = app.screen.query_one("#error-session", Static)
        assert app.screen.query_one("#sessions").parent.region.contains_region(note.region)  # in view
        assert "已保存" not in _text(app, "#plan-message")
    with env.db.read() as s:
        assert s.get(ExamSession, session_id).seats == seats


async def test_a_session_started_today_is_shown_as_started(env):
    """On its exam day after its start time the session is being held: the form's title says it
    has started, and 保存场次 is refused by the service with the same reason under it."""
    row = exam_admin.save_session(env, EXAMS, _form())  # 2027-02-10 10:00
    env.clock.advance(days=71, hours=1, minutes=30)  # 2027-02-10 10:30
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app)
        set_input(app, "date_from", "2027-02-10")
        set_input(app, "date_to", "2027-02-10")
        await press(pilot, "query")
        table = app.screen.query_one("#sessions", DataTable)
        table.focus()
        table.move_cursor(row=table.get_row_index(str(row.id)))
        await pilot.press("enter")
        await settle(pilot)
        assert "考试已开始，不能修改" in _text(app, "#form-title")
        set_input(app, "seats", "50")
        await press(pilot, "save")
        assert _text(app, "#error-session").startswith("该场次考试已开始，不能修改")
    with env.db.read() as s:
        assert s.get(ExamSession, row.id).seats == 40
