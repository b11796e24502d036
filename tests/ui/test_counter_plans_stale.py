"""Pilot: 考试计划与安排, a session changed at another counter while this one edits it. Counter A
saves 考位 8; this counter, whose form still shows 考位 5, changes only 优先预约名额 and saves: it is
refused next to the form (under 保存场次, in view) with what changed, what was typed stays in the
form, and the list is read again, so choosing the session there loads it as it is now."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from kiosk.db.models import ExamSession
from kiosk.services import exam_admin
from kiosk.services.staff import StaffSession
from kiosk.ui.dialogs.confirm import ConfirmDialog
from tests.ui.conftest import screen_error, set_input, settle
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import _open
from tests.ui.counter_helpers import press

EXAMS = StaffSession("J1003", "赵考务", ("exam_admin",))
FORM = dict(site_id=1, exam_date="2027-02-10", start_time="10:00", subject="1", classes="C1C2", seats="5",
            priority_quota="0", opens_on="2026-12-05", publish_on="2027-02-08")


def _text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def _value(app, name: str) -> str:
    return app.screen.query_one(f"#input-{name}").value


async def _choose(pilot, app, session_id: int) -> None:
    table = app.screen.query_one("#sessions", DataTable)
    table.focus()
    table.move_cursor(row=table.get_row_index(str(session_id)))
    await pilot.press("enter")
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_save_over_another_counters_change_is_refused_and_keeps_the_form(env, size):
    row = exam_admin.save_session(env, EXAMS, exam_admin.SessionForm(**FORM))
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _open(pilot, app)
        set_input(app, "date_from", "2027-02-10")
        set_input(app, "date_to", "2027-02-10")
        await press(pilot, "query")
        await _choose(pilot, app, row.id)
        assert _value(app, "seats") == "5"
        # counter A, which loaded the same session, saves 考位 8
        exam_admin.save_session(env, EXAMS, exam_admin.SessionForm(**dict(FORM, seats="8"), session_id=row.id,
                                                                   loaded=exam_admin.shown(row)))
        set_input(app, "priority_quota", "2")
        await press(pilot, "save")
        said = _text(app, "#error-session")
        assert said == "该场次已被其他工作人员修改（考位数由5改为8），请重新查询后再修改"
        assert screen_error(app) == ""  # next to the form, not at the bottom of the page
        note = app.screen.query_one("#error-session", Static)
        assert app.screen.query_one("#sessions").parent.region.contains_region(note.region)  # in view
        assert "已保存" not in _text(app, "#plan-message")
        assert (_value(app, "seats"), _value(app, "priority_quota")) == ("5", "2")  # nothing typed lost
        assert f"修改场次 {row.id}" in _text(app, "#form-title")
        await settle(pilot)
        assert app.screen.rows[str(row.id)].seats == 8  # the list read again
        assert _text(app, "#error-session") == said  # and the message kept
        await _choose(pilot, app, row.id)  # the 2 typed is not saved: asked first
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")  # 放弃并修改所选场次: loaded again, as it is now
        await settle(pilot)
        assert (_value(app, "seats"), _value(app, "priority_quota")) == ("8", "0")
        set_input(app, "priority_quota", "2")
        await press(pilot, "save")
        assert "已保存场次" in _text(app, "#plan-message")
    with env.db.read() as s:
        x = s.get(ExamSession, row.id)
        assert (x.seats, x.priority_quota) == (8, 2)
