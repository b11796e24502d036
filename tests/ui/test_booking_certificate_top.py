"""Pilot: 考试预约凭证 after 查看预约凭证 (at 100x30 and 80x24 the certificate does not all show, and the page
is scrolled to it): it starts on the page's first row. At 100x30 two blank rows were above its title (the
page's padding, which stays on screen, and the certificate's margin, kept in view by the scroll), at
80x24 and 90x28 one. The list before it keeps its blank first row (none at 80x24)."""
from __future__ import annotations

import pytest

from kiosk.ui.widgets.page import Page
from tests.ui.conftest import click_in_view, screen_text, settle
from tests.ui.test_booking_records import open_entry, placed_on_12_04

TITLE = "机动车驾驶人考试预约凭证"


async def show_certificate(pilot, env, p) -> Page:  # type: ignore[no-untyped-def]
    placed_on_12_04(env, p)
    await open_entry(pilot, env, p, "exam_certificate")
    await click_in_view(pilot, pilot.app.screen.query_one("#action"))
    await settle(pilot)
    await pilot.pause(0.3)
    return pilot.app.screen.query_one(Page)


@pytest.mark.parametrize("size", ((100, 30), (80, 24), (90, 28)))
async def test_the_certificate_starts_on_the_pages_first_row(kiosk_app, env, people, size):
    async with kiosk_app.run_test(size=size) as pilot:
        page = await show_certificate(pilot, env, people["permit_expiring"])
        assert page.scroll_y > 0  # it does not all show: read from its top
        rows = screen_text(kiosk_app).splitlines()
        assert TITLE in rows[page.scrollable_content_region.y]  # right under the title bar, no blank row
        assert page.scrollable_content_region.y == 1


@pytest.mark.parametrize("size", ((120, 40), (100, 30), (80, 24)))
async def test_the_list_keeps_its_rows(kiosk_app, env, people, size):
    """Before 查看预约凭证 the list is as it was: a blank first row above it, none at 80x24."""
    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=size) as pilot:
        await open_entry(pilot, env, p, "exam_certificate")
        rows = screen_text(kiosk_app).splitlines()
        first = 1 if size == (80, 24) else 2
        if first == 2:
            assert not rows[1].strip()
        assert "以下为预约成功的考试" in rows[first]
        if size == (120, 40):  # the certificate fits: nothing scrolls, the list stays on top
            await click_in_view(pilot, kiosk_app.screen.query_one("#action"))
            await pilot.pause(0.3)
            assert TITLE in screen_text(kiosk_app) and kiosk_app.screen.query_one(Page).scroll_y == 0
            assert "以下为预约成功的考试" in screen_text(kiosk_app).splitlines()[2]
