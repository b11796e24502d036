"""Pilot: 免检车申领检验标志 from the 业务中心 (机动车业务) to 网办进度, and a car that may not."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models import Application
from kiosk.ui.screens.flow import ApplicationFlowScreen
from kiosk.ui.screens.my_vehicles import MyVehiclesScreen
from kiosk.ui.screens.records import ProgressScreen
from tests.ui.conftest import press_in_view, screen_error, screen_text, sign_in


async def test_a_car_in_its_4th_year_applies_and_sees_it_in_progress(kiosk_app, env, people):
    p = people["driver_normal"]  # 刘洋: 渝A12345, first registered 2023-01-19
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        button = kiosk_app.screen.query_one("#menu-exempt_inspection_mark")
        assert str(button.label) == "免检车申领检验标志"
        await press_in_view(pilot, "menu-exempt_inspection_mark")
        assert isinstance(kiosk_app.screen, ApplicationFlowScreen)
        text = screen_text(kiosk_app)
        assert "免予上线检验" in text and "初次登记日期2023-01-19（注册登记第4年）" in text
        await press_in_view(pilot, "next")  # 邮寄 to the registered address, as the form opens
        text = screen_text(kiosk_app)
        assert "号牌号码：渝A12345" in text and "领取方式：邮寄" in text and "最迟2026-12-02制作完成" in text
        await press_in_view(pilot, "submit")
        text = screen_text(kiosk_app)
        assert "业务流水号" in text and "受理中" in text and "检验合格标志最迟于2026-12-02制作完成" in text
        with env.db.read() as s:
            serial = s.scalars(select(Application.serial_no).where(
                Application.kind == "exempt_inspection_mark")).one()
        await press_in_view(pilot, "to-progress")
        assert isinstance(kiosk_app.screen, ProgressScreen)
        text = screen_text(kiosk_app)
        assert "免检车申领检验标志" in text and serial in text and "受理中" in text


async def test_a_car_out_of_its_years_is_told_what_to_do_before_the_form(kiosk_app, env, people):
    p = people["points_study"]  # 宋佳: 渝A6P318 in its 6th year: inspected at a station
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-exempt_inspection_mark")
        error = screen_error(kiosk_app).replace("\n", "")
        assert "该车为注册登记第6年，免检车第6年、第10年须上线检验，不能申领检验标志，请到机动车检验机构进行安全技术检验" in error
        assert not kiosk_app.screen.query_one("#next").display


async def test_my_vehicles_shows_the_registration_date_and_use_nature(kiosk_app, env, people):
    p = people["truck_driver"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-my_vehicles")
        assert isinstance(kiosk_app.screen, MyVehiclesScreen)
        assert "初次登记日期：2018-11-11  使用性质：营运" in screen_text(kiosk_app)
