"""Pilot: 审核队列, an item decided elsewhere meanwhile (`kiosk review`, another counter): 审核通过 or
审核不通过 says who decided what, and the queue reloads without it."""
from __future__ import annotations

import pytest
from textual.widgets import Select

from kiosk.services import elicence_review
from tests.ui.conftest import screen_error, screen_text, settle
from tests.ui.test_counter import counter_app
from tests.ui.counter_helpers import SIZE, open_review, press, queued_photo


@pytest.mark.parametrize("elsewhere, decision", [("reject", "审核不通过：照片背景不是白色"), ("approve", "审核通过")])
@pytest.mark.parametrize("button", ["approve", "reject"])
async def test_an_item_decided_elsewhere_is_named_and_leaves_the_queue(env, people, elsewhere, decision, button):
    _aid, serial = queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot, app)
        assert serial in screen_text(app)
        if elsewhere == "reject":  # as `kiosk review reject SERIAL --reason 1` does
            elicence_review.reject(env, serial, "1")
        else:
            elicence_review.approve(env, serial)
        if button == "reject":
            app.screen.query_one("#reason", Select).value = elicence_review.REJECT_REASONS[2]
        await press(pilot, button)
        await pilot.click("#yes")  # the question first (tests/ui/test_counter_review_confirm.py)
        await settle(pilot)
        assert screen_error(app).strip() == f"该业务已由其他工作人员审核（{decision}），已从队列中移除"
        assert serial not in screen_text(app) and "暂无待审核" in screen_text(app)
