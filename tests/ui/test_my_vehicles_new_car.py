"""Pilot: 我的机动车 lists the citizen's new vehicle not yet registered (宋佳's 大众牌 朗逸) as
新车（未注册登记）, with its temporary plate and chosen number, which were shown only in 网办进度
and the counter's file before; the VIN only by its last 6 characters."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select
from textual.widgets import DataTable

from kiosk.db.models_newcars import NewVehicle, PlateSelection, TemporaryPlate
from kiosk.services.demo_newcars import DEMO_VIN
from kiosk.services.new_cars import new_cars_in
from kiosk.ui.screens.my_vehicles import MyVehiclesScreen
from tests.ui.conftest import screen_text, settle, sign_in


def _plate_and_number(env) -> None:  # type: ignore[no-untyped-def]
    today = env.clock.now().date()
    with env.db.write() as s:
        car = s.scalars(select(NewVehicle).where(NewVehicle.vin == DEMO_VIN)).one()
        s.add(TemporaryPlate(number="渝A3K7Q", new_vehicle_id=car.id, valid_from=today,
                             valid_to=today + timedelta(days=29), issued_at=env.clock.now()))
        s.add(PlateSelection(number="渝AB1234", new_vehicle_id=car.id, business="新车选号", way="随机选号",
                             chosen_at=env.clock.now()))


async def _open(pilot, env, person) -> MyVehiclesScreen:  # type: ignore[no-untyped-def]
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click("#menu-my_vehicles")
    await settle(pilot)
    assert isinstance(pilot.app.screen, MyVehiclesScreen)
    return pilot.app.screen


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_new_unregistered_car_is_listed_with_its_plates(kiosk_app, env, people, size):
    _plate_and_number(env)
    today = env.clock.now().date()
    async with kiosk_app.run_test(size=size) as pilot:
        screen = await _open(pilot, env, people["points_study"])
        table = screen.query_one(DataTable)
        assert table.row_count == 2 and table.max_scroll_x == 0  # no column cut at 80x24 either
        assert [str(c) for c in table.get_row_at(1)[:2]] == ["渝A3K7Q（临时）", "新车（未注册登记）"]
        assert "另有未注册登记的新车1辆。" in screen_text(kiosk_app)
        await pilot.press("down")
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "大众牌 朗逸  小型轿车（新车，车辆识别代号后6位184356）" in text
        assert f"临时号牌：渝A3K7Q，有效期{today:%Y-%m-%d}至{today + timedelta(days=29):%Y-%m-%d}" in text
        assert "选定号牌号码：渝AB1234（随机选号" in text
        assert "未注册登记，请到车管所办理注册登记。" in text
        assert DEMO_VIN not in text  # masked as the citizen's other screens show it


async def test_a_new_car_without_plates_says_so(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot, env, people["points_study"])
        assert [str(c) for c in screen.query_one(DataTable).get_row_at(1)[:2]] == ["未上牌", "新车（未注册登记）"]
        await pilot.press("down")
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "临时号牌：未申请" in text and "选定号牌号码：未选号" in text


def test_a_run_out_plate_is_not_the_current_one_and_a_later_one_is_not_yet_in_force(env, people):
    today = env.clock.now().date()
    with env.db.write() as s:
        car = s.scalars(select(NewVehicle).where(NewVehicle.vin == DEMO_VIN)).one()
        s.add(TemporaryPlate(number="渝A1111", new_vehicle_id=car.id, valid_from=today - timedelta(days=30),
                             valid_to=today - timedelta(days=1), issued_at=env.clock.now()))
        owner = car.owner_id
    with env.db.read() as s:
        [view] = new_cars_in(s, today, owner)
    assert view.temp_plate is None and view.temp_issued == 1 and view.last_temp_to == today - timedelta(days=1)
    with env.db.write() as s:
        s.add(TemporaryPlate(number="渝A2222", new_vehicle_id=car.id, valid_from=today + timedelta(days=2),
                             valid_to=today + timedelta(days=9), issued_at=env.clock.now()))
    with env.db.read() as s:
        [view] = new_cars_in(s, today, owner)
    assert view.temp_plate == ("渝A2222", today + timedelta(days=2), today + timedelta(days=9))
    assert not view.temp_in_force and isinstance(view.temp_plate[1], date)
