"""Pilot: 备案非本人机动车 (刘洋 records 赵磊's 渝B5K821): bad plates and his own car told next to
the plate, a wrong VIN told at 提交, then recorded at once; 我的机动车 lists it as 非本人 with its
violations, and 解除备案 (asked first) takes it away."""
from __future__ import annotations

from textual.widgets import DataTable

from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.flow import ApplicationFlowScreen
from kiosk.ui.screens.my_vehicles import MyVehiclesScreen
from tests.ui.conftest import (choose_option, field_error, press_in_view, screen_error, screen_text, set_input, settle, sign_in)


async def test_record_see_it_as_not_own_and_remove_it(kiosk_app, env, people):
    p = people["driver_normal"]  # 刘洋
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-other_vehicle")
        assert isinstance(kiosk_app.screen, ApplicationFlowScreen)
        assert "每个账户最多备案3辆" in screen_text(kiosk_app)
        await press_in_view(pilot, "next")  # nothing chosen or typed
        assert str(kiosk_app.screen.query_one("#error-plate_kind").render()).startswith("请选择号牌种类")
        await choose_option(pilot, "plate_kind", "小型汽车")
        set_input(kiosk_app, "plate", "渝A12345")  # his own car
        set_input(kiosk_app, "vin6", "58215")
        await press_in_view(pilot, "next")
        assert field_error(kiosk_app, "plate") == "本人机动车无需备案，可在【我的机动车】中查看"
        assert field_error(kiosk_app, "vin6") == "请输入车辆识别代号后6位（6位字母或数字）"
        set_input(kiosk_app, "plate", "渝B5K821")
        set_input(kiosk_app, "vin6", "582158")  # one off
        await press_in_view(pilot, "next")
        assert "号牌号码：渝B5K821" in screen_text(kiosk_app)
        await press_in_view(pilot, "submit")
        assert "未查询到与号牌种类、号牌号码和验证信息相符的机动车" in screen_error(kiosk_app)
        await press_in_view(pilot, "prev")
        set_input(kiosk_app, "vin6", "582157")
        await press_in_view(pilot, "next")
        await press_in_view(pilot, "submit")
        text = screen_text(kiosk_app)
        assert "已办结" in text and "已备案非本人机动车渝B5K821（小型汽车）" in text
        await press_in_view(pilot, "home")
        await press_in_view(pilot, "menu-my_vehicles")
        assert isinstance(kiosk_app.screen, MyVehiclesScreen)
        text = screen_text(kiosk_app)
        assert "您名下共有1辆已登记的机动车。另备案非本人机动车1辆。" in text and "非本人" in text
        assert not kiosk_app.screen.query_one("#remove-other").display  # his own car highlighted first
        table = kiosk_app.screen.query_one(DataTable)
        table.move_cursor(row=1)
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "非本人机动车，所有人赵*" in text and "未处理的交通违法2起" in text
        await press_in_view(pilot, "remove-other")
        assert isinstance(kiosk_app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, MyVehiclesScreen)
        assert "渝B5K821" not in screen_text(kiosk_app).split("未处理的交通违法")[0]
        assert kiosk_app.screen.query_one(DataTable).row_count == 1


async def test_cross_border_plate_checked_at_80x24(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-other_vehicle")
        await choose_option(pilot, "plate_kind", "香港入出境车")
        set_input(kiosk_app, "plate", "粤ZA123澳")
        await choose_option(pilot, "proof", "机动车所有人信息")
        assert not kiosk_app.screen.query_one("#field-vin6").display
        await press_in_view(pilot, "next")
        assert field_error(kiosk_app, "plate") == "该号牌为澳门入出境车号牌，请选择对应的号牌种类"
        assert field_error(kiosk_app, "owner_name") == "请输入机动车所有人姓名（名称）"
        assert field_error(kiosk_app, "owner_id6") == "请输入所有人身份证明号码后6位（6位字母或数字）"


async def test_enter_again_after_a_mismatch_goes_back_and_counts_no_second_try(kiosk_app, env, people):
    """Tester: after 未查询到 ... 请返回上一步核对 the focus stayed on 提交, so a second Enter sent the
    same wrong VIN again (two wrong tries, 2 s apart). It is on 上一步 now: Enter goes back."""
    from sqlalchemy import func, select

    from kiosk.db.models import AuditEntry

    p = people["driver_normal"]  # 刘洋
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-other_vehicle")
        await choose_option(pilot, "plate_kind", "小型汽车")
        set_input(kiosk_app, "plate", "渝B5K821")
        set_input(kiosk_app, "vin6", "582158")  # one off
        await press_in_view(pilot, "next")
        await press_in_view(pilot, "submit")
        assert "请返回上一步核对（还可尝试4次）" in screen_error(kiosk_app)
        assert kiosk_app.screen.focused is kiosk_app.screen.query_one("#prev")
        await pilot.press("enter")
        await settle(pilot)
        assert kiosk_app.screen.query_one("#step-form").display
        with env.db.read() as s:
            assert s.scalar(select(func.count()).select_from(AuditEntry).where(
                AuditEntry.action == "other_vehicle_proof_fail")) == 1


async def test_plate_filled_with_no_input_method(kiosk_app, env, people):
    """Tester: a kiosk keyboard has no Chinese input method, so 渝 could not be typed and no plate
    could be given. The province is chosen (渝, the kiosk's own, to start with) and only the rest typed."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-other_vehicle")
        await choose_option(pilot, "plate_kind", "小型汽车")
        for key in ("enter", "b", "5", "k", "8", "2", "1"):  # Enter: on from the kind; letters as typed, lower case
            await pilot.press(key)
            await settle(pilot)
        set_input(kiosk_app, "vin6", "582157")
        await press_in_view(pilot, "next")
        assert "号牌号码：渝B5K821" in screen_text(kiosk_app)
