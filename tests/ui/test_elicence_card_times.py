"""出示电子驾驶证 at 80x24, where the card draws no code (放大二维码 does, with its own countdown): its
times said 二维码剩余有效时间：40秒 for a code nowhere on view (tester). Now they say to press
【放大二维码】, and count down again where the card draws its code."""
from __future__ import annotations

from kiosk.ui.screens.elicence import CardScreen
from kiosk.ui.widgets.qr import QrView
from tests.ui.conftest import screen_text, settle
from tests.ui.elicence_helpers import open_card

ZOOM_FOR_CODE = "请按【放大二维码】显示二维码"  # kiosk.ui.screens.elicence.card


async def test_the_card_without_its_code_counts_down_no_code(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        card = await open_card(pilot, env, people["driver_normal"])
        assert card.query_one(QrView).shown is None
        text = screen_text(kiosk_app)
        assert "剩余有效时间" not in text and "生成时间" not in text
        assert ZOOM_FOR_CODE in text and "当前时间" in text
        await pilot.resize_terminal(120, 40)  # the code beside the card: its countdown is back
        await settle(pilot)
        assert card.query_one(QrView).shown is not None
        text = screen_text(kiosk_app)
        assert "剩余有效时间" in text and ZOOM_FOR_CODE not in text
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert isinstance(kiosk_app.screen, CardScreen) and "剩余有效时间" not in screen_text(kiosk_app)
        await pilot.resize_terminal(70, 20)  # no code anywhere (the code area says to enlarge the window)
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "剩余有效时间" not in text and ZOOM_FOR_CODE not in text
