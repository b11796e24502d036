"""Pilot: 审核队列 with one photo at 100x30 shows 审核通过, 审核不通过, 刷新 and 返回 as it opens (tester:
the screen ended with 不通过原因 and three blank rows, the buttons below the fold with nothing saying so;
不通过原因 is now beside the photo, under the checks). Where they still do not fit (three photos
listed at 100x30), the 下方还有内容 line says so, and a tap on it brings them into view."""
from __future__ import annotations

import pytest
from textual.widgets import Button

from kiosk.ui.widgets.more_below import MORE_BELOW_TEXT, MoreBelow
from kiosk.ui.widgets.page import Page
from tests.ui.conftest import screen_text, settle
from tests.ui.test_counter import counter_app
from tests.ui.counter_helpers import open_review, queued_photo
from tests.ui.test_counter_review_live import send_photo

BUTTONS = ("approve", "reject", "reload", "back")


def in_view(app, button_id: str) -> bool:  # type: ignore[no-untyped-def]
    button = app.screen.query_one(f"#{button_id}", Button)
    view = app.screen.query_one(Page).scrollable_content_region
    return button.region.size == button.outer_size and view.contains_region(button.region)  # whole: 3 rows, 1 narrow


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (120, 40)])
async def test_the_buttons_are_in_view_with_one_photo(env, people, size):
    queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await open_review(pilot, app)
        await settle(pilot)
        assert "申请人：吴霞" in screen_text(app) and app.screen.query_one(Page).scroll_y == 0
        assert all(in_view(app, b) for b in BUTTONS), [app.screen.query_one(f"#{b}").region for b in BUTTONS]
        assert MORE_BELOW_TEXT not in screen_text(app)


async def test_they_stay_in_view_after_a_resize_to_80x24(env, people):
    """From 100x30 to 80x24: the buttons fit at 80x24, but the 下方还有内容 line shown during the resize
    took a row and kept them below it (the photo's blank last row), until the screen was opened again."""
    queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(pilot, app)
        await settle(pilot)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert all(in_view(app, b) for b in BUTTONS) and MORE_BELOW_TEXT not in screen_text(app)


async def test_below_the_fold_the_line_says_so_and_a_tap_shows_them(env, people):
    for person in ("no_photo", "driver_normal", "lorry_driver"):
        send_photo(env, people[person])
    app = counter_app(env)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(pilot, app)
        await settle(pilot)
        assert not in_view(app, "approve") and MORE_BELOW_TEXT in screen_text(app)
        await pilot.pause(0.6)  # a tap this soon after the screen opened is dropped (kiosk.ui.pointer)
        await pilot.click(MoreBelow)
        await settle(pilot)
        assert all(in_view(app, b) for b in BUTTONS)
        assert MORE_BELOW_TEXT not in screen_text(app)
