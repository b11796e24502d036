"""Pilot: the line under a wizard's page (kiosk.ui.widgets.more_below) serves upwards too. A tester at a
touch screen (taps only) on 考试预约's 选择场次 at 100x30: after 查询 the page was scrolled to the sessions,
开始日期, 结束日期, 考试场地 and 查询 above the view, nothing said so, and only the page's thin scrollbar
led back to the dates. With nothing below but something above, the line says 上方还有内容 and a tap
pages the page up; with both, it says 下方 (as before). The same line in every wizard: a service form
(驾驶证补换领), 考试预约 and 满分学习考试."""
from __future__ import annotations

from rich.cells import cell_len

from kiosk.ui.widgets.more_below import MORE_ABOVE_TEXT, MORE_BELOW_TEXT, MoreBelow
from kiosk.ui.widgets.page import Page
from tests.ui.conftest import click_in_view, screen_text, settle, sign_in
from tests.ui.test_booking_wizard import query, to_sessions
from tests.ui.test_more_below_tap import open_service
from tests.ui.test_phone_bar import EDUCATION, sms


def in_view(app, widget_id: str) -> bool:  # type: ignore[no-untyped-def]
    page = app.screen.query_one(Page)
    region = app.screen.query_one(widget_id).region
    return region.height > 0 and page.scrollable_content_region.contains_region(region)


async def tap_up_to_the_top(pilot) -> None:  # type: ignore[no-untyped-def]
    """Taps on the line while it says 上方, each one a page height up, until the top."""
    app = pilot.app
    page, hint = app.screen.query_one(Page), app.screen.query_one(MoreBelow)
    focused = app.focused
    height = page.scrollable_content_region.height
    for _ in range(6):
        if page.scroll_y == 0:
            break
        assert hint.display and hint.upwards and MORE_ABOVE_TEXT in screen_text(app)
        before = page.scroll_y
        await pilot.click(MoreBelow)
        await pilot.pause(0.3)
        assert page.scroll_y == max(0, before - height)
    assert page.scroll_y == 0 and MORE_ABOVE_TEXT not in screen_text(app)
    assert app.focused is focused  # the line takes no focus


async def test_the_wording_is_full_width_and_fits_one_line_at_80x24():
    assert MORE_ABOVE_TEXT == "上方还有内容：请点这里向上翻页（或按Shift+Tab键）"
    assert not any(c in MORE_ABOVE_TEXT for c in ",:;()?!…“”·—")
    assert cell_len(MORE_ABOVE_TEXT) <= 80 - 2


async def test_after_a_query_the_dates_above_are_said_and_a_tap_brings_them_back(kiosk_app, env, people):
    """The tester's case at 100x30: 查询 scrolls to the sessions; at the end the line says 上方, taps
    bring 开始日期 back into view; from the top it says 下方 again."""
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await query(pilot, "2026-12-04", "2026-12-10")
        await settle(pilot)
        await pilot.pause(0.3)
        page, hint = kiosk_app.screen.query_one(Page), kiosk_app.screen.query_one(MoreBelow)
        assert kiosk_app.screen.query_one("#step-sessions").rows
        assert not in_view(kiosk_app, "#input-date_from") and page.has_more_above
        assert hint.display  # said one way or the other: never nothing while the dates are above
        page.scroll_end(animate=False)
        await settle(pilot)
        await pilot.pause(0.3)
        assert not page.has_more_below and hint.upwards
        text = screen_text(kiosk_app)
        assert MORE_ABOVE_TEXT in text and MORE_BELOW_TEXT not in text
        assert hint.region.y == page.region.bottom  # the same place under the page
        await tap_up_to_the_top(pilot)
        assert in_view(kiosk_app, "#input-date_from") and in_view(kiosk_app, "#query")
        assert hint.display and not hint.upwards and MORE_BELOW_TEXT in screen_text(kiosk_app)


async def test_a_service_form_scrolled_to_its_end_says_what_is_above(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await open_service(pilot, env, people["driver_normal"], "licence_replace")
        page = kiosk_app.screen.query_one(Page)
        page.scroll_end(animate=False)
        await settle(pilot)
        await pilot.pause(0.3)
        assert page.scroll_y > 0 and MORE_ABOVE_TEXT in screen_text(kiosk_app)
        await tap_up_to_the_top(pilot)
        assert MORE_BELOW_TEXT in screen_text(kiosk_app)


async def test_full_score_scrolled_to_its_end_says_what_is_above(kiosk_app, env, people):
    p = people["full_score"]
    async with kiosk_app.run_test(size=(80, 20)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await click_in_view(pilot, kiosk_app.screen.query_one("#menu-full_score"))
        await settle(pilot)
        await sms(pilot, env, p.phone, EDUCATION)
        page = kiosk_app.screen.query_one(Page)
        page.scroll_end(animate=False)
        await settle(pilot)
        await pilot.pause(0.3)
        assert page.scroll_y > 0 and MORE_ABOVE_TEXT in screen_text(kiosk_app)
        await tap_up_to_the_top(pilot)
