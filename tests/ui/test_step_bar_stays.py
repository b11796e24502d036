"""Pilot: a wizard's step bar stays on screen while its page scrolls. At 100x30, on 确认并提交 the
page scrolled to bring the SMS code field and its buttons into view (with the SMS bar shown), and
1.填写信息 > 2.确认并提交 > 3.办理结果 (考试预约: ... 4.确认并提交) went off the top with it: the
citizen no longer saw which step they were on. The step bar is outside the page now
(kiosk.ui.widgets.page_column), right under the title bar; the page right under it."""
from __future__ import annotations

import pytest

from kiosk.ui.widgets.stepbar import StepBar
from tests.ui.conftest import press_in_view, set_input, settle, sign_in
from tests.ui.test_booking_wizard import to_confirm_with_one
from tests.ui.test_form_short_screen import wholly_on_view


def bar_on_screen(app) -> bool:  # type: ignore[no-untyped-def]
    """The step bar drawn whole on the screen, with the current step's name in it."""
    bar = app.screen.query_one(StepBar)
    region = bar.region
    current = f"{bar.current + 1}.{bar.steps[bar.current]}"
    row = app.screen._compositor.render_strips()[region.y].text if region.height else ""  # noqa: SLF001
    return region.height == 1 and app.screen.region.contains_region(region) and current in row


async def test_the_service_forms_step_bar_stays_on_confirm_with_the_code(kiosk_app, env, people):
    p = people["driver_normal"]  # 刘洋
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        assert bar_on_screen(kiosk_app)
        top = kiosk_app.screen.query_one(StepBar).region
        set_input(kiosk_app, "phone", "13800138000")
        await press_in_view(pilot, "next")
        await press_in_view(pilot, "send-code")  # the SMS bar shows; the page scrolls to the code and 提交
        await pilot.pause(0.3)
        await settle(pilot)
        assert kiosk_app.focused.id == "input-code" and wholly_on_view(kiosk_app, kiosk_app.screen.query_one("#submit"))
        assert bar_on_screen(kiosk_app) and kiosk_app.screen.query_one(StepBar).current == 1
        assert kiosk_app.screen.query_one(StepBar).region == top  # where it was on 填写信息


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_the_booking_wizards_step_bar_stays_on_confirm_with_the_code(kiosk_app, env, people, size):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=size) as pilot:
        await to_confirm_with_one(pilot, env, p)
        await press_in_view(pilot, "send-code")
        await pilot.pause(0.3)
        await settle(pilot)
        assert wholly_on_view(kiosk_app, kiosk_app.screen.query_one("#submit"))
        assert bar_on_screen(kiosk_app) and kiosk_app.screen.query_one(StepBar).current == 3


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_where_everything_fits_the_bar_is_over_the_form(kiosk_app, env, people, size):
    """The bar right under the title bar, the form's first line right under it, both where the page's
    text begins."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=size) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        bar = kiosk_app.screen.query_one(StepBar)
        intro = kiosk_app.screen.query_one("#intro")
        assert bar.region.y == 1 and bar_on_screen(kiosk_app)
        assert intro.region.y == bar.region.y + 1
        assert bar.content_region.x == intro.region.x


async def test_the_priority_link_and_the_bar_stay_in_sight_after_a_long_query(kiosk_app, env, people):
    """120x40: the two rows the bar takes above the page are not taken from 切换至优先预约 (over the
    ranking and the list after a long 查询: test_booking_priority)."""
    from tests.ui.test_booking_wizard import query, to_sessions

    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await query(pilot, "2026-12-04", "2026-12-17")
        link = kiosk_app.screen.query_one("#to-priority")
        assert wholly_on_view(kiosk_app, link) and wholly_on_view(kiosk_app, kiosk_app.screen.query_one("#sessions"))
        assert bar_on_screen(kiosk_app)
