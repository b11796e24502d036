"""Pilot: 审核队列, Enter on a photo's row takes the reviewer to the decision, 审核通过 (tester: Enter
did nothing, and 审核通过 was a Tab past 不通过原因; the other counter lists act on Enter). Enter on the
row decides nothing: the application is approved only by 审核通过 and its question."""
from __future__ import annotations

import pytest

from kiosk.services import applications, elicence
from tests.ui.conftest import settle
from tests.ui.test_counter import counter_app
from tests.ui.counter_helpers import SIZE, open_review, queued_photo


@pytest.mark.parametrize("size", [SIZE, (80, 24)])
async def test_enter_on_the_row_goes_to_approve(env, people, size):
    aid, _serial = queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await open_review(pilot, app)
        queue = app.screen.query_one("#queue")
        queue.focus()
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#approve")
        assert app.screen.query_one("#approve").region.height  # in view
        assert applications.list_for(env, aid)[0].status != elicence.DONE  # nothing decided
