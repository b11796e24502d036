"""A unit account (单位用户) reads 本单位名下 where a person reads 您名下, on every vehicle service
a unit can open (tester: 申请新车临时号牌 said 您名下没有未注册登记的新车 to 重庆山城物流有限公司)."""
from __future__ import annotations

import pytest
from sqlalchemy import select, update

from kiosk.db.models import Vehicle
from kiosk.db.models_newcars import NewVehicle
from kiosk.domain.errors import DomainError
from kiosk.domain.temp_plate import with_check_char
from kiosk.services import applications
from kiosk.services.catalog import SERVICES
from kiosk.services.demo_newcars import DEMO_VIN
from kiosk.services.env import Env
from tests.booking_helpers import account_id

TEMP = SERVICES["temp_plate"]


def test_a_unit_without_a_new_car_is_told_in_its_words(env: Env, people) -> None:
    with pytest.raises(DomainError) as exc:
        applications.prepare(env, TEMP, account_id(env, people["unit"]))
    assert exc.value.message == ("本单位名下没有未注册登记的新车（须有机动车整车出厂合格证和购车发票信息），"
                                 "无法办理此业务")


def test_a_units_new_car_is_listed_and_a_wrong_vin_refused_in_its_words(env: Env, people) -> None:
    unit = account_id(env, people["unit"])
    with env.db.write() as s:
        s.execute(update(NewVehicle).where(NewVehicle.vin == DEMO_VIN).values(owner_id=unit))
    prepared = applications.prepare(env, TEMP, unit)
    assert "本单位名下未注册的新车：" in prepared.intro and "您名下" not in prepared.intro
    with pytest.raises(DomainError) as wrong:
        applications.check(TEMP, {"vin": with_check_char("LFV2A21K", "J3000004"), "start": "2026-12-05",
                                  "days": "5"}, prepared)
    assert wrong.value.message.startswith("未查询到本单位名下该车辆识别代号的未注册新车")


@pytest.mark.parametrize("kind", ["vehicle_contact", "vehicle_licence_reissue", "plate_reissue",
                                  "inspection_mark_reissue", "exempt_inspection_mark", "vehicle_transfer"])
def test_a_unit_without_a_vehicle_is_told_in_its_words(env: Env, people, kind: str) -> None:
    unit, other = account_id(env, people["unit"]), account_id(env, people["driver_normal"])
    with env.db.write() as s:
        s.execute(update(Vehicle).where(Vehicle.owner_id == unit).values(owner_id=other))
        assert s.scalar(select(Vehicle.id).where(Vehicle.owner_id == unit)) is None
    with pytest.raises(DomainError) as refused:
        applications.prepare(env, SERVICES[kind], unit)
    assert refused.value.message == "本单位名下没有已登记的机动车，无法办理此业务"
