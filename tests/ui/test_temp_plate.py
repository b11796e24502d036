"""Pilot: 申请新车临时号牌 from the 业务中心 (机动车业务) to 办理结果 and 网办进度, the number shown;
a wrong VIN and too many days told next to their fields; someone without a new car told before the form."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models_newcars import TemporaryPlate
from kiosk.services.demo_newcars import DEMO_VIN
from kiosk.ui.screens.flow import ApplicationFlowScreen
from kiosk.ui.screens.records import ProgressScreen
from tests.ui.conftest import field_error, press_in_view, screen_error, screen_text, set_input, settle, sign_in


async def test_a_new_car_gets_its_temporary_plate_and_sees_it_in_progress(kiosk_app, env, people):
    p = people["points_study"]  # 宋佳: a new 大众牌 朗逸, 交强险 to 2027-11-27
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        assert str(kiosk_app.screen.query_one("#menu-temp_plate").label) == "申请新车临时号牌"
        await press_in_view(pilot, "menu-temp_plate")
        assert isinstance(kiosk_app.screen, ApplicationFlowScreen)
        assert "车辆识别代号后6位184356" in screen_text(kiosk_app)
        set_input(kiosk_app, "vin", "LSVAU2185T2184356")  # one character off
        set_input(kiosk_app, "days", "31")
        await press_in_view(pilot, "next")
        assert field_error(kiosk_app, "vin") == "车辆识别代号校验位（第9位）不符，请对照合格证核对"
        assert field_error(kiosk_app, "days") == "有效天数为1-30天"
        set_input(kiosk_app, "vin", DEMO_VIN.lower())
        set_input(kiosk_app, "days", "15")
        await press_in_view(pilot, "next")
        text = screen_text(kiosk_app)
        assert "车辆识别代号：LSVAU2184T2184356" in text and "有效期：2026-12-01至2026-12-15（15天）" in text
        await press_in_view(pilot, "submit")
        with env.db.read() as s:
            number = s.scalars(select(TemporaryPlate.number)).one()
        text = screen_text(kiosk_app)
        assert "已办结" in text and f"已核发临时号牌{number}" in text
        await press_in_view(pilot, "to-progress")
        assert isinstance(kiosk_app.screen, ProgressScreen)
        text = screen_text(kiosk_app)
        assert "申请新车临时号牌" in text and "已办结" in text and number in text


async def test_without_a_new_car_it_is_said_before_the_form(kiosk_app, env, people):
    p = people["driver_normal"]  # 刘洋: a registered car only
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-temp_plate")
        assert screen_error(kiosk_app).replace("\n", "").startswith("您名下没有未注册登记的新车")
        assert not kiosk_app.screen.query_one("#next").display


async def test_enter_in_the_days_says_every_wrong_field_at_once(kiosk_app, env, people):
    """80x24 (tester): a good VIN, 起始日期 a day past the 7 days ahead and 有效天数 31, Enter in 有效天数
    said only 有效天数为1-30天; the date's 起始日期最晚为... came only at the next 下一步. Both are said in
    one go, each under its field, as 下一步 says them; the focus stays in 有效天数 (what is typed next
    corrects it, as the last field's rule has it); 下一步 pressed then puts it on 起始日期, the first."""
    p = people["points_study"]  # 宋佳; the clock: 2026-12-01
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-temp_plate")
        set_input(kiosk_app, "vin", DEMO_VIN)
        set_input(kiosk_app, "start", "2026-12-09")
        set_input(kiosk_app, "days", "")
        kiosk_app.screen.query_one("#input-days").focus()
        await pilot.press("3", "1", "enter")
        await settle(pilot)
        assert field_error(kiosk_app, "days") == "有效天数为1-30天"
        assert field_error(kiosk_app, "start") == "起始日期最晚为2026-12-08（7天内）"
        assert field_error(kiosk_app, "vin") == ""
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-days")
        assert isinstance(kiosk_app.screen, ApplicationFlowScreen) and kiosk_app.screen.query_one("#step-form").display
        await press_in_view(pilot, "next")
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-start")
        assert field_error(kiosk_app, "days") == "有效天数为1-30天"
