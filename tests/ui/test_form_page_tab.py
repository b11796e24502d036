"""Pilot: a long form (补换领机动车号牌 with 窗口领取 and its long office list) scrolls, but its page is
no Tab stop: Tab after 下一步 went to the page itself (an orange bar down the left edge, Enter did
nothing). Focusing a field brings it into view; the page is a Tab stop only on a step without fields."""
from __future__ import annotations

import pytest

from kiosk.ui.widgets.page import Page
from tests.ui.conftest import choose_option, settle
from tests.ui.test_vehicle_documents import _open


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_tab_after_next_goes_to_a_field_not_to_the_page(kiosk_app, env, people, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await _open(pilot, env, people["driver_normal"], "plate_reissue")
        await choose_option(pilot, "delivery", "窗口领取")
        page = kiosk_app.screen.query_one(Page)
        assert page.max_scroll_y > 0  # the form is longer than the page
        kiosk_app.screen.query_one("#next").focus()
        await settle(pilot)
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            await settle(pilot)
            seen.append(kiosk_app.screen.focused)
        assert page not in seen, seen
