"""Pilot: a 业务中心 button opens a screen titled as the button says (the tester: 驾驶证信息 opened a
screen titled 我的驾驶证, the name of its group, 【我的驾驶证】 in the seeds)."""
from __future__ import annotations

import pytest
from textual.widgets import Button

from kiosk.ui.menu import ENTRIES
from kiosk.ui.widgets.header import KioskHeader
from tests.ui.conftest import settle, sign_in

SCREENS = [e for e in ENTRIES if e.screen is not None]


@pytest.mark.parametrize("who", ["driver_normal", "k3_ready"])
async def test_each_screen_of_the_menu_is_titled_as_its_button(kiosk_app, env, people, who):
    p = people[who]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = kiosk_app.screen
        for entry in SCREENS:
            home.query_one(f"#menu-{entry.key}", Button).press()
            await settle(pilot)
            assert kiosk_app.screen is not home, entry.key
            assert kiosk_app.screen.query_one(KioskHeader).page_title == entry.label, entry.key
            while kiosk_app.screen is not home:
                kiosk_app.pop_screen()
                await settle(pilot)
