"""Pilot: the number pad's keys show only while a field of digits is within the page's view, not
merely displayed further down it (tester, 100x30: 机动车转籍申请 opened with only 号牌号码 and
转入地（省） on screen, yet the pad showed, and a tap on 1 with the vehicle list focused made the page
jump to 发票代码 off screen, which then read 1). Scrolled to the invoice, the keys are back and type
into it; scrolled away again, they go. Their column stays, so the form does not wrap anew as it scrolls."""
from __future__ import annotations

from kiosk.ui.focus import in_sight
from kiosk.ui.widgets.page import Page
from tests.ui.conftest import choose_option, press_in_view, settle, sign_in

SIZE = (100, 30)


def _keys_shown(app) -> bool:  # type: ignore[no-untyped-def]
    box = app.screen.query_one(".keypad-box")
    return bool(box.display and box.visible and box.region.height > 0)


async def _open_transfer(pilot, env, person) -> Page:  # type: ignore[no-untyped-def]
    await sign_in(pilot, env, person.id_number, person.phone)
    await press_in_view(pilot, "menu-vehicle_transfer")
    await settle(pilot)
    await pilot.pause(0.1)
    return pilot.app.screen.query_one(Page)


async def test_no_keys_while_the_invoice_fields_are_below_the_view(kiosk_app, env, people):
    async with kiosk_app.run_test(size=SIZE) as pilot:
        page = await _open_transfer(pilot, env, people["two_cars"])  # 周杰: the vehicle list focused
        screen = kiosk_app.screen
        plates = screen.query_one("#choice-plate")
        assert kiosk_app.focused is plates and page.scroll_y == 0
        assert not _keys_shown(kiosk_app)
        width = page.region.width
        await pilot.click("#key-1")  # where the 1 would be: nothing under the finger types
        await settle(pilot)
        assert screen.query_one("#input-invoice_code").value == "" and page.scroll_y == 0
        assert kiosk_app.focused is plates
        page.scroll_end(animate=False)  # the citizen pages down to the invoice
        await settle(pilot)
        await pilot.pause(0.1)
        assert _keys_shown(kiosk_app) and page.region.width == width  # the column was kept for it
        await pilot.click("#key-1")  # no field focused: into the first field of digits in view
        await settle(pilot)
        assert screen.query_one("#input-invoice_code").value == "1"
        assert kiosk_app.focused is screen.query_one("#input-invoice_code")
        page.scroll_home(animate=False)
        await settle(pilot)
        await pilot.pause(0.1)
        assert not _keys_shown(kiosk_app)


async def test_a_tap_never_types_into_a_field_scrolled_away(kiosk_app, env, people):
    """The focused field scrolled out of view (a finger on the scrollbar) while another field of
    digits shows: the tap goes into the one in view, not into the one the citizen cannot see."""
    async with kiosk_app.run_test(size=SIZE) as pilot:
        page = await _open_transfer(pilot, env, people["points_study"])  # 宋佳: one car
        screen = kiosk_app.screen
        await choose_option(pilot, "province", "32")  # its cities shown: a page long enough to scroll on
        code, number = screen.query_one("#input-invoice_code"), screen.query_one("#input-invoice_no")
        number.focus(scroll_visible=False)
        # the code's row of text on the page's last row, 发票号码 under it below the edge
        view = page.scrollable_content_region
        page.scroll_to(y=page.scroll_y + code.content_region.y - (view.bottom - 1), animate=False)
        await settle(pilot)
        await pilot.pause(0.1)
        assert in_sight(code) and not in_sight(number) and kiosk_app.focused is number
        assert _keys_shown(kiosk_app)
        await pilot.click("#key-7")
        await settle(pilot)
        assert number.value == "" and code.value == "7" and kiosk_app.focused is code
