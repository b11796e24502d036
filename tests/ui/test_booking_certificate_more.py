"""Pilot: 考试预约凭证 by taps (tester, 100x30 and 80x24): after 查看预约凭证 the page is scrolled to the
certificate, its last line on screen 预约凭证已保存...打印, and 查看预约凭证 / 返回业务中心 below the
screen with no 下方还有内容 line, as the wizards have: a tap user had only the thin scrollbar. Now the
line shows under the page (kiosk.ui.widgets.more_below), and a tap on it brings the buttons into view
(then the line says 上方还有内容, a tap on it back up to the list)."""
from __future__ import annotations

import pytest

from kiosk.ui.widgets.more_below import MORE_BELOW_TEXT, MoreBelow, MoreBelowByPageUp
from kiosk.ui.widgets.page import Page
from tests.ui.conftest import click_in_view, screen_text, settle
from tests.ui.test_booking_records import open_entry, placed_on_12_04

TITLE = "机动车驾驶人考试预约凭证"


@pytest.mark.parametrize("size", ((100, 30), (80, 24)))
async def test_the_buttons_under_the_certificate_are_reached_by_a_tap(kiosk_app, env, people, size):
    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=size) as pilot:
        await open_entry(pilot, env, p, "exam_certificate")
        assert MORE_BELOW_TEXT not in screen_text(kiosk_app)  # the list and its buttons fit
        await click_in_view(pilot, kiosk_app.screen.query_one("#action"))
        await pilot.pause(0.2)
        page = kiosk_app.screen.query_one(Page)
        view = page.scrollable_content_region
        assert TITLE in screen_text(kiosk_app)
        assert not view.contains_region(kiosk_app.screen.query_one("#back").region)  # below the edge
        assert MORE_BELOW_TEXT in screen_text(kiosk_app)  # the tester saw none
        hint = kiosk_app.screen.query_one(MoreBelow)
        assert hint.region.y >= view.bottom and hint.region.bottom <= size[1]  # under the page, on screen
        for _ in range(3):
            if not hint.display or hint.upwards:
                break
            await pilot.click(MoreBelow)
            await pilot.pause(0.2)
        for button in ("#action", "#back"):
            assert page.scrollable_content_region.contains_region(kiosk_app.screen.query_one(button).region)
        assert MoreBelowByPageUp.ABOVE_TEXT in screen_text(kiosk_app)  # the list is above now
        await pilot.pause(0.6)  # not a double-tap's second
        await pilot.click(MoreBelow)
        await settle(pilot)
        await pilot.pause(0.2)
        assert page.scroll_y < page.max_scroll_y
