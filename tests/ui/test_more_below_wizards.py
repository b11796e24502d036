"""Pilot: the 下方还有内容 line (kiosk.ui.widgets.more_below) sits under the page, aligned with it, and
shows on every citizen wizard whose step is taller than its page. Before, it was docked at the
screen's bottom: at 160x50 (机动车转籍申请) it began at column 2 while the page is centred in its 120
columns, and 考试预约 and 满分学习考试 had none (选择场次 at 100x30, 满分学习考试 under an SMS, both
on a terminal shorter than 80x24: their 下一步 below the edge with nothing saying so)."""
from __future__ import annotations

import pytest

from kiosk.ui.widgets.more_below import MORE_ABOVE_TEXT, MORE_BELOW_TEXT, MoreBelow
from kiosk.ui.widgets.page import Page
from kiosk.ui.widgets.phone import PhoneBar
from tests.ui.conftest import click_in_view, screen_text, settle, sign_in
from tests.ui.test_booking_wizard import to_sessions
from tests.ui.test_phone_bar import EDUCATION, sms


def under_the_page(app) -> bool:  # type: ignore[no-untyped-def]
    """The line shown on the row right under the page, its text where the page's text begins, and
    clear of the phone bar."""
    hint, page = app.screen.query_one(MoreBelow), app.screen.query_one(Page)
    row = app.screen._compositor.render_strips()[hint.region.y].text  # noqa: SLF001
    bars = [bar.region for bar in app.screen.query(PhoneBar) if bar.display]
    return (hint.display and hint.region.y == page.region.bottom and hint.region.x == page.region.x
            and row.index(MORE_BELOW_TEXT) == page.content_region.x
            and not any(hint.region.overlaps(bar) for bar in bars))


async def gone_at_the_end(pilot) -> bool:  # type: ignore[no-untyped-def]
    """Scrolled to the end: 下方 no more; the line says 上方 (tests/ui/test_more_above.py)."""
    pilot.app.screen.query_one(Page).scroll_end(animate=False)
    await settle(pilot)
    await pilot.pause(0.2)
    text = screen_text(pilot.app)
    return pilot.app.screen.query_one(MoreBelow).upwards and MORE_BELOW_TEXT not in text and MORE_ABOVE_TEXT in text


async def test_at_160x50_the_line_is_under_the_centred_page(kiosk_app, env, people):
    p = people["driver_normal"]  # 刘洋, one car: 机动车转籍申请 runs past the bottom at 160x50
    async with kiosk_app.run_test(size=(160, 50)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await click_in_view(pilot, kiosk_app.screen.query_one("#menu-vehicle_transfer"))
        await settle(pilot)
        await pilot.pause(0.2)
        page = kiosk_app.screen.query_one(Page)
        assert page.region.x >= 20  # centred: (160 - 120) / 2
        assert under_the_page(kiosk_app)
        assert await gone_at_the_end(pilot)


@pytest.mark.parametrize("size", [(100, 30), (80, 20)])
async def test_the_booking_wizard_says_there_is_more_below(kiosk_app, env, people, size):
    """选择场次 before 查询: 预约模式, the list and 下一步 below the edge (at 80x24 the step fits; under an
    SMS at 80x20 it does not)."""
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, p, 2)
        if size == (80, 20):
            await sms(pilot, env, p.phone, EDUCATION)
        assert kiosk_app.screen.query_one(Page).has_more_below
        assert under_the_page(kiosk_app)
        assert await gone_at_the_end(pilot)


@pytest.mark.parametrize("size", [(100, 30), (80, 20)])
async def test_full_score_says_there_is_more_below(kiosk_app, env, people, size):
    """选择教育城市和教育方式 with an SMS on the phone bar (100x30), or on a short terminal."""
    p = people["full_score"]
    async with kiosk_app.run_test(size=size) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await click_in_view(pilot, kiosk_app.screen.query_one("#menu-full_score"))
        await settle(pilot)
        await sms(pilot, env, p.phone, EDUCATION)  # the bar takes rows: 下一步 goes below the edge
        assert kiosk_app.screen.query_one(Page).has_more_below
        assert under_the_page(kiosk_app)
        assert await gone_at_the_end(pilot)
