"""The counter's citizen file lists the plate numbers chosen for the citizen's cars (新车选号,
在用车选号): number, service, car (the new car's VIN, the registered car's plate), the day chosen;
nothing when there are none. On SQLite with the demo data (test clock 2026-12-01)."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from kiosk.db.models_newcars import NewVehicle, PlateSelection
from kiosk.services import applications, counter_citizen
from kiosk.services.counter_citizen import PlateChoiceView
from kiosk.services.demo_newcars import DEMO_VIN
from kiosk.services.env import Env
from kiosk.services.plate_new import NewCarPlate
from kiosk.services.plate_used import UsedCarPlate
from kiosk.services.staff import StaffSession
from kiosk.ui.screens.counter.citizen_summary import summary_text
from tests.booking_helpers import account_id
from tests.integration.test_plate_used import transfer_in

CLERK = StaffSession("J1001", "王警官", ("counter",))


def choose_new_car_number(env: Env, aid: int) -> str:
    """宋佳's new car: the 8th number of the random set, by 新车选号."""
    prepared = applications.prepare(env, NewCarPlate(), aid)
    number = prepared.choices["pick_0"][7][1]
    applications.submit(env, NewCarPlate(), aid, {"vin": DEMO_VIN, "way": "随机选号", "pick_0": number})
    return number


def test_the_file_lists_the_numbers_chosen_for_the_citizens_cars(env: Env, people) -> None:
    song = account_id(env, people["points_study"])  # 宋佳: a new car
    zhou = account_id(env, people["two_cars"])  # 周杰: two registered cars
    assert counter_citizen.load(env, CLERK, song).plate_choices == []
    number = choose_new_car_number(env, song)
    transfer_in(env, "渝A8D2Q7", date(2026, 11, 20))
    applications.submit(env, UsedCarPlate(), zhou, {"plate": "渝AD12345", "way": "自编自选", "own_1": "DB8888"})
    env.clock.advance(days=1)
    applications.submit(env, UsedCarPlate(), zhou, {"plate": "渝A8D2Q7", "way": "保留原号牌"})
    assert counter_citizen.load(env, CLERK, song).plate_choices == [
        PlateChoiceView(number, "新车选号", DEMO_VIN, date(2026, 12, 1))]
    assert counter_citizen.load(env, CLERK, zhou).plate_choices == [  # first chosen first
        PlateChoiceView("渝ADB8888", "在用车选号", "渝AD12345", date(2026, 12, 1)),
        PlateChoiceView("渝A8D2Q7", "在用车选号", "渝A8D2Q7", date(2026, 12, 2))]
    text = summary_text(counter_citizen.load(env, CLERK, zhou)).plain
    assert "选定号牌：渝ADB8888  在用车选号  现号牌 渝AD12345  选号日期 2026-12-01" in text
    assert "选定号牌：渝A8D2Q7  在用车选号  现号牌 渝A8D2Q7  选号日期 2026-12-02" in text
    assert f"选定号牌：{number}  新车选号  车辆识别代号 {DEMO_VIN}  选号日期 2026-12-01" in summary_text(
        counter_citizen.load(env, CLERK, song)).plain
    other = counter_citizen.load(env, CLERK, account_id(env, people["driver_normal"]))
    assert other.plate_choices == [] and "选定号牌" not in summary_text(other).plain


def test_a_selection_stays_on_the_file_once_the_new_car_is_registered(env: Env, people) -> None:
    """The selection is the citizen's record: the new car registered since still shows it, by its VIN."""
    song = account_id(env, people["points_study"])
    number = choose_new_car_number(env, song)
    with env.db.write() as s:
        car = s.scalars(select(NewVehicle).where(NewVehicle.vin == DEMO_VIN)).one()
        car.registered_at = datetime(2026, 12, 5, 10, 0)
        assert s.scalars(select(PlateSelection.number).where(PlateSelection.new_vehicle_id == car.id)).one() == number
    file = counter_citizen.load(env, CLERK, song)
    assert file.new_cars == [] and [c.number for c in file.plate_choices] == [number]
