"""Pilot: a tap on a text field's label puts the focus in its box (tester, 备案非本人机动车: a tap on
机动车所有人姓名（名称） did nothing, and what was typed next went nowhere)."""
from __future__ import annotations

from tests.ui.conftest import settle, sign_in


async def test_a_tap_on_a_label_focuses_its_field(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        p = people["driver_normal"]
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        field = kiosk_app.screen.query_one("#field-phone")
        kiosk_app.screen.query_one("#field-address").input.focus()  # the focus elsewhere first
        await settle(pilot)
        await pilot.click("#field-phone > Label")
        await settle(pilot)
        assert kiosk_app.focused is field.input
        await pilot.press("1", "3")
        assert field.value.endswith("13")
