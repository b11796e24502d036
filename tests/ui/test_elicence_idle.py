"""Pilot: the idle countdown never covers an e-licence QR code (tester: at 80x24 the banner across
the top of 放大二维码 hid the code's top rows for the last seconds, so it could not be scanned; at
120x40 it covered part of the quiet zone). The countdown still shows, and the session still ends."""
from __future__ import annotations

import time

import pytest
from textual.geometry import Region

from kiosk.ui.screens.elicence import FullCodeScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from kiosk.ui.widgets.idle import IdleBanner
from kiosk.ui.widgets.qr import QrView
from tests.ui.conftest import screen_text, settle
from tests.ui.elicence_helpers import black_on_white_runs, decode_both, open_card, qr_text_lines


async def _countdown(pilot, seconds_left: int = 9) -> IdleBanner:  # type: ignore[no-untyped-def]
    app = pilot.app
    app._last_activity = time.monotonic() - (app.settings.idle_limit - seconds_left)
    await app._idle_tick()
    await pilot.pause()
    await pilot.pause()
    banners = list(app.screen.query(IdleBanner))
    assert len(banners) == 1
    return banners[0]


def _code_region(view: QrView) -> Region:
    """Where the view draws its code, quiet zone included (QrView.render centres it)."""
    qr = view.shown
    assert qr is not None
    box = view.content_region
    return Region(box.x + (box.width - qr.columns) // 2, box.y + (box.height - qr.rows) // 2, qr.columns, qr.rows)


def _assert_code_whole(app, banner: IdleBanner) -> None:  # type: ignore[no-untyped-def]
    view = app.screen.query_one(QrView)
    assert view.shown is not None
    assert not banner.region.overlaps(_code_region(view)), (banner.region, _code_region(view))
    assert not banner.region.overlaps(view.region)  # nor where a larger code would be drawn
    assert len(black_on_white_runs(app)) == view.shown.rows  # every line of the code, quiet zone too
    zx, zb = decode_both(qr_text_lines(app))
    assert zx == zb == [view.shown_text]


@pytest.mark.parametrize("size", [(80, 24), (60, 24), (200, 60)])
async def test_the_countdown_does_not_cover_the_enlarged_code(kiosk_app, env, people, size) -> None:
    async with kiosk_app.run_test(size=size) as pilot:
        card = await open_card(pilot, env, people["driver_normal"])
        card.query_one("#card-zoom").press()
        await settle(pilot)
        assert isinstance(kiosk_app.screen, FullCodeScreen)
        banner = await _countdown(pilot)
        text = screen_text(kiosk_app)
        assert "9秒后" in text and "按任意键继续" in text  # said, in the caption's line
        assert banner.region.height == 1 and banner.region.bottom == size[1]
        assert "剩余" not in text  # the caption is under it, not half of each
        _assert_code_whole(kiosk_app, banner)


async def test_the_countdown_does_not_cover_the_code_beside_the_card(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_card(pilot, env, people["driver_normal"])
        banner = await _countdown(pilot)
        lines = [line.strip() for line in screen_text(kiosk_app).splitlines()]
        assert "长时间无操作，9秒后将退出并返回首页。" in lines and "触摸屏幕或按任意键继续办理。" in lines  # a sentence a line
        _assert_code_whole(kiosk_app, banner)


async def test_at_80x24_the_card_without_a_code_shows_the_countdown(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await open_card(pilot, env, people["driver_normal"])
        await _countdown(pilot)
        assert "9秒后" in screen_text(kiosk_app)


async def test_a_citizen_who_walks_away_from_the_code_is_still_signed_out(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, env, people["driver_normal"])
        card.query_one("#card-zoom").press()
        await settle(pilot)
        await _countdown(pilot)
        await pilot.press("x")  # a key takes the countdown away, and the code stays
        await pilot.pause()
        assert not kiosk_app.screen.query(IdleBanner) and isinstance(kiosk_app.screen, FullCodeScreen)
        assert "剩余" in screen_text(kiosk_app)
        kiosk_app._last_activity = time.monotonic() - kiosk_app.settings.idle_limit - 1
        await kiosk_app._idle_tick()
        await settle(pilot)
        assert isinstance(kiosk_app.screen, WelcomeScreen) and kiosk_app.citizen is None
