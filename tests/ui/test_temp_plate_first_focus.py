"""Pilot: where 申请新车临时号牌 (宋佳, a new car) opens its focus. Opened by a tap beside the number
pad, the focus was in 车辆识别代号 (letters the pad has not), while the pad typed into 有效天数
(tester). A touch user now starts on the first empty field of digits in view, or on none, as here
(有效天数 is filled in): the pad's first tap goes into 有效天数 as with nothing focused. Opened by
Enter (a keyboard), the form still starts on its first field, 车辆识别代号."""
from __future__ import annotations

import asyncio

from kiosk.ui.screens.flow import ApplicationFlowScreen
from tests.ui.conftest import driver_tap, settle, sign_in

OPENED = 0.6  # seconds: longer than the taps dropped after a screen opens (kiosk.ui.pointer)


async def _opened(pilot, env, person, tapped: bool) -> ApplicationFlowScreen:  # type: ignore[no-untyped-def]
    app = pilot.app
    await sign_in(pilot, env, person.id_number, person.phone)
    tile = app.screen.query_one("#menu-temp_plate")
    if tapped:
        await asyncio.sleep(OPENED)
        driver_tap(app, tile.region.x + 2, tile.region.y)
    else:
        tile.focus()
        await settle(pilot)
        await pilot.press("enter")
    for _ in range(50):
        await settle(pilot)
        screen = app.screen
        if isinstance(screen, ApplicationFlowScreen) and screen.query_one("#fields").display:
            await pilot.pause(0.1)
            return screen
    raise AssertionError("the form did not open")


async def test_a_tap_opens_it_with_no_field_focused_and_the_pad_types_the_days(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _opened(pilot, env, people["points_study"], tapped=True)
        assert kiosk_app.focused is None  # was 车辆识别代号
        await pilot.click("#key-1")
        await settle(pilot)
        days = screen.query_one("#input-days")
        assert days.value == "1" and kiosk_app.focused is days and screen.query_one("#input-vin").value == ""


async def test_enter_opens_it_in_the_first_field(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _opened(pilot, env, people["points_study"], tapped=False)
        assert kiosk_app.focused is screen.query_one("#input-vin")
