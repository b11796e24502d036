"""Pilot: 为群众办理 shows the plate number a citizen chose (新车选号) in their file, with its car and
day, at 120x40 and 80x24; a citizen who chose none has no such line."""
from __future__ import annotations

import pytest

from kiosk.services.demo_newcars import DEMO_VIN
from tests.booking_helpers import account_id
from tests.integration.test_counter_plate_choices import choose_new_car_number
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.conftest import set_input
from tests.ui.counter_helpers import look_up, press


def summary(app) -> str:  # type: ignore[no-untyped-def]
    return "".join(str(app.screen.query_one("#citizen-summary").render()).split())


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_file_shows_the_number_chosen(env, people, size):
    number = choose_new_car_number(env, account_id(env, people["points_study"]))  # 宋佳
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, people["points_study"].id_number, "本人到窗口办理业务")
        assert f"选定号牌：{number}新车选号车辆识别代号{DEMO_VIN}选号日期2026-12-01" in summary(app)
        set_input(app, "id_number", people["driver_normal"].id_number)  # 刘洋: chose none
        await press(pilot, "lookup")
        assert people["driver_normal"].name in summary(app) and "选定号牌" not in summary(app)
