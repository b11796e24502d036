"""放大二维码 with the terminal then made too small for any code (tester): the caption went on with
剩余N秒自动刷新 under no code. It says the window is too small instead, and counts down again once
the code is back on view; the code area says nothing of its own (the caption says it once)."""
from __future__ import annotations

from kiosk.ui.screens.elicence import CardScreen, FullCodeScreen
from kiosk.ui.widgets.qr import NO_ROOM, QrView
from tests.ui.conftest import screen_text, settle
from tests.ui.elicence_helpers import open_card, qr_text_lines


def _caption(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#full-caption").render())


async def test_the_full_view_shrunk_says_too_small_not_a_countdown(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, env, people["driver_normal"])
        card.query_one("#card-zoom").press()
        await settle(pilot)
        assert isinstance(kiosk_app.screen, FullCodeScreen)
        assert kiosk_app.screen.query_one(QrView).shown is not None and "剩余" in _caption(kiosk_app)
        await pilot.resize_terminal(60, 20)  # too small for the compact code (45x23 cells + 1)
        await settle(pilot)
        screen = kiosk_app.screen
        assert screen.query_one(QrView).shown is None
        assert _caption(kiosk_app).startswith(NO_ROOM) and "剩余" not in _caption(kiosk_app)
        screen.tick()  # a second on: still no countdown
        await settle(pilot)
        assert "剩余" not in _caption(kiosk_app) and screen_text(kiosk_app).count(NO_ROOM) == 1
        assert "".join(line.strip() for line in qr_text_lines(kiosk_app)) == ""
        await pilot.resize_terminal(80, 24)  # the code back: its countdown too
        await settle(pilot)
        assert screen.query_one(QrView).shown is not None
        assert "剩余" in _caption(kiosk_app) and NO_ROOM not in _caption(kiosk_app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, CardScreen)
