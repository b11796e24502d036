"""Pilot: 考试成绩录入 at 80x24 and at 120x40 shows an 18-digit ID number whole in 考生身份证号码 (at
120x40 its first digit was scrolled out of view), and the line after 录入成绩 says whose result it is
(the name and ID number masked), so the clerk can check it."""
from __future__ import annotations

import pytest
from textual.widgets import Input

from kiosk.domain.ids import mask_id, mask_name
from kiosk.ui.screens.counter.exam_results import ExamResultsScreen
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_booking_records import placed_on_12_04
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_results_confirm import answer_yes
from tests.ui.counter_helpers import press


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_id_number_shows_whole_and_the_result_names_the_candidate(env, people, size):
    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    env.clock.advance(days=2, hours=2)  # 2026-12-04 11:00, after the 08:30 session
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-results")
        assert isinstance(app.screen, ExamResultsScreen)
        id_field = app.screen.query_one("#input-id_number", Input)
        id_field.focus()
        await pilot.press(*p.id_number)  # typed: the cursor stands after the last digit
        await settle(pilot)
        assert id_field.value == p.id_number
        assert id_field.content_size.width >= len(p.id_number) + 1  # the digits and the cursor
        assert id_field.scroll_offset.x == 0  # nothing scrolled out on the left
        assert p.id_number in screen_text(app)
        await pilot.press("tab")  # and still whole when the focus has moved on
        await settle(pilot)
        assert id_field.scroll_offset.x == 0 and p.id_number in screen_text(app)
        set_input(app, "subject", "2")
        set_input(app, "score", "90")
        await press(pilot, "record")
        await answer_yes(pilot)
        text = screen_text(app)
        assert "已录入（第1次）" in text
        assert mask_name(p.name) in text and mask_id(p.id_number) in text
