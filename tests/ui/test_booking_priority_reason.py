"""Pilot: the reason beside 切换至优先预约 begins on the button's caption line (README tester at
120x40: it began beside the button's top edge, and its first line read as cut off); at 80x24,
where a button is one line tall, on that line."""
from __future__ import annotations

import pytest

from tests.ui.conftest import settle
from tests.ui.test_booking_wizard import to_sessions


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_reason_begins_beside_the_caption(kiosk_app, env, people, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await settle(pilot)
        button, why = (kiosk_app.screen.query_one(f"#{name}") for name in ("to-priority", "priority-why"))
        assert "不足6个月" in str(why.render())
        caption = button.region.y + (1 if button.region.height == 3 else 0)
        assert why.region.y == caption, (button.region, why.region)
