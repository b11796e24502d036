"""新车选号 through the generic application flow, on SQLite with the demo data (test clock
2026-12-01): 宋佳's new 大众牌 朗逸 (小型汽车, LSVAU2184T2184356); other new cars made here."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from kiosk.db.models import Application, Message
from kiosk.db.models_newcars import NewVehicle, PlateSelection
from kiosk.domain.errors import DomainError, FieldErrors
from kiosk.domain.temp_plate import with_check_char
from kiosk.services import applications
from kiosk.services.catalog import SERVICES
from kiosk.services.demo_newcars import DEMO_VIN
from kiosk.services.env import Env
from kiosk.services.plate_new import NewCarPlate
from tests.booking_helpers import account_id
from tests.conftest import problems_of

NEW = NewCarPlate()
EV_VIN = with_check_char("LGXCE4CB", "P0123456")


def add_new_car(env: Env, owner: int, vin: str, kind: str, fuel: str = "汽油") -> None:
    with env.db.write() as s:
        s.add(NewVehicle(owner_id=owner, vin=vin, vehicle_type="小型轿车", brand="比亚迪牌", model="海豹",
                         invoice_date=date(2026, 11, 30), insurance_due=date(2027, 11, 29), plate_prefix="渝A",
                         plate_kind=kind, fuel=fuel))


def test_a_random_number_is_kept_and_told_in_progress_inbox_and_sms(env: Env, people) -> None:
    aid = account_id(env, people["points_study"])  # 宋佳
    assert SERVICES["plate_new"].title == "新车选号"
    prepared = applications.prepare(env, NEW, aid)
    assert "大众牌 朗逸（小型汽车，车辆识别代号后6位184356）：可以选号" in prepared.intro
    assert prepared.initial == {"vin": DEMO_VIN}
    pool = [value for _, value in prepared.choices["pick_0"]]
    assert len(pool) == 50 and "渝A12345" not in pool  # 刘洋's car is registered
    assert pool == [v for _, v in applications.prepare(env, NEW, aid).choices["pick_0"]]  # the same all day
    form = {"vin": DEMO_VIN, "way": "随机选号", "pick_0": pool[7]}
    checked = applications.check(NEW, form, prepared)
    assert checked.summary == [("车辆", "大众牌 朗逸（小型汽车，车辆识别代号后6位184356）"), ("选号方式", "随机选号"),
                               ("号牌号码", pool[7])]
    done = applications.submit(env, NEW, aid, form)
    assert done.status == "已办结" and f"已选定号牌号码{pool[7]}（随机选号）" in done.note
    [shown] = [a for a in applications.list_for(env, aid) if a.serial_no == done.serial_no]  # 网办进度
    assert shown.payload["number"] == pool[7] and pool[7] in shown.events[0].note
    with env.db.read() as s:
        app = s.scalars(select(Application).where(Application.serial_no == done.serial_no)).one()
        [sel] = s.scalars(select(PlateSelection)).all()
        assert (sel.number, sel.way, sel.business, sel.application_id, sel.vehicle_id) == (
            pool[7], "随机选号", "新车选号", app.id, None)
        told = {m.channel for m in s.scalars(select(Message).where(Message.account_id == aid))
                if f"新车选号申请（业务流水号{done.serial_no}）已办结：已选定号牌号码{pool[7]}" in m.body}
        assert told == {"inbox", "sms"}
    # A car chooses once: said before the form.
    with pytest.raises(DomainError) as again:
        applications.prepare(env, NEW, aid)
    assert f"不能办理新车选号：\n大众牌 朗逸（小型汽车，车辆识别代号后6位184356）：不能选号，已选定号牌号码{pool[7]}，" \
           "每辆车只能选号一次。" == again.value.message


def test_bad_or_taken_numbers_and_nothing_chosen_are_told_next_to_their_fields(env: Env, people) -> None:
    aid = account_id(env, people["points_study"])
    prepared = applications.prepare(env, NEW, aid)
    with pytest.raises(FieldErrors) as exc:
        applications.check(NEW, {"vin": ""}, prepared)
    assert problems_of(exc) == {"vin": "请选择要选号的车辆", "way": "请选择选号方式：随机选号或自编自选"}
    with pytest.raises(DomainError) as exc:
        applications.check(NEW, {"vin": DEMO_VIN, "way": "随机选号"}, prepared)
    assert problems_of(exc) == {"pick_0": "请从随机产生的号码中选择一个号牌号码"}
    for typed, words in (("渝A12345", "号牌号码渝A12345已被使用或已被他人选用，请另选"),  # 刘洋's car
                         ("8KAB6", "自编号码最多使用2个字母（现有3个）"), ("8K2O6", "不使用字母I和O"), ("", "请输入自编号牌号码")):
        with pytest.raises(DomainError) as exc:
            applications.check(NEW, {"vin": DEMO_VIN, "way": "自编自选", "own_0": typed}, prepared)
        assert words in problems_of(exc)["own_0"]
    with pytest.raises(DomainError) as exc:  # not in the set shown
        applications.check(NEW, {"vin": DEMO_VIN, "way": "随机选号", "pick_0": "渝A00000"}, prepared)
    assert problems_of(exc) == {"pick_0": "号牌号码渝A00000已被使用或已被他人选用，请另选"}
    done = applications.submit(env, NEW, aid, {"vin": DEMO_VIN, "way": "自编自选", "own_0": "8k2b6"})
    assert "已选定号牌号码渝A8K2B6（自编自选）" in done.note


def test_the_example_shown_is_a_number_still_free(env: Env, people) -> None:
    """Tester: 渝A8K2B6 was still the example after it was chosen, and typing it got 已被使用."""
    aid, other = account_id(env, people["points_study"]), account_id(env, people["driver_normal"])
    applications.submit(env, NEW, aid, {"vin": DEMO_VIN, "way": "自编自选", "own_0": "8K2B6"})
    add_new_car(env, other, EV_VIN, "小型汽车")
    prepared = applications.prepare(env, NEW, other)
    [own] = [f for f in prepared.fields if f.name == "own_0"]
    assert own.placeholder == "例如 8K2B7" and "例如 渝A8K2B7" in prepared.intro and "8K2B6" not in prepared.intro
    with pytest.raises(DomainError) as exc:  # the refusal of another office's prefix gives it too
        applications.check(NEW, {"vin": EV_VIN, "way": "自编自选", "own_0": "渝B8K2B6"}, prepared)
    assert problems_of(exc)["own_0"].endswith("如渝A8K2B7")
    done = applications.submit(env, NEW, other, {"vin": EV_VIN, "way": "自编自选", "own_0": own.placeholder[3:]})
    assert "已选定号牌号码渝A8K2B7（自编自选）" in done.note


def test_a_number_chosen_meanwhile_elsewhere_is_refused_at_submit(env: Env, people) -> None:
    aid, other = account_id(env, people["points_study"]), account_id(env, people["driver_normal"])
    add_new_car(env, other, EV_VIN, "小型汽车")
    form = {"vin": DEMO_VIN, "way": "自编自选", "own_0": "66888"}
    applications.check(NEW, form, applications.prepare(env, NEW, aid))  # free when the form was checked
    applications.submit(env, NEW, other, {"vin": EV_VIN, "way": "自编自选", "own_0": "66888"})  # 刘洋 is faster
    with pytest.raises(DomainError) as exc:
        applications.submit(env, NEW, aid, form)
    assert problems_of(exc) == {"own_0": "号牌号码渝A66888已被使用或已被他人选用，请另选"}
    with env.db.read() as s:
        assert s.scalar(select(func.count()).select_from(PlateSelection)) == 1


def test_the_unique_index_decides_a_race_past_the_checks(env: Env, people) -> None:
    from kiosk.services.plate_common import record

    aid = account_id(env, people["driver_normal"])
    add_new_car(env, aid, EV_VIN, "小型汽车")
    with env.db.write() as s:
        cars = s.scalars(select(NewVehicle).order_by(NewVehicle.id)).all()
        record(s, "渝A66888", "新车选号", "自编自选", env.clock.now(), "own_0", new_vehicle_id=cars[0].id)
        with pytest.raises(DomainError) as taken:
            record(s, "渝A66888", "新车选号", "自编自选", env.clock.now(), "own_0", new_vehicle_id=cars[1].id)
        with pytest.raises(DomainError) as twice:
            record(s, "渝A66999", "新车选号", "自编自选", env.clock.now(), "own_0", new_vehicle_id=cars[0].id)
    assert taken.value.message == "号牌号码渝A66888已被使用或已被他人选用，请另选"
    assert twice.value.message == "该车已选定号牌号码，每辆车只能选号一次"


def test_a_new_energy_car_composes_by_its_letter(env: Env, people) -> None:
    aid = account_id(env, people["driver_normal"])  # 刘洋 has no new car in the demo
    add_new_car(env, aid, EV_VIN, "小型新能源汽车", "纯电动")
    prepared = applications.prepare(env, NEW, aid)
    assert "小型新能源汽车自编规则：渝A之后6位：第1位为D" in prepared.intro
    assert all(v.startswith("渝AD") and len(v) == 8 for _, v in prepared.choices["pick_0"])
    with pytest.raises(DomainError) as exc:
        applications.check(NEW, {"vin": EV_VIN, "way": "自编自选", "own_0": "F12345"}, prepared)
    assert "第1位应为D" in problems_of(exc)["own_0"]
    done = applications.submit(env, NEW, aid, {"vin": EV_VIN, "way": "自编自选", "own_0": "DA1234"})
    assert "渝ADA1234" in done.note


def test_another_kind_is_refused_before_the_form_saying_why(env: Env, people) -> None:
    aid = account_id(env, people["driver_normal"])
    with pytest.raises(DomainError) as none:
        applications.prepare(env, NEW, aid)
    assert none.value.message.startswith("您名下没有未注册登记的新车")
    add_new_car(env, aid, EV_VIN, "大型汽车")
    with pytest.raises(DomainError) as exc:
        applications.prepare(env, NEW, aid)
    assert exc.value.message == ("不能办理新车选号：\n比亚迪牌 海豹（大型汽车，车辆识别代号后6位123456）：不能选号，"
                                 "大型汽车不能网上选号（网上选号限小型汽车、小型新能源汽车、大型新能源汽车）。")
