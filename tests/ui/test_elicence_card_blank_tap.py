"""出示电子驾驶证 (tester): a tap on an empty cell of the card focused the card's page, an orange bar
went down its left edge over the photo, 放大二维码 and 返回 lost their highlight and Enter did nothing
until Tab. The card's page is a Page (kiosk.ui.widgets.page), a Tab stop only while it does not fit,
as the other citizen pages: a blank tap on it is ignored there."""
from __future__ import annotations

import pytest
from textual.containers import ScrollableContainer

from kiosk.ui.screens.elicence import FullCodeScreen
from tests.ui.conftest import settle
from tests.ui.elicence_helpers import open_card


@pytest.mark.parametrize("size, blank", [((80, 24), (39, 22)), ((100, 30), (19, 27))])
async def test_a_blank_tap_on_the_card_leaves_the_focus_where_it_was(kiosk_app, env, people, size, blank) -> None:
    async with kiosk_app.run_test(size=size) as pilot:
        card = await open_card(pilot, env, people["driver_normal"])
        button = kiosk_app.focused  # 放大二维码 at 80x24; 返回 at 100x30, where the card draws the code
        assert button is card.query_one("#card-zoom" if size == (80, 24) else "#back")
        widget, _ = card.get_widget_at(*blank)
        assert not widget.focusable  # an empty cell: nothing there to press
        await pilot.click(offset=blank)
        await settle(pilot)
        assert kiosk_app.focused is button
        assert not any(c.has_focus for c in card.query(ScrollableContainer))  # no bar down the left edge
        await pilot.press("enter")  # presses it
        await settle(pilot)
        assert isinstance(kiosk_app.screen, FullCodeScreen) if size == (80, 24) else kiosk_app.screen is not card
