"""申请新车临时号牌 through the generic application flow (网办), on SQLite with the demo data
(test clock 2026-12-01): 宋佳's new 大众牌 朗逸, bought 2026-11-28, 交强险 to 2027-11-27."""
from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from kiosk.db.models import Application, AuditEntry, Message
from kiosk.db.models_newcars import NewVehicle, TemporaryPlate
from kiosk.domain.errors import DomainError, FieldErrors
from kiosk.domain.temp_plate import with_check_char
from kiosk.services import applications
from kiosk.services.catalog import SERVICES
from kiosk.services.demo_newcars import DEMO_VIN
from kiosk.services.env import Env
from kiosk.services.temp_plate import TemporaryPlateService, plates_of
from tests.booking_helpers import account_id
from tests.conftest import problems_of

TEMP = TemporaryPlateService()
FORM = {"vin": DEMO_VIN, "start": "2026-12-01", "days": "30"}


def test_a_new_car_gets_its_number_at_once_shown_in_progress_sms_and_inbox(env: Env, people) -> None:
    p = people["points_study"]  # 宋佳
    aid = account_id(env, p)
    assert SERVICES["temp_plate"].title == "申请新车临时号牌"
    prepared = applications.prepare(env, TEMP, aid)
    assert ("大众牌 朗逸（小型轿车）：车辆识别代号后6位184356，购车发票日期2026-11-28，"
            "交强险有效期至2027-11-27，已核发临时号牌0次") in prepared.intro
    assert prepared.initial == {"start": "2026-12-01", "days": "30"}
    checked = applications.check(TEMP, {**FORM, "vin": " lsvau2184t2184356 "}, prepared)  # typed loosely
    assert checked.summary == [("车辆", "大众牌 朗逸（小型轿车）"), ("车辆识别代号", DEMO_VIN),
                               ("有效期", "2026-12-01至2026-12-30（30天）"), ("核发次数", "第1次（每辆车最多3次）"),
                               ("交强险有效期至", "2027-11-27")]
    done = applications.submit(env, TEMP, aid, FORM)
    number = re.search(r"已核发临时号牌(\S{6})，", done.note).group(1)
    assert re.fullmatch(r"渝A[0-9A-HJ-NP-Z]{4}", number)
    assert done.status == "已办结" and "有效期2026-12-01至2026-12-30" in done.note
    [shown] = [a for a in applications.list_for(env, aid) if a.serial_no == done.serial_no]  # 网办进度
    assert shown.status == "已办结" and shown.payload["number"] == number and number in shown.events[0].note
    with env.db.read() as s:
        [plate] = plates_of(s, aid)
        app = s.scalars(select(Application).where(Application.serial_no == done.serial_no)).one()
        assert (plate.number, plate.valid_from, plate.valid_to, plate.application_id) == (
            number, date(2026, 12, 1), date(2026, 12, 30), app.id)
        assert s.scalar(select(func.count()).where(AuditEntry.action == "temp_plate")) == 1
        bodies = list(s.scalars(select(Message.body).where(Message.account_id == aid).order_by(Message.id.desc())))
        assert any(f"您的新车临时号牌申请（业务流水号{done.serial_no}）已办结：已核发临时号牌{number}" in b
                   for b in bodies[:2])


def test_every_field_is_told_next_to_it(env: Env, people) -> None:
    prepared = applications.prepare(env, TEMP, account_id(env, people["points_study"]))
    with pytest.raises(FieldErrors) as exc:
        applications.check(TEMP, {"vin": "LSVAU2185T2184356", "start": "2026-11-30", "days": "31"}, prepared)
    assert problems_of(exc) == {"vin": "车辆识别代号校验位（第9位）不符，请对照合格证核对",
                                "start": "起始日期不能早于今天",  # the date's own rule, whatever the VIN
                                "days": "有效天数为1-30天"}
    with pytest.raises(FieldErrors) as exc:
        applications.check(TEMP, {"vin": DEMO_VIN, "start": "2026-12-09", "days": "0"}, prepared)
    assert problems_of(exc) == {"start": "起始日期最晚为2026-12-08（7天内）", "days": "有效天数为1-30天"}
    with pytest.raises(DomainError) as one:
        applications.check(TEMP, {**FORM, "vin": with_check_char("LFV2A21K", "J3000004")}, prepared)  # not hers
    assert one.value.field == "vin" and "未查询到您名下该车辆识别代号的未注册新车" in one.value.message


@pytest.mark.parametrize("vin, vin_says", [
    ("LSVAU2185T2184356", "车辆识别代号校验位（第9位）不符，请对照合格证核对"),
    (with_check_char("LFV2A21K", "J3000004"), "未查询到您名下该车辆识别代号的未注册新车，请对照合格证核对"),
])
def test_a_wrong_vin_a_start_too_late_and_too_many_days_are_told_at_once(env: Env, people, vin, vin_says) -> None:
    """Tester's finding: the first 下一步 said the VIN and the days, the start only on the second."""
    prepared = applications.prepare(env, TEMP, account_id(env, people["points_study"]))
    with pytest.raises(FieldErrors) as exc:
        applications.check(TEMP, {"vin": vin, "start": "2026-12-20", "days": "31"}, prepared)
    assert problems_of(exc) == {"vin": vin_says, "start": "起始日期最晚为2026-12-08（7天内）",
                                "days": "有效天数为1-30天"}


def test_what_depends_on_the_vehicle_or_the_start_waits_for_them(env: Env, people) -> None:
    """The last plate's end is the vehicle's: not said while the VIN is wrong; the 交强险 limit on
    the days is counted from the start: not from a start refused."""
    aid = account_id(env, people["points_study"])
    applications.submit(env, TEMP, aid, {**FORM, "days": "2"})  # 12-01 .. 12-02
    with env.db.write() as s:
        s.scalars(select(NewVehicle).where(NewVehicle.vin == DEMO_VIN)).one().insurance_due = date(2026, 12, 10)
    prepared = applications.prepare(env, TEMP, aid)
    with pytest.raises(DomainError) as one:
        applications.check(TEMP, {"vin": "LSVAU2185T2184356", "start": "2026-12-02", "days": "5"}, prepared)
    assert problems_of(one) == {"vin": "车辆识别代号校验位（第9位）不符，请对照合格证核对"}
    with pytest.raises(DomainError) as one:
        applications.check(TEMP, {"vin": DEMO_VIN, "start": "2026-12-09", "days": "30"}, prepared)
    assert problems_of(one) == {"start": "起始日期最晚为2026-12-08（7天内）"}


def test_never_beyond_the_insurance(env: Env, people) -> None:
    aid = account_id(env, people["points_study"])
    with env.db.write() as s:
        s.scalars(select(NewVehicle).where(NewVehicle.vin == DEMO_VIN)).one().insurance_due = date(2026, 12, 10)
    prepared = applications.prepare(env, TEMP, aid)
    with pytest.raises(DomainError) as exc:
        applications.check(TEMP, FORM, prepared)
    assert (exc.value.field, exc.value.message) == ("days", "有效期不能超过交强险有效期（2026-12-10），从该日起最多10天")
    assert applications.check(TEMP, {**FORM, "days": "10"}, prepared).clean["valid_to"] == "2026-12-10"


def test_at_most_three_and_never_two_at_once(env: Env, people) -> None:
    aid = account_id(env, people["points_study"])
    first = applications.submit(env, TEMP, aid, {**FORM, "days": "2"})  # 12-01 .. 12-02
    assert applications.prepare(env, TEMP, aid).initial["start"] == "2026-12-03"  # the day after it
    with pytest.raises(DomainError) as exc:  # the first one still runs on 12-02
        applications.submit(env, TEMP, aid, {**FORM, "start": "2026-12-02", "days": "1"})
    assert (exc.value.field, exc.value.message) == ("start", "该车上一副临时号牌有效期至2026-12-02，起始日期须在其后")
    applications.submit(env, TEMP, aid, {**FORM, "start": "2026-12-03", "days": "1"})
    applications.submit(env, TEMP, aid, {**FORM, "start": "2026-12-04", "days": "1"})
    with pytest.raises(DomainError) as refused:  # told before the form
        applications.prepare(env, TEMP, aid)
    assert "已核发3次临时号牌，每辆车最多核发3次，请办理注册登记" in refused.value.message
    with env.db.read() as s:
        assert len({p.number for p in plates_of(s, aid)}) == 3
    assert first.status == "已办结"


def test_someone_without_a_new_car_is_told_before_the_form(env: Env, people) -> None:
    with pytest.raises(DomainError) as exc:
        applications.prepare(env, TEMP, account_id(env, people["driver_normal"]))
    assert exc.value.message.startswith("您名下没有未注册登记的新车")


def test_the_database_keeps_numbers_unique(env: Env, people) -> None:
    aid = account_id(env, people["points_study"])
    applications.submit(env, TEMP, aid, {**FORM, "days": "1"})
    with env.db.write() as s:
        plate = plates_of(s, aid)[0]
        twin = TemporaryPlate(number=plate.number, new_vehicle_id=plate.new_vehicle_id, valid_from=date(2026, 12, 5),
                              valid_to=date(2026, 12, 5), issued_at=datetime(2026, 12, 1, 9))
        with pytest.raises(IntegrityError), s.begin_nested():
            s.add(twin)
            s.flush()


def test_a_drawn_number_already_taken_is_drawn_again(env: Env, people, monkeypatch) -> None:
    aid = account_id(env, people["points_study"])
    applications.submit(env, TEMP, aid, {**FORM, "days": "1"})
    with env.db.read() as s:
        taken = plates_of(s, aid)[0].number
    draws = iter(taken[2:] + "7777")
    monkeypatch.setattr("kiosk.services.temp_plate.secrets.choice", lambda chars: next(draws))
    done = applications.submit(env, TEMP, aid, {**FORM, "start": "2026-12-02", "days": "1"})
    assert "已核发临时号牌渝A7777，" in done.note


def test_a_demo_database_from_before_migration_0011_gets_the_new_car(tmp_path, settings_factory) -> None:
    from alembic import command

    from kiosk.db.migrate import alembic_config
    from kiosk.services import bootstrap
    from kiosk.services.env import make_env

    env = make_env(settings_factory(tmp_path, "old.db"))
    try:
        bootstrap.prepare(env)
        command.downgrade(alembic_config(env.settings.db_url), "0010")  # as made by the version before
        assert bootstrap.prepare(env) is False
        bootstrap.prepare(env)  # and again: nothing added twice
        with env.db.read() as s:
            [car] = s.scalars(select(NewVehicle)).all()
            assert (car.vin, car.invoice_date, car.insurance_due, car.plate_prefix) == (
                DEMO_VIN, date(2026, 11, 28), date(2027, 11, 27), "渝A")
    finally:
        env.db.dispose()


def test_the_next_plate_is_refused_before_the_form_until_a_week_before_the_last_one_ends(env: Env, people) -> None:
    aid = account_id(env, people["points_study"])
    applications.submit(env, TEMP, aid, {**FORM, "days": "30"})  # 12-01 .. 12-30
    with pytest.raises(DomainError) as exc:
        applications.prepare(env, TEMP, aid)
    assert "该车临时号牌有效期至2026-12-30，可于2026-12-24起申请下一副" in exc.value.message


def test_the_counter_file_shows_the_new_car_and_its_temporary_plates(env: Env, people) -> None:
    """A clerk asked about a 临时号牌 finds it in the citizen's file (it was on no counter screen)."""
    from kiosk.services import counter_citizen
    from kiosk.services.staff import StaffSession
    from kiosk.ui.screens.counter.citizen_summary import summary_text

    clerk = StaffSession("J1001", "王警官", ("counter",))

    p = people["points_study"]  # 宋佳
    aid = account_id(env, p)
    with env.db.read() as s:
        [car] = counter_citizen.new_cars_in(s, aid)
    assert (car.vin, car.label, car.plates) == (DEMO_VIN, "大众牌 朗逸", ())
    done = applications.submit(env, TEMP, aid, FORM)
    number = re.search(r"已核发临时号牌(\S{6})，", done.note).group(1)
    file = counter_citizen.load(env, clerk, aid)
    assert file.new_cars[0].plates == ((number, date(2026, 12, 1), date(2026, 12, 30)),)
    text = summary_text(file).plain
    assert f"未注册新车：大众牌 朗逸  车辆识别代号 {DEMO_VIN}  临时号牌 {number}（2026-12-01至2026-12-30）" in text
    assert "未注册新车" not in summary_text(counter_citizen.load(env, clerk, account_id(env, people["driver_normal"]))).plain


def test_a_unit_reads_of_its_own_new_cars(env: Env, people) -> None:
    """A unit account (单位用户) with a new car: 本单位名下, not 本人名下 (a person's wording stays)."""
    unit = account_id(env, people["unit"])
    with env.db.write() as s:
        s.add(NewVehicle(owner_id=unit, vin=with_check_char("LGWEF6A7", "RH123456"), vehicle_type="重型厢式货车",
                         brand="东风牌", model="天龙", invoice_date=date(2026, 11, 30), insurance_due=date(2027, 11, 29),
                         plate_prefix="渝D", plate_kind="大型汽车"))
    intro = applications.prepare(env, TEMP, unit).intro
    assert intro.startswith("为本单位名下未注册登记的新车申请临时号牌") and "本人" not in intro
    person = applications.prepare(env, TEMP, account_id(env, people["points_study"])).intro
    assert person.startswith("为本人名下未注册登记的新车申请临时号牌")
