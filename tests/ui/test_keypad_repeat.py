"""Pilot: every tap on the number pad types, however quick. Textual's Button ignores a click while
it shows its press effect (0.2 s): 8 tapped twice within 0.2 s typed 8 once, and the demo IDs are
full of pairs (88, 00, 11: tester)."""
from __future__ import annotations

import asyncio

import pytest
from textual.widgets import Input

from tests.ui.conftest import driver_tap, settle


async def _open(pilot, which: str) -> Input:  # type: ignore[no-untyped-def]
    await pilot.click(f"#{which}")
    await settle(pilot)
    field = pilot.app.screen.query_one("#input-id_number", Input)
    field.focus()
    await asyncio.sleep(0.6)  # taps on a screen just opened are dropped (kiosk.ui.pointer)
    return field


async def _taps(pilot, keys: str, gap: float = 0.1) -> None:  # type: ignore[no-untyped-def]
    """Taps on the pad's keys (``<``: 删除), ``gap`` seconds apart, as the terminal sends them."""
    for key in keys:
        x, y = pilot.app.screen.query_one(f"#key-{'del' if key == '<' else key}").region.center
        driver_tap(pilot.app, x, y)
        await asyncio.sleep(gap)
    await settle(pilot)


@pytest.mark.parametrize("which", ["sign-in", "register"])
async def test_a_digit_tapped_twice_quickly_types_twice(kiosk_app, which):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        field = await _open(pilot, which)
        await _taps(pilot, "88000")
        assert field.value == "88000"
        await _taps(pilot, "<<")
        assert field.value == "880"
