"""Pilot: a service form on a short wide terminal (100x30, the full look with framed fields and
buttons). Tester's findings: with the SMS bar shown under 确认并提交, 上一步 and 提交 stayed below
the page's edge (only their top edge in sight) under the focused SMS code field; a tall form
(驾驶证补换领) ran past the bottom with nothing saying 下一步 was below."""
from __future__ import annotations

from kiosk.ui.widgets.phone import PhoneBar
from tests.ui.conftest import press_in_view, set_input, settle, sign_in


def wholly_on_view(app, widget) -> bool:
    """Inside the screen, not under the phone bar, and inside the scrolled page's view."""
    region = widget.region
    page = app.screen.query_one("Page")
    bars = [bar.region for bar in app.screen.query(PhoneBar) if bar.display]
    return (region.height > 0 and app.screen.region.contains_region(region)
            and page.scrollable_content_region.contains_region(region)
            and not any(region.overlaps(bar) for bar in bars))


async def test_submit_stays_in_view_under_the_code_field_with_the_sms_bar(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        set_input(kiosk_app, "phone", "13800138000")
        await press_in_view(pilot, "next")
        await press_in_view(pilot, "send-code")  # the code goes to the new number: the SMS bar shows
        await pilot.pause(0.3)
        assert any(bar.display for bar in kiosk_app.screen.query(PhoneBar))
        assert kiosk_app.focused.id == "input-code"
        assert wholly_on_view(kiosk_app, kiosk_app.screen.query_one("#field-code"))
        assert wholly_on_view(kiosk_app, kiosk_app.screen.query_one("#submit"))
        assert wholly_on_view(kiosk_app, kiosk_app.screen.query_one("#prev"))


async def test_a_tall_form_says_there_is_more_below_until_its_buttons_show(kiosk_app, env, people):
    """驾驶证补换领 at 100x30: 下一步 below the edge, and a line says so; scrolled to the end it says
    上方 instead (what is above, tests/ui/test_more_above.py)."""
    from kiosk.ui.widgets.more_below import MORE_ABOVE_TEXT, MORE_BELOW_TEXT, MoreBelow
    from tests.ui.conftest import screen_text

    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_replace")
        await settle(pilot)
        await pilot.pause(0.2)
        hint = kiosk_app.screen.query_one(MoreBelow)
        assert not wholly_on_view(kiosk_app, kiosk_app.screen.query_one("#next"))
        assert hint.display and MORE_BELOW_TEXT in screen_text(kiosk_app)
        assert kiosk_app.screen.region.contains_region(hint.region)
        page = kiosk_app.screen.query_one("Page")
        assert not hint.region.overlaps(page.region)  # a row of its own, under the page
        page.scroll_end(animate=False)
        await pilot.pause(0.2)
        assert wholly_on_view(kiosk_app, kiosk_app.screen.query_one("#next"))
        assert hint.upwards and MORE_BELOW_TEXT not in screen_text(kiosk_app)
        assert MORE_ABOVE_TEXT in screen_text(kiosk_app)


async def test_a_form_that_fits_shows_no_such_line(kiosk_app, env, people):
    from kiosk.ui.widgets.more_below import MoreBelow

    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        await pilot.pause(0.2)
        assert wholly_on_view(kiosk_app, kiosk_app.screen.query_one("#next"))
        assert not kiosk_app.screen.query_one(MoreBelow).display
