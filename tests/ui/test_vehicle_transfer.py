"""Pilot: 机动车转籍申请 from the 业务中心 to 办理结果 and 网办进度 (周杰's 渝A8D2Q7, sold to 连云港);
wrong invoice fields and a 转入地 other than the invoice's told next to their fields; a citizen
whose only car has unhandled violations told before the form."""
from __future__ import annotations

from kiosk.ui.screens.flow import ApplicationFlowScreen
from kiosk.ui.screens.records import ProgressScreen
from tests.ui.conftest import (choose_option, field_error, press_in_view, screen_error, screen_text, set_input, sign_in)


def _error_under(app, name: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(f"#error-{name}").render())


async def test_a_sold_car_is_transferred_to_the_invoices_city(kiosk_app, env, people):
    p = people["two_cars"]  # 周杰
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        menu = [b.id for b in kiosk_app.screen.query("Button") if (b.id or "").startswith("menu-")]
        assert menu.index("menu-exempt_inspection_mark") + 1 == menu.index("menu-other_vehicle")
        assert menu.index("menu-vehicle_transfer") + 1 == menu.index("menu-temp_plate")
        await press_in_view(pilot, "menu-vehicle_transfer")
        assert isinstance(kiosk_app.screen, ApplicationFlowScreen)
        # the intro, wrapped beside the number pad (发票代码 and 发票号码 are digits: the pad is shown)
        assert "转入地必须与二手车销售统一发票一致" in str(kiosk_app.screen.query_one("#intro").render())
        assert kiosk_app.screen.query_one(".keypad-box").display
        assert not kiosk_app.screen.query_one("#box-city_32").display  # no province chosen yet
        await choose_option(pilot, "plate", "渝AD12345")  # 交强险 expired: said under it at once
        assert "渝AD12345不能申请转籍：该车交强险已于2026-11-21到期" in _error_under(kiosk_app, "plate")
        await choose_option(pilot, "plate", "渝A8D2Q7")
        await choose_option(pilot, "province", "51")
        await choose_option(pilot, "city_51", "川A")
        set_input(kiosk_app, "invoice_code", "15000240011")
        set_input(kiosk_app, "invoice_no", "00231547")
        set_input(kiosk_app, "invoice_date", "2026-11-26")
        set_input(kiosk_app, "price", "68000")
        await press_in_view(pilot, "next")
        assert field_error(kiosk_app, "invoice_code") == "发票代码应为12位数字（现为11位）"
        set_input(kiosk_app, "invoice_code", "150002400110")
        await press_in_view(pilot, "next")
        assert _error_under(kiosk_app, "city_51") == "转入地必须与二手车销售统一发票一致：该发票的转入地为江苏省连云港市"
        await choose_option(pilot, "province", "32")
        assert kiosk_app.screen.query_one("#box-city_32").display and not kiosk_app.screen.query_one("#box-city_51").display
        await choose_option(pilot, "city_32", "苏G")
        await press_in_view(pilot, "next")
        text = screen_text(kiosk_app)
        assert "转入地：江苏省连云港市（苏G）" in text and "买方：林*" in text
        await press_in_view(pilot, "submit")
        text = screen_text(kiosk_app)
        assert "受理中" in text and "渝A8D2Q7转籍至江苏省连云港市（苏G）" in text
        await press_in_view(pilot, "to-progress")
        assert isinstance(kiosk_app.screen, ProgressScreen)
        assert "机动车转籍申请" in screen_text(kiosk_app)


async def test_a_car_with_violations_is_refused_before_the_form(kiosk_app, env, people):
    p = people["violation"]  # 赵磊: 渝B5K821 with 2 unhandled violations
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-vehicle_transfer")
        assert "渝B5K821不能申请转籍：该车有2起交通违法未处理，请先处理" in screen_error(kiosk_app).replace("\n", "")
        assert not kiosk_app.screen.query_one("#next").display


async def test_a_vehicle_transferred_out_is_marked_in_my_vehicles(kiosk_app, env, people):
    from sqlalchemy import select

    from kiosk.db.models import Account
    from kiosk.services import applications, counter_applications
    from kiosk.services.catalog import SERVICES
    from kiosk.services.staff import StaffSession

    p = people["two_cars"]
    with env.db.read() as s:
        aid = s.scalars(select(Account.id).where(Account.id_number == p.id_number)).one()
    form = {"plate": "渝A8D2Q7", "province": "32", "city_32": "苏G", "invoice_code": "150002400110",
            "invoice_no": "00231547", "invoice_date": "2026-11-26", "price": "68000"}
    done = applications.submit(env, SERVICES["vehicle_transfer"], aid, form)
    counter_applications.finish(env, StaffSession("J1001", "王警官", ("counter",)), aid, done.serial_no, "已转出")
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-my_vehicles")
        text = screen_text(kiosk_app)
        assert "您名下共有1辆已登记的机动车。已转籍转出1辆。" in text and "已转出" in text
        assert "（已于2026-12-01转籍转出）" in text
