"""Pilot: 考试计划与安排, the line after saving an edited session says what changed, old and new,
for every field an edit may change (tester: changing only 优先预约名额 4 to 1 was saved with a line
naming the session and its 考位 but not the quota, so the clerk had to check the list); a save
that changes nothing says so; a new session's line names no change."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from kiosk.services import exam_admin
from kiosk.services.staff import StaffSession
from tests.ui.conftest import set_input, settle
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import _open
from tests.ui.counter_helpers import press

EXAMS = StaffSession("J1003", "赵考务", ("exam_admin",))
FORM = dict(site_id=1, exam_date="2027-02-10", start_time="08:30", subject="3", classes="C1C2C5", seats="40",
            priority_quota="4", opens_on="2026-12-05", publish_on="2027-02-08")
ALL = dict(start_time="10:00", classes="C1C2", seats="45", priority_quota="1", opens_on="2026-12-06",
           publish_on="2027-02-07")
SAID_ALL = ("开考时间由08:30改为10:00，准考车型由C1C2C5改为C1C2，考位数由40改为45，优先预约名额由4改为1，"
            "开放预约日期由2026-12-05改为2026-12-06，结果公布日期由2027-02-08改为2027-02-07")


async def _edit_and_save(env, typed: dict[str, str]) -> str:
    row = exam_admin.save_session(env, EXAMS, exam_admin.SessionForm(**FORM))
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
        for name, value in typed.items():
            set_input(app, name, value)
        await press(pilot, "save")
        return str(app.screen.query_one("#plan-message", Static).render())


@pytest.mark.parametrize(("typed", "said"), [
    (dict(priority_quota="1"), "；已修改：优先预约名额由4改为1"),
    (ALL, f"；已修改：{SAID_ALL}"),
    ({}, "；未作修改"),
])
async def test_the_saved_line_says_what_the_edit_changed(env, typed, said):
    line = await _edit_and_save(env, typed)
    assert line.startswith("已保存场次") and line.endswith(said), line
    assert "→" not in line  # an ambiguous-width character


async def test_a_new_session_names_no_change(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app)
        set_input(app, "date_from", "2027-02-10")
        set_input(app, "date_to", "2027-02-10")
        await press(pilot, "query")
        app.screen.query_one("#site").value = 1
        for name, value in FORM.items():
            if name != "site_id":
                set_input(app, name, value)
        await press(pilot, "save")
        line = str(app.screen.query_one("#plan-message", Static).render())
        assert line.startswith("已保存场次") and "修改" not in line, line
