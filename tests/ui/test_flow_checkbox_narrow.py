"""Pilot: at 80x24 the service form's check box (审验教育's 我已阅读并同意) is one line without its
tall ▔/▁ frame, as the inputs, lists and buttons are there (tester's finding 4); focused, the
accent bar is drawn in its own column, so [ ] and [X] stay whole. At 120x40 it keeps its frame."""
from __future__ import annotations

import pytest

from tests.ui.conftest import screen_text, settle
from tests.ui.test_education_flow import _open


@pytest.mark.parametrize(("size", "height"), [((80, 24), 1), ((120, 40), 3)])
async def test_the_declaration_box_is_one_line_at_80x24(kiosk_app, env, people, size, height):
    async with kiosk_app.run_test(size=size) as pilot:
        await _open(pilot, env, people["lorry_driver"], "review_education")
        tick = kiosk_app.screen.query_one("#agree-declaration")
        tick.focus()
        await settle(pilot)
        assert tick.outer_size.height == height
        for _ in range(30):  # a loaded CI run had not yet scrolled the focused box into view
            rows = [row for row in screen_text(kiosk_app).splitlines() if "我已阅读并同意《" in row]
            if rows:
                break
            await pilot.pause(0.1)
        assert rows, "the focused box is not on screen"
        line = rows[0]
        assert "[ ] 我已阅读并同意" in line
        assert ("▔" in screen_text(kiosk_app)) == (height > 1)  # at 80x24 nothing has a frame any more
        await pilot.press("space")
        await settle(pilot)
        assert "[X] 我已阅读并同意" in screen_text(kiosk_app)
