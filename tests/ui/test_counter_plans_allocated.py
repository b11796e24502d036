"""Pilot: 考试计划与安排, a session whose plan is allocated (results published). Chosen in the list, the
form's title says 该计划已安排考试，不能修改 and the focus stays on the list; a 优先预约名额 typed over
it anyway is refused under 保存场次 with the same words, and nothing is saved."""
from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Static

from kiosk.db.models import ExamSession
from kiosk.services import allocation_service
from tests.ui.conftest import screen_error, set_input, settle
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import _open
from tests.ui.counter_helpers import press


def _text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_an_allocated_plans_session_is_shown_as_not_editable(env):
    env.clock.advance(days=1)  # 2026-12-02: the publication day of the 12-04 sessions
    allocation_service.run(env, date(2026, 12, 2))
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app)
        set_input(app, "date_from", "2026-12-04")
        set_input(app, "date_to", "2026-12-04")
        await press(pilot, "query")
        table = app.screen.query_one("#sessions", DataTable)
        row = next(r for r in app.screen.rows.values() if r.priority_quota > 0)
        assert row.allocated
        table.focus()
        table.move_cursor(row=table.get_row_index(str(row.id)))
        await pilot.press("enter")
        await settle(pilot)
        assert _text(app, "#form-title").endswith("：该计划已安排考试，不能修改")
        assert app.focused is table  # not sent to 考位数 to change what cannot be changed
        set_input(app, "priority_quota", str(row.priority_quota - 1))
        await press(pilot, "save")
        assert _text(app, "#error-session").startswith("该计划已安排考试，不能修改")
        assert screen_error(app) == "" and "已保存" not in _text(app, "#plan-message")
    with env.db.read() as s:
        assert s.get(ExamSession, row.id).priority_quota == row.priority_quota
