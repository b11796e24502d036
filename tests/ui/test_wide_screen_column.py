"""Pilot: at 160x50 a citizen's page keeps the 120 columns it has at 120x40, centred (tester: lines
of 130 cells, choice boxes across the whole width, the number pad 60 columns from the fields)."""
from __future__ import annotations

import pytest

from tests.ui.conftest import settle, sign_in


def centred_column(app, widget) -> None:
    region = widget.region
    assert region.width == 120
    assert region.x == (app.screen.region.width - 120) // 2


async def test_a_service_form_is_a_centred_column_at_160x50(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(160, 50)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_replace")
        await settle(pilot)
        page = kiosk_app.screen.query_one("Page")
        centred_column(kiosk_app, page)
        choices = kiosk_app.screen.query("RadioSet").first()  # 业务类型
        assert page.region.contains_region(choices.region)


async def test_register_keeps_its_number_pad_beside_the_fields_at_160x50(kiosk_app):
    async with kiosk_app.run_test(size=(160, 50)) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        box = kiosk_app.screen.query_one(".with-keypad")
        centred_column(kiosk_app, box)
        assert box.region.contains_region(kiosk_app.screen.query_one(".keypad-box").region)


@pytest.mark.parametrize("size", [(120, 40), (100, 30)])
async def test_at_120_and_below_the_page_takes_the_whole_width(kiosk_app, env, people, size):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=size) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_replace")
        await settle(pilot)
        page = kiosk_app.screen.query_one("Page")
        assert (page.region.x, page.region.width) == (0, size[0])
