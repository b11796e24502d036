"""Pilot: the 下方还有内容 line (kiosk.ui.widgets.more_below) is a tap target. It said 请向下滚动或按Tab键查看,
of no help on a touch screen (no Tab key there), and the page's thin scrollbar was hard to hit when
the page ran over by a row or two (tester). A tap on the line pages the page down (to its end when
less is left), the focus stays where it was, and the line says 下方 no more once the end is in view (it
says 上方 then: tests/ui/test_more_above.py); a tap within 0.5 s of a new step is dropped, as any tap
is (kiosk.ui.pointer)."""
from __future__ import annotations

import asyncio

from rich.cells import cell_len

from kiosk.ui.widgets.more_below import MORE_ABOVE_TEXT, MORE_BELOW_TEXT, MoreBelow
from kiosk.ui.widgets.page import Page
from tests.ui.conftest import click_in_view, driver_tap, screen_text, settle, sign_in
from tests.ui.test_booking_wizard import to_sessions


def parts(app):  # type: ignore[no-untyped-def]
    return app.screen.query_one(Page), app.screen.query_one(MoreBelow)


def says_below(hint: MoreBelow) -> bool:
    return hint.display and not hint.upwards


async def open_service(pilot, env, person, key: str) -> None:  # type: ignore[no-untyped-def]
    await sign_in(pilot, env, person.id_number, person.phone)
    await click_in_view(pilot, pilot.app.screen.query_one(f"#menu-{key}"))
    await settle(pilot)
    await pilot.pause(0.2)


async def test_the_wording_says_to_tap_it_and_fits_one_line_at_80x24():
    assert MORE_BELOW_TEXT == "下方还有内容：请点这里向下翻页（或按Tab键）"
    assert not any(c in MORE_BELOW_TEXT for c in ",:;()?!…“”·—")  # full-width punctuation only
    assert cell_len(MORE_BELOW_TEXT) <= 80 - 2  # the page's text width at 80x24 (padding 0 1)


async def test_a_tap_on_the_line_shows_the_end_of_a_tall_form(kiosk_app, env, people):
    """驾驶证补换领 at 100x30: 下一步 two rows below the edge; one tap and it is in view."""
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await open_service(pilot, env, people["driver_normal"], "licence_replace")
        page, hint = parts(kiosk_app)
        focused = kiosk_app.focused
        assert hint.display and MORE_BELOW_TEXT in screen_text(kiosk_app)
        assert hint.content_region.width >= cell_len(MORE_BELOW_TEXT)  # one line
        await pilot.click(MoreBelow)
        await pilot.pause(0.2)
        assert page.scroll_y == page.max_scroll_y > 0
        assert not says_below(hint) and MORE_BELOW_TEXT not in screen_text(kiosk_app)
        assert MORE_ABOVE_TEXT in screen_text(kiosk_app)  # the top of the form is above now
        assert kiosk_app.focused is focused
        next_button = kiosk_app.screen.query_one("#next").region
        assert page.scrollable_content_region.contains_region(next_button)


async def test_each_tap_pages_down_by_the_page_height(kiosk_app, env, people):
    """机动车转籍申请 at 80x18: more than a page below; each tap one page height, the last to the end."""
    async with kiosk_app.run_test(size=(80, 18)) as pilot:
        await open_service(pilot, env, people["driver_normal"], "vehicle_transfer")
        page, hint = parts(kiosk_app)
        focused = kiosk_app.focused
        page.scroll_home(animate=False)
        await pilot.pause(0.2)
        height = page.scrollable_content_region.height
        assert hint.display and page.max_scroll_y > height
        await pilot.click(MoreBelow)
        await pilot.pause(0.2)
        assert page.scroll_y == height and says_below(hint)
        for _ in range(5):
            if not says_below(hint):
                break
            await pilot.click(MoreBelow)
            await pilot.pause(0.2)
        assert page.scroll_y == page.max_scroll_y and not says_below(hint)
        assert kiosk_app.focused is focused


async def test_the_field_being_typed_in_does_not_pull_the_page_back(kiosk_app, env, people):
    """考试预约's 选择场次 at 80x13 (a page of 10 rows, as under a long SMS), 开始日期 focused: once the
    line went, the page (a row taller) scrolled back to the field, the line came again, and taps
    never reached 下一步."""
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(80, 13)) as pilot:
        await to_sessions(pilot, env, p, 2)
        page, hint = parts(kiosk_app)
        assert kiosk_app.focused.id == "input-date_from"
        for _ in range(5):
            if not says_below(hint):
                break
            await pilot.click(MoreBelow)
            await pilot.pause(0.3)
        assert page.scroll_y == page.max_scroll_y and not says_below(hint)
        assert kiosk_app.focused.id == "input-date_from"
        assert page.scrollable_content_region.contains_region(kiosk_app.screen.query_one("#next-sessions").region)


async def test_a_tap_just_after_a_new_step_is_dropped(kiosk_app, env, people):
    """考试预约's 选择场次 at 100x30: a tap on the line within 0.5 s of the step shown does nothing."""
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        page, hint = parts(kiosk_app)
        focused = kiosk_app.focused
        page.scroll_home(animate=False)
        await pilot.pause(0.2)
        assert hint.display
        x, y = hint.region.x + 4, hint.region.y
        kiosk_app.hold_taps(kiosk_app.screen)  # as step_shown does for a new step
        driver_tap(kiosk_app, x, y)
        await pilot.pause(0.2)
        assert page.scroll_y == 0 and hint.display
        await asyncio.sleep(0.6)
        driver_tap(kiosk_app, x, y)
        await pilot.pause(0.3)
        assert page.scroll_y == page.max_scroll_y and not says_below(hint)
        assert kiosk_app.focused is focused


async def test_scrolled_back_home_from_the_end_the_line_comes_again(kiosk_app, env, people):
    """It was told before the page's new layout: scrolled home from the end, it stayed away."""
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await open_service(pilot, env, people["driver_normal"], "vehicle_transfer")
        page, hint = parts(kiosk_app)
        page.scroll_end(animate=False)
        await pilot.pause(0.3)
        assert not says_below(hint)
        page.scroll_home(animate=False)
        await pilot.pause(0.3)
        assert page.has_more_below and says_below(hint)


async def test_a_double_tap_on_the_line_pages_once(kiosk_app, env, people, monkeypatch):
    """驾驶证补换领 at 100x30, the line tapped twice 0.3 s apart: the first tap paged to the end and the
    line turned to 上方, and the second paged back up at once, so the page seemed not to move (tester).
    A double-tap's moment made 2 s: a loaded machine may take longer than 0.5 s over Pilot's clicks."""
    from kiosk.ui.widgets import more_below

    monkeypatch.setattr(more_below, "SECOND_TAP", 2.0)
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await open_service(pilot, env, people["driver_normal"], "licence_replace")
        page, hint = parts(kiosk_app)
        await pilot.click(MoreBelow)
        await asyncio.sleep(0.3)
        await pilot.click(MoreBelow)
        await pilot.pause(0.2)
        assert page.scroll_y == page.max_scroll_y > 0 and hint.upwards
        await asyncio.sleep(2.1)  # a tap on its own, later: pages up
        await pilot.click(MoreBelow)
        await pilot.pause(0.2)
        assert page.scroll_y < page.max_scroll_y
