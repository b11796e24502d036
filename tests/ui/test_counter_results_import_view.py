"""Pilot: 考试成绩录入 at 80x24, the report of a CSV import is brought into view (tester: only the
progress bar showed, the report 共 4 行... below it off the screen, and Tab did not reach it); the page
has the focus, so the arrow keys read on."""
from __future__ import annotations

import pytest
from textual.widgets import Input

from kiosk.services import exam_admin_results
from kiosk.ui.widgets.page import Page
from tests.booking_helpers import add_learners
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_import_report_is_in_view(env, size):
    learners = add_learners(env, 4)  # no exam booked: each line is refused, one by one
    lines = [f"{p.id_number},2,90" for p in learners]
    (exam_admin_results.import_folder(env) / "r.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-results")
        set_input(app, "csv_path", "r.csv")
        app.screen.query_one("#input-csv_path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "共 4 行" in text and "第1行" in text
        page = app.screen.query_one(Page)
        assert app.focused is page or not page.has_more_to_show  # the arrow keys read the rest
