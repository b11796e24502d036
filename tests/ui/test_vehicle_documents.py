"""Pilot: 补换领行驶证, 补换领机动车号牌 and 补领检验合格标志 through the generic flow."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import Application
from kiosk.ui.screens.flow import ApplicationFlowScreen
from tests.ui.conftest import (choose_option, field_error, press_in_view, screen_error, screen_text, set_input, settle, sign_in)


async def _open(pilot, env, person, service: str) -> None:
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click(f"#menu-{service}")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ApplicationFlowScreen)


def choice_error(app, field: str) -> str:
    return str(app.screen.query_one(f"#error-{field}").render())


def shown(app, field: str) -> bool:
    return bool(app.screen.query_one(f"#box-{field}, #field-{field}").display)


def _chosen(app, field: str) -> str:
    pressed = app.screen.query_one(f"#choice-{field}").pressed_button
    return pressed.name if pressed else ""


async def test_licence_reissue_collected_at_a_counter(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "vehicle_licence_reissue")
        text = screen_text(kiosk_app)
        assert "渝A12345" in text and "1个工作日内制作完成" in text
        assert shown(kiosk_app, "address") and not shown(kiosk_app, "office") and not shown(kiosk_app, "reason_note")
        set_input(kiosk_app, "address", "重庆市渝北区新南路1号")
        await press_in_view(pilot, "next")  # no reason chosen: said next to the reasons
        assert "请选择申请原因" in choice_error(kiosk_app, "reason")
        await choose_option(pilot, "reason", "损毁")
        await choose_option(pilot, "delivery", "窗口领取")
        assert shown(kiosk_app, "office") and not shown(kiosk_app, "address")
        office = next(b for b in kiosk_app.screen.query("#choice-office RadioButton") if "渝北车管所" in str(b.label))
        await choose_option(pilot, "office", office.name)
        await press_in_view(pilot, "next")
        text = screen_text(kiosk_app)
        assert "领取网点：渝北车管所" in text and "最迟2026-12-02制作完成" in text and "申请原因：损毁" in text
        await press_in_view(pilot, "prev")  # back: everything chosen and typed is still there
        assert _chosen(kiosk_app, "reason") == "损毁" and _chosen(kiosk_app, "office") == office.name
        assert kiosk_app.screen.query_one("#input-address").value == "重庆市渝北区新南路1号"
        await press_in_view(pilot, "next")
        await press_in_view(pilot, "submit")
        text = screen_text(kiosk_app)
        assert "业务流水号" in text and "受理中" in text and "最迟于2026-12-02制作完成" in text
        assert "办结后将再次通知您" in text and "办理结果已发送" not in text  # not finished yet
        lines = "".join(line.strip() for line in text.splitlines())
        assert "领取。受理情况已发送" in lines  # 说明 a sentence, as the SMS says it (tester: no 。)
    with env.db.read() as s:
        app = s.scalars(select(Application).where(Application.kind == "vehicle_licence_reissue")).one()
        assert app.payload["office"] == "渝北车管所" and app.status == "受理中"


async def test_plate_reissue_by_mail_for_the_second_vehicle(kiosk_app, env, people):
    p = people["two_cars"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "plate_reissue")
        assert "号牌号码不变" in screen_text(kiosk_app)
        await choose_option(pilot, "plate", "渝AD12345")
        await choose_option(pilot, "plates", "后号牌")
        await choose_option(pilot, "reason", "其他")
        assert shown(kiosk_app, "reason_note")
        await press_in_view(pilot, "next")  # 其他 without saying what happened
        assert "请输入具体原因" in field_error(kiosk_app, "reason_note")
        set_input(kiosk_app, "reason_note", "号牌被盗")
        set_input(kiosk_app, "address", "重庆")
        await press_in_view(pilot, "next")
        assert "邮寄地址过短" in field_error(kiosk_app, "address")
        set_input(kiosk_app, "address", "重庆市江北区观音桥步行街8号")
        await press_in_view(pilot, "next")
        text = screen_text(kiosk_app)
        assert "后号牌（号牌号码不变）" in text and "其他（号牌被盗）" in text and "15个工作日内" in text
        await press_in_view(pilot, "submit")
        text = screen_text(kiosk_app)
        assert "受理中" in text and "渝AD12345的后号牌最迟于2026-12-22制作完成" in text
        assert "邮寄至重庆市江北区观音桥步行街8号" in text


async def test_inspection_mark_refused_then_given_for_the_other_vehicle(kiosk_app, env, people):
    p = people["two_cars"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "inspection_mark_reissue")
        await choose_option(pilot, "plate", "渝AD12345")
        text = screen_text(kiosk_app)  # the intro tells about the chosen vehicle, and that it may not
        assert "交强险有效期至2026-11-21" in text and "渝AD12345不能补领检验合格标志" in text
        await press_in_view(pilot, "next")
        error = choice_error(kiosk_app, "plate")
        assert "不能补领" in error and "交强险已于2026-11-21到期" in error and "续保" in error
        assert kiosk_app.screen.query_one("#step-form").display  # still on the form
        await choose_option(pilot, "plate", "渝A8D2Q7")
        assert choice_error(kiosk_app, "plate") == ""  # that refusal was of the other vehicle
        await press_in_view(pilot, "next")
        assert "号牌号码：渝A8D2Q7" in screen_text(kiosk_app)
        await press_in_view(pilot, "submit")
        assert "受理中" in screen_text(kiosk_app)


@pytest.mark.parametrize("person, words", [("violation", "渝B5K821不能补领检验合格标志：该车有2起交通违法未处理"),
                                           ("truck_driver", "苏G52731不能补领检验合格标志：该车检验有效期已于")])
async def test_inspection_mark_refused_before_the_form(kiosk_app, env, people, person, words):
    """赵磊 (violations) and 马超 (inspection overdue): their only car may not have one, so no form."""
    p = people[person]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, p, "inspection_mark_reissue")
        assert words in screen_error(kiosk_app).replace("\n", "")
        assert not kiosk_app.screen.query_one("#next").display
        assert not kiosk_app.screen.query("#fields RadioSet")
    with env.db.read() as s:
        assert s.scalars(select(Application).where(Application.kind == "inspection_mark_reissue")).first() is None


async def test_my_vehicles_shows_unhandled_violations(kiosk_app, env, people):
    p = people["violation"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-my_vehicles")
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "未处理违法" in text and "2起" in text and "渝B5K821" in text


async def test_switching_vehicle_keeps_a_typed_address(kiosk_app, env, people):
    from kiosk.db.models import Vehicle

    jiangbei = "重庆市江北区观音桥步行街8号"
    with env.db.write() as s:  # 周杰's second car is registered at another address
        s.scalars(select(Vehicle).where(Vehicle.plate == "渝AD12345")).one().address = jiangbei
    p = people["two_cars"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "vehicle_licence_reissue")
        address = kiosk_app.screen.query_one("#input-address")
        home = address.value
        assert _chosen(kiosk_app, "plate") == "渝A8D2Q7" and home != jiangbei
        await choose_option(pilot, "plate", "渝AD12345")  # untouched: it follows the vehicle
        assert address.value == jiangbei
        await choose_option(pilot, "plate", "渝A8D2Q7")
        assert address.value == home
        set_input(kiosk_app, "address", "重庆市沙坪坝区三峡广场1号")  # typed by the citizen
        await choose_option(pilot, "plate", "渝AD12345")
        assert address.value == "重庆市沙坪坝区三峡广场1号"  # kept, not overwritten
        await choose_option(pilot, "plate", "渝A8D2Q7")
        assert address.value == "重庆市沙坪坝区三峡广场1号"
        set_input(kiosk_app, "address", home)  # typed back to the vehicle's own: follows again
        await choose_option(pilot, "plate", "渝AD12345")
        assert address.value == jiangbei


def test_vehicles_of_flags_past_dates(env, people) -> None:
    from kiosk.services import profile

    cars = {v.plate: v for v in profile.vehicles_of(env, _account(env, people["two_cars"]))}
    assert cars["渝AD12345"].insurance_text == "2026-11-21（已过期）" and cars["渝AD12345"].insurance_expired
    assert not cars["渝AD12345"].inspection_overdue and "已过期" not in cars["渝AD12345"].inspection_text
    assert "已过期" not in cars["渝A8D2Q7"].insurance_text + cars["渝A8D2Q7"].inspection_text


@pytest.mark.parametrize("person, plate, words", [("two_cars", "渝AD12345", "交强险已过期"),
                                                  ("truck_driver", "苏G52731", "检验有效期已过")])
async def test_my_vehicles_flags_an_expired_insurance_and_an_overdue_inspection(kiosk_app, env, people, person,
                                                                                 plate, words):
    p = people[person]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-my_vehicles")
        await settle(pilot)
        assert f"{plate}{words}" in screen_text(kiosk_app)
        table = kiosk_app.screen.query_one("DataTable")
        cells = [str(c) for row in range(table.row_count) for c in table.get_row_at(row)]
        assert sum("（已过期）" in c for c in cells) == 1


def _account(env, person) -> int:  # type: ignore[no-untyped-def]
    from kiosk.db.models import Account

    with env.db.read() as s:
        return s.scalars(select(Account.id).where(Account.id_number == person.id_number)).one()
