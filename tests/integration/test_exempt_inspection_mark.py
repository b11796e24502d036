"""免检车申领检验标志 through the generic application flow (网办), on SQLite with the demo data
(test clock 2026-12-01)."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from kiosk.db.models import Account, Application, AuditEntry, Message, Vehicle, Violation
from kiosk.domain.errors import DomainError
from kiosk.services import applications
from kiosk.services.catalog import SERVICES
from kiosk.services.demo_people import Person
from kiosk.services.env import Env
from kiosk.services.vehicle_exempt import ExemptInspectionMark

MARK = ExemptInspectionMark()
HOME = "重庆市渝中区解放碑街道民族路100号"
FORM = {"plate": "渝A12345", "delivery": "邮寄", "address": HOME}
GO = "请到机动车检验机构进行安全技术检验"
# The demo cars other than 渝A12345 are due for inspection 200 days from the clock: not yet in the 3 months before.
EARLY = "该车检验有效期至2027-06-19，免检车在检验有效期满前三个月内申领检验标志，请于2027-03-19起申领"


def account_id(env: Env, p: Person) -> int:
    with env.db.read() as s:
        return s.scalars(select(Account.id).where(Account.id_number == p.id_number)).one()


def _app(s, serial_no: str) -> Application:  # type: ignore[no-untyped-def]
    return s.scalars(select(Application).where(Application.serial_no == serial_no)).one()


def test_a_private_car_in_its_4th_year_applies_and_the_application_shows_in_progress(env: Env, people) -> None:
    p = people["driver_normal"]  # 刘洋: 渝A12345 first registered 2023-01-19
    aid = account_id(env, p)
    assert SERVICES["exempt_inspection_mark"].title == "免检车申领检验标志"
    prepared = applications.prepare(env, MARK, aid)
    assert "在第2年、第4年、第8年检验有效期满前三个月内申领检验标志（第6年、第10年须上线检验）" in prepared.intro
    assert "该车初次登记日期2023-01-19（注册登记第4年），使用性质非营运，检验有效期至2027-01-19" in prepared.intro
    checked = applications.check(MARK, FORM, prepared)
    assert "检验合格标志自受理之日起1个工作日内制作完成" in prepared.intro
    assert checked.summary == [("号牌号码", "渝A12345"), ("领取方式", "邮寄"), ("邮寄地址", HOME),
                               ("制作时限", "1个工作日内，最迟2026-12-02制作完成")]  # as 补换领行驶证's
    done = applications.submit(env, MARK, aid, FORM)
    assert done.status == "受理中" and done.note == f"已受理，渝A12345的检验合格标志最迟于2026-12-02制作完成，邮寄至{HOME}"
    [shown] = [a for a in applications.list_for(env, aid) if a.serial_no == done.serial_no]
    assert shown.title == "免检车申领检验标志" and shown.status == "受理中"  # 网办进度
    with env.db.read() as s:
        assert s.scalar(select(func.count()).where(AuditEntry.action == "exempt_inspection_mark")) == 1
        sms = s.scalars(select(Message).where(Message.channel == "sms", Message.phone == p.phone)
                        .order_by(Message.id.desc())).first()
        assert f"您的免检车申领检验标志申请（业务流水号{done.serial_no}）" in sms.body


def test_a_unit_applies_for_its_own_vehicle(env: Env, people) -> None:
    """A unit's 非营运 car in its 4th year, 2 months before its inspection expires: the intro says
    本单位机动车, a person's 本人机动车."""
    with env.db.write() as s:
        car = s.scalars(select(Vehicle).where(Vehicle.plate == "渝D72518")).one()
        car.vehicle_type, car.use_nature, car.registered_on = "小型轿车", "非营运", date(2023, 1, 19)
        car.inspection_due = date(2027, 1, 19)
    unit = applications.prepare(env, MARK, account_id(env, people["unit"]))
    assert unit.intro.startswith("申领已备案本单位机动车的检验合格标志：非营运小微型载客汽车") and "本人" not in unit.intro
    person = applications.prepare(env, MARK, account_id(env, people["driver_normal"]))
    assert person.intro.startswith("申领已备案本人机动车的检验合格标志：")


def test_handing_the_mark_over_makes_the_inspection_valid_two_years_on(env: Env, people) -> None:
    aid = account_id(env, people["driver_normal"])
    done = applications.submit(env, MARK, aid, FORM)
    with env.db.write() as s:
        app = _app(s, done.serial_no)
        note = MARK.finish(s, env, app, "已邮寄")
        assert note == "检验合格标志已邮寄，请注意查收，检验有效期至2029-01-19"
        applications.transition(s, env, app, applications.FINISHED, note)  # as the counter does
        assert s.scalars(select(Vehicle.inspection_due).where(Vehicle.plate == "渝A12345")).one() == date(2029, 1, 19)  # due + 2 years: the 6th anniversary
    with pytest.raises(DomainError) as e:  # not twice in the same year
        applications.prepare(env, MARK, aid)
    assert e.value.message == ("渝A12345不能申领检验合格标志：该车第4年的检验标志已申领，检验有效期至2029-01-19，"
                               "无需再次申领。")


def test_on_the_day_the_inspection_is_due_it_may_still_apply_and_gets_two_years(env: Env, people) -> None:
    """The test clock 2026-12-01 is the car's 4th anniversary and its 检验有效期至 (still valid)."""
    with env.db.write() as s:
        car = s.scalars(select(Vehicle).where(Vehicle.plate == "渝A12345")).one()
        car.registered_on, car.inspection_due = date(2022, 12, 1), date(2026, 12, 1)
    done = applications.submit(env, MARK, account_id(env, people["driver_normal"]), FORM)
    with env.db.write() as s:
        assert MARK.finish(s, env, _app(s, done.serial_no), "已邮寄").endswith("检验有效期至2028-12-01")


@pytest.mark.parametrize("person, line", [
    ("truck_driver", f"苏G52731不能申领检验合格标志：该车为营运重型半挂牵引车，不属于免检车辆"
                     f"（非营运小微型载客汽车，面包车除外），{GO}。"),
    ("points_study", f"渝A6P318不能申领检验合格标志：该车为注册登记第6年，免检车第6年、第10年须上线检验，"
                     f"不能申领检验标志，{GO}。"),
    ("car_overdue", f"渝A9K006不能申领检验合格标志：该车检验有效期已于2026-11-11届满，{GO}。"),
    ("violation", f"渝B5K821不能申领检验合格标志：{EARLY}；该车有2起交通违法未处理，请先处理。"),
])
def test_a_vehicle_that_may_not_is_told_before_the_form_with_what_to_do(env: Env, people, person, line) -> None:
    with pytest.raises(DomainError) as e:
        applications.prepare(env, MARK, account_id(env, people[person]))
    assert e.value.field is None and e.value.message == line


def test_each_of_two_cars_says_its_own_reason(env: Env, people) -> None:
    with pytest.raises(DomainError) as e:  # 周杰: registered 11 years ago, and 交强险 expired on the other
        applications.prepare(env, MARK, account_id(env, people["two_cars"]))
    assert e.value.message.split("\n") == [
        f"渝A8D2Q7不能申领检验合格标志：该车注册登记已超过10年（2015-06-19初次登记），不再免予上线检验，{GO}。",
        f"渝AD12345不能申领检验合格标志：{EARLY}；该车交强险已于2026-11-21到期，请先续保交强险。"]


def test_a_vehicle_chosen_that_may_not_is_refused_next_to_it(env: Env, people) -> None:
    aid = account_id(env, people["two_cars"])
    # The newer car's 交强险 renewed and its inspection due in 2 months (8th year): it may apply, the old one still not.
    with env.db.write() as s:
        car = s.scalars(select(Vehicle).where(Vehicle.plate == "渝AD12345")).one()
        car.insurance_due, car.registered_on, car.inspection_due = date(2027, 11, 21), date(2019, 1, 19), date(2027, 1, 19)
    prepared = applications.prepare(env, MARK, aid)
    assert prepared.initial["plate"] == "渝AD12345" and "注册登记第8年" in prepared.intro
    with pytest.raises(DomainError) as e:
        applications.check(MARK, {**FORM, "plate": "渝A8D2Q7"}, prepared)
    assert e.value.field == "plate" and e.value.message.startswith("不能申领：该车注册登记已超过10年")
    done = applications.submit(env, MARK, aid, {**FORM, "plate": "渝AD12345"})
    with env.db.write() as s:  # the 8th year's mark: due at the 10th anniversary, inspected at a station then
        MARK.finish(s, env, _app(s, done.serial_no), "已邮寄")
        assert s.scalars(select(Vehicle.inspection_due).where(Vehicle.plate == "渝AD12345")).one() == date(2029, 1, 19)


def test_violations_recorded_since_the_form_opened_refuse_inside_the_write(env: Env, people) -> None:
    aid = account_id(env, people["driver_normal"])
    stale = applications.prepare(env, MARK, aid)
    clean = applications.check(MARK, FORM, stale).clean
    with env.db.write() as s:
        car = s.scalars(select(Vehicle).where(Vehicle.plate == "渝A12345")).one()
        for v in s.scalars(select(Violation)):
            v.vehicle_id = car.id
    with env.db.write() as s, pytest.raises(DomainError) as e:
        MARK.apply(s, env, s.get(Account, aid), clean, stale)
    assert e.value.field == "plate" and e.value.message == "不能申领：该车有2起交通违法未处理，请先处理。"


def test_the_counter_checks_again_before_handing_it_over(env: Env, people) -> None:
    aid = account_id(env, people["driver_normal"])
    done = applications.submit(env, MARK, aid, FORM)
    with env.db.write() as s:
        s.scalars(select(Vehicle).where(Vehicle.plate == "渝A12345")).one().insurance_due = date(2026, 11, 30)
    with env.db.write() as s, pytest.raises(DomainError) as e:
        MARK.finish(s, env, _app(s, done.serial_no), "已邮寄")
    assert e.value.message == ("再次复核不符合申领条件：该车交强险已于2026-11-30到期，请先续保交强险。"
                               "可退办并说明理由")


def test_handled_violations_no_longer_refuse(env: Env, people) -> None:
    with env.db.write() as s:
        for v in s.scalars(select(Violation)):
            v.handled_at = datetime(2026, 12, 1, 8, 0)
        car = s.scalars(select(Vehicle).where(Vehicle.plate == "渝B5K821")).one()  # in its window, as 渝A12345
        car.registered_on, car.inspection_due = date(2023, 1, 19), date(2027, 1, 19)
    done = applications.submit(env, MARK, account_id(env, people["violation"]), {**FORM, "plate": "渝B5K821"})
    assert done.status == "受理中"


def test_a_car_that_may_never_have_it_says_why_not_that_a_reissue_is_open(env: Env, people) -> None:
    """Vehicle tester: with a 补领检验合格标志 受理中 for 渝A8D2Q7 (11 years registered), 免检车申领 said
    only 办结后方可申请 (wait), although the car can never have the 免检 mark."""
    aid = account_id(env, people["two_cars"])  # 周杰
    applications.submit(env, SERVICES["inspection_mark_reissue"], aid, {"plate": "渝A8D2Q7", "delivery": "邮寄", "address": HOME})
    with pytest.raises(DomainError) as e:
        applications.prepare(env, MARK, aid)
    assert e.value.message.split("\n")[0] == (
        f"渝A8D2Q7不能申领检验合格标志：该车注册登记已超过10年（2015-06-19初次登记），不再免予上线检验，{GO}。")
