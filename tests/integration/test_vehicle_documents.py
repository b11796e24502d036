"""补换领行驶证, 补换领机动车号牌, 补领检验合格标志 through the generic application flow (网办)."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from kiosk.db.models import Account, Application, ApplicationEvent, AuditEntry, Message, Office, Vehicle, Violation
from kiosk.domain.errors import DomainError
from kiosk.services import applications
from kiosk.services.demo_people import Person
from kiosk.services.env import Env
from kiosk.services.vehicle_reissue import InspectionMarkReissue, PlateReissue, VehicleLicenceReissue
from tests.integration.licence_helpers import finish

LICENCE, PLATES, MARK = VehicleLicenceReissue(), PlateReissue(), InspectionMarkReissue()
HOME = "重庆市渝中区解放碑街道民族路100号"


def account_id(env: Env, p: Person) -> int:
    with env.db.read() as s:
        return s.scalars(select(Account.id).where(Account.id_number == p.id_number)).one()


def office_id(env: Env, name: str) -> str:
    with env.db.read() as s:
        return str(s.scalars(select(Office.id).where(Office.name == name)).one())


def test_licence_reissue_by_mail_is_accepted_and_made_in_one_working_day(env: Env, people) -> None:
    p = people["driver_normal"]
    aid = account_id(env, p)
    prepared = applications.prepare(env, LICENCE, aid)
    assert [f.name for f in prepared.fields] == ["plate", "reason", "reason_note", "delivery", "address", "office"]
    assert prepared.initial["address"] == HOME and prepared.initial["delivery"] == "邮寄"
    assert {city for city in (o["city"] for o in prepared.context["offices"].values())} == {"重庆"}
    form = {"plate": "渝A12345", "reason": "遗失", "delivery": "邮寄", "address": "重庆市渝北区新南路1号"}
    checked = applications.check(LICENCE, form, prepared)
    assert checked.phone_to_confirm is None
    assert checked.clean == {"plate": "渝A12345", "reason": "遗失", "delivery": "邮寄",
                             "address": "重庆市渝北区新南路1号", "ready_by": "2026-12-02"}
    assert ("制作时限", "1个工作日内，最迟2026-12-02制作完成") in checked.summary
    done = applications.submit(env, LICENCE, aid, form)
    assert done.status == "受理中" and "最迟于2026-12-02制作完成" in done.note and "邮寄至重庆市渝北区新南路1号" in done.note
    with env.db.read() as s:
        app = s.scalars(select(Application).where(Application.serial_no == done.serial_no)).one()
        assert app.kind == "vehicle_licence_reissue" and app.payload == checked.clean
        assert s.scalar(select(func.count()).where(ApplicationEvent.application_id == app.id)) == 1
        assert s.scalar(select(func.count()).where(AuditEntry.action == "vehicle_licence_reissue")) == 1
        sms = s.scalars(select(Message).where(Message.channel == "sms", Message.phone == p.phone)
                        .order_by(Message.id.desc())).first()
        assert done.serial_no in sms.body and "行驶证" in sms.body


def test_working_days_skip_the_weekend(env: Env, people) -> None:
    env.clock.advance(days=3, hours=7)  # Friday 2026-12-04 16:00
    prepared = applications.prepare(env, LICENCE, account_id(env, people["driver_normal"]))
    form = {"plate": "渝A12345", "reason": "损毁", "delivery": "邮寄", "address": HOME}
    assert applications.check(LICENCE, form, prepared).clean["ready_by"] == "2026-12-07"


def test_plate_reissue_at_a_counter_keeps_the_number_and_takes_15_working_days(env: Env, people) -> None:
    p = people["two_cars"]
    aid = account_id(env, p)
    prepared = applications.prepare(env, PLATES, aid)
    assert [label for label, _ in prepared.choices["plates"]] == ["前后号牌", "前号牌", "后号牌"]
    form = {"plate": "渝AD12345", "plates": "后号牌", "reason": "其他", "reason_note": "号牌被盗",
            "delivery": "窗口领取", "office": office_id(env, "渝北车管所"), "address": ""}
    checked = applications.check(PLATES, form, prepared)
    assert checked.clean["ready_by"] == "2026-12-22" and checked.clean["office"] == "渝北车管所"
    assert ("补换领的号牌", "后号牌（号牌号码不变）") in checked.summary
    assert ("申请原因", "其他（号牌被盗）") in checked.summary
    done = applications.submit(env, PLATES, aid, form)
    # which plates, as the summary's 补换领的号牌 (tester: the result, 网办进度, 消息 and SMS said only 号牌)
    assert done.note.startswith("已受理，渝AD12345的后号牌最迟于2026-12-22制作完成，") and "到渝北车管所" in done.note
    with env.db.read() as s:
        assert s.scalars(select(Vehicle.plate).where(Vehicle.plate == "渝AD12345")).one()  # same number
        for channel in ("sms", "inbox"):
            sent = s.scalars(select(Message).where(Message.channel == channel).order_by(Message.id.desc())).first()
            assert "渝AD12345的后号牌最迟于2026-12-22制作完成" in sent.body, channel
    assert finish(env, done.serial_no, "已在窗口领取") == "后号牌已在渝北车管所领取"


@pytest.mark.parametrize("change, field, words", [
    ({"reason": ""}, "reason", "请选择申请原因"),
    ({"reason": "其他", "reason_note": " "}, "reason_note", "具体原因"),
    ({"plates": ""}, "plates", "请选择需补换领的号牌"),
    ({"address": "重庆"}, "address", "邮寄地址过短"),
    ({"delivery": ""}, "delivery", "请选择领取方式"),
    ({"plate": "渝B5K821"}, "plate", "本人名下"),
])
def test_bad_input_is_refused_next_to_its_field(env: Env, people, change, field, words) -> None:
    prepared = applications.prepare(env, PLATES, account_id(env, people["driver_normal"]))
    form = {"plate": "渝A12345", "plates": "前后号牌", "reason": "遗失", "delivery": "邮寄", "address": HOME,
            **change}
    with pytest.raises(DomainError) as e:
        applications.check(PLATES, form, prepared)
    assert e.value.field == field and words in e.value.message


def test_an_office_of_another_city_is_refused(env: Env, people) -> None:
    prepared = applications.prepare(env, LICENCE, account_id(env, people["driver_normal"]))
    prepared.context["offices"]["999"] = {"name": "连云港市车管所", "city": "连云港", "address": "x"}
    form = {"plate": "渝A12345", "reason": "遗失", "delivery": "窗口领取", "office": "999"}
    with pytest.raises(DomainError) as e:
        applications.check(LICENCE, form, prepared)
    assert e.value.field == "office" and "重庆" in e.value.message


def test_no_vehicle_no_service(env: Env, people) -> None:
    with pytest.raises(DomainError, match="^您名下没有已登记的机动车，无法办理此业务$"):
        applications.prepare(env, MARK, account_id(env, people["no_licence"]))


def test_inspection_mark_for_a_vehicle_in_order(env: Env, people) -> None:
    aid = account_id(env, people["driver_normal"])
    prepared = applications.prepare(env, MARK, aid)
    assert "未处理的交通违法0起" in prepared.intro
    assert "检验合格标志自受理之日起1个工作日内制作完成" in prepared.intro
    form = {"plate": "渝A12345", "delivery": "邮寄", "address": HOME}
    assert applications.check(MARK, form, prepared).summary[-1] == ("制作时限", "1个工作日内，最迟2026-12-02制作完成")
    done = applications.submit(env, MARK, aid, form)
    assert done.status == "受理中" and done.note == f"已受理，渝A12345的检验合格标志最迟于2026-12-02制作完成，邮寄至{HOME}"


def test_inspection_mark_is_refused_next_to_a_vehicle_that_may_not_have_one(env: Env, people) -> None:
    aid = account_id(env, people["two_cars"])  # 周杰: his other car may
    prepared = applications.prepare(env, MARK, aid)
    assert prepared.initial["plate"] == "渝A8D2Q7"
    assert "渝AD12345不能补领检验合格标志：该车交强险已于2026-11-21到期" in prepared.context["notes"]["plate"]["渝AD12345"]
    assert "交强险已于" not in prepared.context["intros"]["渝AD12345"]  # said once, under the list
    # ... but its date is flagged as 我的机动车 flags it (tester: 2026-11-21 alone read as valid)
    assert "交强险有效期至2026-11-21（已过期）" in prepared.context["intros"]["渝AD12345"]
    assert "（已过期）" not in prepared.context["intros"]["渝A8D2Q7"]
    form = {"plate": "渝AD12345", "delivery": "邮寄", "address": HOME}
    with pytest.raises(DomainError) as e:
        applications.submit(env, MARK, aid, form)
    assert e.value.field == "plate" and "交强险已于2026-11-21到期" in e.value.message
    with env.db.read() as s:
        assert not s.scalar(select(func.count()).select_from(Application).where(Application.account_id == aid))


@pytest.mark.parametrize("person, line", [
    ("truck_driver", "苏G52731不能补领检验合格标志：该车检验有效期已于2026-11-11届满，请先办理机动车检验。"),
    ("violation", "渝B5K821不能补领检验合格标志：该车有2起交通违法未处理，请先处理。"),
])
def test_inspection_mark_is_refused_before_the_form_when_no_vehicle_may_have_one(env: Env, people, person,
                                                                                 line) -> None:
    """马超 and 赵磊 have one car each, which may not have one: told before the form, with the reason."""
    with pytest.raises(DomainError) as e:
        applications.prepare(env, MARK, account_id(env, people[person]))
    assert e.value.field is None and e.value.message == line


def test_every_vehicle_refused_says_each_reason(env: Env, people) -> None:
    aid = account_id(env, people["two_cars"])
    done = applications.submit(env, MARK, aid, {"plate": "渝A8D2Q7", "delivery": "邮寄", "address": HOME})
    with pytest.raises(DomainError) as e:  # the other car's 交强险 has expired
        applications.prepare(env, MARK, aid)
    assert e.value.message.split("\n") == [
        f"渝A8D2Q7已有一笔补领检验合格标志申请正在办理（业务流水号{done.serial_no}），办结后方可再次申请。"
        "可在【网办进度】中查询办理情况。",
        "渝AD12345不能补领检验合格标志：该车交强险已于2026-11-21到期，请先续保交强险。"]


def test_a_vehicle_in_order_when_the_form_opened_is_checked_again_inside_the_write(env: Env, people) -> None:
    aid = account_id(env, people["driver_normal"])
    form = {"plate": "渝A12345", "delivery": "邮寄", "address": HOME}
    stale = applications.prepare(env, MARK, aid)
    clean = applications.check(MARK, form, stale).clean
    with env.db.write() as s:  # violations recorded against it since
        car = s.scalars(select(Vehicle).where(Vehicle.plate == "渝A12345")).one()
        for v in s.scalars(select(Violation)):
            v.vehicle_id = car.id
    with env.db.write() as s, pytest.raises(DomainError) as e:
        MARK.apply(s, env, s.get(Account, aid), clean, stale)
    assert e.value.field == "plate" and "2起交通违法未处理" in e.value.message


def test_handled_violations_no_longer_refuse(env: Env, people) -> None:
    with env.db.write() as s:
        for v in s.scalars(select(Violation)):
            v.handled_at = datetime(2026, 12, 1, 8, 0)
    aid = account_id(env, people["violation"])
    done = applications.submit(env, MARK, aid, {"plate": "渝B5K821", "delivery": "邮寄", "address": HOME})
    assert done.status == "受理中"


@pytest.mark.parametrize("service", [LICENCE, PLATES, MARK])
def test_the_counter_finishes_as_the_citizen_chose(env: Env, people, service) -> None:
    aid = account_id(env, people["driver_normal"])
    form = {"plate": "渝A12345", "plates": "前号牌", "reason": "损毁", "delivery": "窗口领取",
            "office": office_id(env, "渝中车管所")}
    done = applications.submit(env, service, aid, form)
    assert service.finish_choices == ("已邮寄", "已在窗口领取")
    with env.db.write() as s:
        app = s.scalars(select(Application).where(Application.serial_no == done.serial_no)).one()
        with pytest.raises(DomainError, match="已在窗口领取"):
            service.finish(s, env, app, "已邮寄")
        named = "前号牌" if service is PLATES else service.document  # the plates chosen, named
        assert service.finish(s, env, app, "已在窗口领取") == f"{named}已在渝中车管所领取"
        app.payload = {**app.payload, "delivery": "邮寄"}
        assert service.finish(s, env, app, "已邮寄") == f"{named}已邮寄，请注意查收"
        with pytest.raises(DomainError):
            service.finish(s, env, app, "已办结")


def test_an_upgraded_demo_database_gets_the_demo_violations(tmp_path, settings_factory) -> None:
    from alembic import command

    from kiosk.db.migrate import alembic_config
    from kiosk.services import bootstrap
    from kiosk.services.env import make_env

    env = make_env(settings_factory(tmp_path, "old.db"))
    try:
        bootstrap.prepare(env)
        command.downgrade(alembic_config(env.settings.db_url), "0006")  # as made by the version before
        assert bootstrap.prepare(env) is False
        bootstrap.prepare(env)  # and again: nothing doubles
        with env.db.read() as s:
            plates = s.scalars(select(Vehicle.plate).join(Violation, Violation.vehicle_id == Vehicle.id)).all()
        assert plates == ["渝B5K821", "渝B5K821"]
    finally:
        env.db.dispose()


def test_a_unit_collects_through_its_agent(env: Env, people) -> None:
    unit = next(p for p in people.values() if p.unit)
    form = {"plate": "渝D72518", "plates": "前后号牌", "reason": "遗失", "delivery": "窗口领取",
            "office": office_id(env, "两江新区车管所")}
    done = applications.submit(env, PLATES, account_id(env, unit), form)
    assert "请经办人持身份证件和单位授权委托书到两江新区车管所" in done.note


@pytest.mark.parametrize(("service", "what"), [(LICENCE, "补换领已备案{}机动车的行驶证："),
                                             (PLATES, "补换领已备案{}机动车的号牌："),
                                             (MARK, "补领已备案{}机动车的检验合格标志：")])
def test_a_unit_reads_of_its_own_vehicles_a_person_of_theirs(env: Env, people, service, what: str) -> None:
    unit = applications.prepare(env, service, account_id(env, people["unit"]))
    assert unit.intro.startswith(what.format("本单位")) and "本人" not in unit.intro
    assert unit.context["intros"]["渝D72518"] == unit.intro
    person = applications.prepare(env, service, account_id(env, people["driver_normal"]))
    assert person.intro.startswith(what.format("本人"))  # the seeds' wording, as it was


@pytest.mark.parametrize("service", [LICENCE, PLATES, MARK])
def test_one_open_application_per_vehicle_and_document(env: Env, people, service) -> None:
    p = people["two_cars"]
    aid = account_id(env, p)
    with env.db.write() as s:  # the other car may have each document (its 交强险 renewed)
        s.scalars(select(Vehicle).where(Vehicle.plate == "渝AD12345")).one().insurance_due = datetime(2027, 11, 21).date()
    form = {"plate": "渝A8D2Q7", "plates": "前后号牌", "reason": "遗失", "delivery": "邮寄", "address": HOME}
    stale = applications.prepare(env, service, aid)  # a second kiosk opened the form before the first submitted
    first = applications.submit(env, service, aid, form)
    again = applications.prepare(env, service, aid)
    assert first.serial_no in again.context["notes"]["plate"]["渝A8D2Q7"]  # said as soon as the vehicle is chosen
    assert "渝AD12345" not in again.context["notes"]["plate"]
    with pytest.raises(DomainError) as e:  # and next to the vehicle, with the open one's serial number
        applications.check(service, form, again)
    assert e.value.field == "plate" and first.serial_no in e.value.message and "正在办理" in e.value.message
    clean = applications.check(service, form, stale).clean  # the stale form passes its own check ...
    with env.db.write() as s, pytest.raises(DomainError) as e:  # ... but not the one inside the write
        service.apply(s, env, s.get(Account, aid), clean, stale)
    assert e.value.field == "plate" and first.serial_no in e.value.message
    with env.db.read() as s:
        assert s.scalar(select(func.count()).where(Application.kind == service.kind)) == 1
    other = LICENCE if service is not LICENCE else PLATES  # another document of the same vehicle is fine
    assert applications.submit(env, other, aid, form).status == "受理中"


def test_a_single_vehicle_with_an_open_application_is_told_before_the_form(env: Env, people) -> None:
    aid = account_id(env, people["driver_normal"])
    form = {"plate": "渝A12345", "reason": "遗失", "delivery": "邮寄", "address": HOME}
    done = applications.submit(env, LICENCE, aid, form)
    with pytest.raises(DomainError) as e:
        applications.prepare(env, LICENCE, aid)
    assert e.value.field is None and done.serial_no in e.value.message and "正在办理" in e.value.message


def test_a_finished_or_turned_back_application_allows_a_new_one(env: Env, people) -> None:
    aid = account_id(env, people["driver_normal"])
    form = {"plate": "渝A12345", "plates": "前后号牌", "reason": "遗失", "delivery": "邮寄", "address": HOME}
    first = applications.submit(env, PLATES, aid, form)
    with env.db.write() as s:
        s.scalars(select(Application).where(Application.serial_no == first.serial_no)).one().status = "已办结"
    assert applications.submit(env, PLATES, aid, form).status == "受理中"


@pytest.mark.parametrize("change, words", [
    ({"inspection_due": datetime(2026, 12, 2).date()}, "请先办理机动车检验"),
    ({"insurance_due": datetime(2026, 12, 1).date()}, "交强险已于2026-12-01到期"),
    (None, "2起交通违法未处理"),
])
def test_the_inspection_mark_is_checked_again_when_the_counter_finishes(env: Env, people, change, words) -> None:
    aid = account_id(env, people["driver_normal"])
    done = applications.submit(env, MARK, aid, {"plate": "渝A12345", "delivery": "邮寄", "address": HOME})
    env.clock.advance(days=2)  # 2026-12-03: the inspection due on 12-02 is overdue now
    with env.db.write() as s:
        car = s.scalars(select(Vehicle).where(Vehicle.plate == "渝A12345")).one()
        if change is None:  # new violations of this car, recorded since
            for v in s.scalars(select(Violation)):
                v.vehicle_id = car.id
        else:
            for name, value in change.items():
                setattr(car, name, value)
    with env.db.write() as s, pytest.raises(DomainError) as e:
        app = s.scalars(select(Application).where(Application.serial_no == done.serial_no)).one()
        MARK.finish(s, env, app, "已邮寄")
    assert "再次复核不符合补领条件" in e.value.message and words in e.value.message


@pytest.mark.parametrize("service, example", [(LICENCE, "如：行驶证被盗"), (PLATES, "如：号牌被盗")])
def test_the_other_reason_has_an_example_of_its_own_document(env: Env, people, service, example) -> None:
    """补换领行驶证's 其他 showed 如：号牌被盗, about plates."""
    prepared = applications.prepare(env, service, account_id(env, people["driver_normal"]))
    note = next(f for f in prepared.fields if f.name == "reason_note")
    assert note.placeholder == example
