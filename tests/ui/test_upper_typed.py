"""Pilot: letters typed into a VIN or a plate number are upper case as typed, as in 号牌号码's box
(tester: 自编号牌号码 d12345, 备案非本人机动车's 车辆识别代号后6位 58215o and 申请新车临时号牌's
lsvau2184t2184357 stayed lower case in the field, while 号牌号码 read B5K821 as b5k821 was typed)."""
from __future__ import annotations

from textual.widgets import Input

from tests.ui.conftest import choose_option, press_in_view, settle, sign_in


async def _typed(pilot, name: str, text: str) -> str:  # type: ignore[no-untyped-def]
    box = pilot.app.screen.query_one(f"#input-{name}", Input)
    box.focus()
    await settle(pilot)
    for key in text:
        await pilot.press(key)
    await settle(pilot)
    return box.value


async def test_own_plate_number_is_upper_case_as_typed(kiosk_app, env, people):
    p = people["points_study"]  # 宋佳: a new 大众牌 朗逸
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-plate_new")
        await choose_option(pilot, "way", "自编自选")
        assert await _typed(pilot, "own_0", "d12345") == "D12345"


async def test_vin_tail_of_another_owners_car_is_upper_case_as_typed(kiosk_app, env, people):
    p = people["driver_normal"]  # 刘洋 records 赵磊's 渝B5K821
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-other_vehicle")
        assert await _typed(pilot, "vin6", "58215o") == "58215O"


async def test_vin_of_a_new_car_is_upper_case_as_typed(kiosk_app, env, people):
    p = people["points_study"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-temp_plate")
        assert await _typed(pilot, "vin", "lsvau2184t2184357") == "LSVAU2184T2184357"
