"""Pilot: the line under a wizard's page says 上方还有内容：请点这里向上翻页（或按Shift+Tab键） once the page is
scrolled to its end with something above. In 驾驶证补换领 at 100x30 and 满分学习考试 at 80x20 Shift+Tab
walked up the fields without ever showing the intro above the first one, then went round to the
buttons: the line's promise was untrue. Focused, the page's first control brings the page to its top
(kiosk.ui.widgets.page.Page.on_descendant_focus) when it still fits in view from there."""
from __future__ import annotations

import pytest

from kiosk.ui.widgets.more_below import MORE_ABOVE_TEXT
from kiosk.ui.widgets.page import Page
from tests.ui.conftest import click_in_view, screen_text, settle, sign_in
from tests.ui.test_more_below_tap import open_service
from tests.ui.test_phone_bar import EDUCATION, sms


def intro_in_view(app) -> bool:  # type: ignore[no-untyped-def]
    page = app.screen.query_one(Page)
    region = app.screen.query_one("#intro").region
    return region.height > 0 and page.scrollable_content_region.contains_region(region)


async def shift_tab_to_the_top(pilot) -> None:  # type: ignore[no-untyped-def]
    """From the end (the line saying 上方), Shift+Tab up to the first control: the intro is in view,
    and the first control is focused and in view."""
    app = pilot.app
    page = app.screen.query_one(Page)
    inside = [w for w in app.screen.focus_chain if page in w.ancestors]
    first, last = inside[0], inside[-1]
    assert app.focused is first  # the form opens on it
    for _ in range(30):  # Tab to the last control (下一步): the page at its end
        if app.focused is last:
            break
        await pilot.press("tab")
        await pilot.pause(0.05)
    page.scroll_end(animate=False)
    await settle(pilot)
    await pilot.pause(0.3)
    assert app.focused is last
    assert page.scroll_y > 0 and not intro_in_view(app) and MORE_ABOVE_TEXT in screen_text(app)
    for _ in range(30):
        if app.focused is first:
            break
        await pilot.press("shift+tab")
        await pilot.pause(0.05)
    await settle(pilot)
    await pilot.pause(0.3)
    assert app.focused is first
    assert page.scroll_y == 0 and intro_in_view(app)
    assert page.scrollable_content_region.contains_region(first.region)
    assert MORE_ABOVE_TEXT not in screen_text(app)


async def test_licence_replace_at_100x30(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await open_service(pilot, env, people["driver_normal"], "licence_replace")
        await shift_tab_to_the_top(pilot)


@pytest.mark.parametrize("key", ["plate_reissue", "vehicle_transfer"])
async def test_other_service_forms_at_100x30(kiosk_app, env, people, key):
    """The service forms generally (one Page for them all): 补换领机动车号牌 and 机动车转籍申请 run past 100x30 too."""
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await open_service(pilot, env, people["driver_normal"], key)
        assert kiosk_app.screen.query_one(Page).has_more_below  # taller than the page
        await shift_tab_to_the_top(pilot)


async def test_full_score_at_80x20(kiosk_app, env, people):
    p = people["full_score"]
    async with kiosk_app.run_test(size=(80, 20)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await click_in_view(pilot, kiosk_app.screen.query_one("#menu-full_score"))
        await settle(pilot)
        await sms(pilot, env, p.phone, EDUCATION)
        await shift_tab_to_the_top(pilot)
