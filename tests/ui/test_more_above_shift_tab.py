"""Pilot: the line under a wizard's page says 上方还有内容：请点这里向上翻页（或按Shift+Tab键） once the page is
scrolled to its end with something above. In 驾驶证补换领 at 100x30 and 满分学习考试 at 80x20 Shift+Tab
walked up the fields, each scrolled just into view, and on the first one the intro above it never came
back: the line stayed. Shift+Tab (the key) onto the page's first control brings the page to its top
(kiosk.ui.widgets.page.Page.top_after_shift_tab). A focus the app sets does not: 考试预约's 确认并提交
focuses its SMS code field, the page's first control, and at the top 上一步 went under the phone bar."""
from __future__ import annotations

from textual.widgets import Button

from kiosk.ui.widgets.more_below import MORE_ABOVE_TEXT
from kiosk.ui.widgets.page import Page
from kiosk.ui.widgets.phone import PhoneBar
from tests.conftest import last_sms_code
from tests.ui.conftest import click_in_view, screen_text, set_input, settle, sign_in
from tests.ui.test_booking_priority import to_priority_sessions
from tests.ui.test_booking_wizard import mark_rows, query, step
from tests.ui.test_more_below_tap import open_service
from tests.ui.test_phone_bar import EDUCATION, sms


def intro_in_view(app) -> bool:  # type: ignore[no-untyped-def]
    page = app.screen.query_one(Page)
    region = app.screen.query_one("#intro").region
    return region.height > 0 and page.scrollable_content_region.contains_region(region)


def controls(app):  # type: ignore[no-untyped-def]
    page = app.screen.query_one(Page)
    return page, [w for w in app.screen.focus_chain if page in w.ancestors]


async def at_the_end_on_the_last(pilot) -> None:  # type: ignore[no-untyped-def]
    """Tab to the page's last control (下一步), the page at its end: the line says 上方."""
    app = pilot.app
    page, inside = controls(app)
    assert app.focused is inside[0]  # the form opens on its first control
    for _ in range(30):
        if app.focused is inside[-1]:
            break
        await pilot.press("tab")
        await pilot.pause(0.05)
    page.scroll_end(animate=False)
    await settle(pilot)
    await pilot.pause(0.3)
    assert app.focused is inside[-1]
    assert page.scroll_y > 0 and not intro_in_view(app) and MORE_ABOVE_TEXT in screen_text(app)


async def shift_tab_to_the_top(pilot) -> None:  # type: ignore[no-untyped-def]
    """From the end, Shift+Tab up to the first control: the page at its top, the intro and that
    control in view, the line gone."""
    app = pilot.app
    await at_the_end_on_the_last(pilot)
    page, inside = controls(app)
    for _ in range(30):
        if app.focused is inside[0]:
            break
        await pilot.press("shift+tab")
        await pilot.pause(0.05)
    await settle(pilot)
    await pilot.pause(0.3)
    assert app.focused is inside[0]
    assert page.scroll_y == 0 and intro_in_view(app)
    assert page.scrollable_content_region.contains_region(inside[0].region)
    assert MORE_ABOVE_TEXT not in screen_text(app)


async def test_licence_replace_at_100x30(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await open_service(pilot, env, people["driver_normal"], "licence_replace")
        await shift_tab_to_the_top(pilot)


async def test_full_score_at_80x20(kiosk_app, env, people):
    p = people["full_score"]
    async with kiosk_app.run_test(size=(80, 20)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await click_in_view(pilot, kiosk_app.screen.query_one("#menu-full_score"))
        await settle(pilot)
        await sms(pilot, env, p.phone, EDUCATION)
        await shift_tab_to_the_top(pilot)


async def test_the_first_control_focused_by_the_app_is_only_brought_into_view(kiosk_app, env, people):
    """Not the key: the first field focused by the app from the end is scrolled just into view."""
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await open_service(pilot, env, people["driver_normal"], "licence_replace")
        await at_the_end_on_the_last(pilot)
        page, inside = controls(kiosk_app)
        inside[0].focus()
        await settle(pilot)
        await pilot.pause(0.3)
        assert kiosk_app.focused is inside[0] and page.scroll_y > 0 and not intro_in_view(kiosk_app)


async def test_confirm_with_the_code_focused_does_not_scroll_to_its_top(kiosk_app, env, people):
    """考试预约's 确认并提交 at 100x32, back to it with the code kept: the code field (the page's first
    control) takes the focus, and the page stays where 上一步 and 预约 are above the phone bar."""
    p = people["permit_expiring"]  # 王芳: 优先预约
    async with kiosk_app.run_test(size=(100, 32)) as pilot:
        await to_priority_sessions(pilot, env, p)
        await query(pilot, "2026-12-04", "2026-12-10")
        await mark_rows(pilot, 1)
        kiosk_app.screen.query_one("#next-sessions", Button).press()
        await settle(pilot)
        await click_in_view(pilot, kiosk_app.screen.query_one("#send-code"))
        set_input(kiosk_app, "code", last_sms_code(env, p.phone))
        await pilot.press("escape")  # 上一步
        await settle(pilot)
        kiosk_app.screen.query_one("#next-sessions", Button).press()
        await settle(pilot)
        await settle(pilot)
        await pilot.pause(0.3)
        screen = kiosk_app.screen
        page, inside = controls(kiosk_app)
        assert step(kiosk_app)[0] == "step-confirm" and screen.focused.id == "input-code"
        assert inside[0] is screen.focused  # the page's first control
        assert page.scroll_y > 0  # only brought into view, not to the top
        bars = [b for b in screen.query(PhoneBar) if b.display and b.region.height]
        bottom = bars[0].region.y if bars else screen.size.height
        for button in ("#prev-confirm", "#submit"):
            region = screen.query_one(button).region
            assert region.height and region.bottom <= bottom, (button, region, bottom)
