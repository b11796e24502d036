"""Pilot: a page of the service flow or the booking wizard is a Tab stop only while something on it
is out of view, not for the blank lines under its buttons.

The empty line kept for a message (``.screen-error``) made 驾驶证补换领 at 80x24, and 考试预约's
确认并提交 with the SMS shown, one line taller than the page: Tab stopped on the page (the accent
bar down its left side) and scrolled one blank line. Lines for messages now take no row while empty
(kiosk.ui.widgets.plain.ErrorLine): both fit whole, and are no Tab stop. A form taller than the page is
no Tab stop either: Tab brings each of its controls into view."""
from __future__ import annotations

from textual.widgets import Button

from kiosk.ui.widgets.page import Page
from tests.ui.conftest import settle, sign_in
from tests.ui.test_booking_small_screen import to_confirm

SMALL = (80, 24)


async def open_service(pilot, env, person, key: str) -> Page:
    await sign_in(pilot, env, person.id_number, person.phone)
    pilot.app.screen.query_one(f"#menu-{key}", Button).press()
    await settle(pilot)
    await pilot.pause(0.1)
    return pilot.app.screen.query_one(Page)


async def tab_stops(pilot) -> list:
    """Where Tab goes, once round."""
    stops = []
    for _ in range(len(pilot.app.screen.focus_chain) + 1):
        await pilot.press("tab")
        stops.append(pilot.app.focused)
    return stops


async def test_a_service_form_that_fits_is_no_tab_stop(kiosk_app, env, people):
    async with kiosk_app.run_test(size=SMALL) as pilot:
        page = await open_service(pilot, env, people["driver_normal"], "licence_replace")
        assert page.max_scroll_y == 0, "no blank line makes the form taller than the page"
        assert page not in kiosk_app.screen.focus_chain
        assert page not in await tab_stops(pilot)


async def test_the_booking_confirmation_under_the_sms_fits_and_is_no_tab_stop(kiosk_app, env, people):
    async with kiosk_app.run_test(size=SMALL) as pilot:
        await to_confirm(pilot, env, people["learner_new"])
        kiosk_app.screen.query_one("#send-code", Button).press()
        await settle(pilot)
        await pilot.pause(0.1)
        page = kiosk_app.screen.query_one(Page)
        assert page.max_scroll_y == 0, "no blank line makes the step taller than the page"
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-code")
        assert page not in kiosk_app.screen.focus_chain
        assert page not in await tab_stops(pilot)


async def test_a_form_taller_than_the_page_is_no_tab_stop_tab_brings_its_buttons(kiosk_app, env, people):
    """补换领机动车号牌 at 80x18: its 返回 and 下一步 are below the page's edge (at 80x24 it fits). The page
    was a Tab stop that scrolled; Tab after 下一步 then put the bar down the left edge and Enter did
    nothing (tester): every part of a form is a control or its label, and Tab brings the control."""
    async with kiosk_app.run_test(size=(80, 18)) as pilot:
        page = await open_service(pilot, env, people["driver_normal"], "plate_reissue")
        nxt = kiosk_app.screen.query_one("#next")
        assert not page.region.contains_region(nxt.region) and page.max_scroll_y > 0
        stops = await tab_stops(pilot)
        assert page not in stops and nxt in stops
        nxt.focus()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert page.region.contains_region(nxt.region)