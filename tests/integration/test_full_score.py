"""满分学习考试 on a real SQLite file: who may apply, the cities, the days, the sessions, the
application in 网办进度 / inbox / SMS, one at a time, and the counter's 复核 clearing the points."""
from __future__ import annotations

import pytest
from sqlalchemy import select, update

from datetime import date, datetime

from kiosk.db.models import Application, DrivingLicence, Message, Vehicle, Violation
from kiosk.domain.errors import DomainError, StillPending
from kiosk.services import applications, counter_applications
from kiosk.services.full_score import FullScoreStudy
from kiosk.services.staff import StaffSession
from tests.booking_helpers import account_id

CLERK = StaffSession("J1001", "王警官", ("counter",))
FULL = FullScoreStudy()


def add_violation(env, acc: int, place: str = "江苏省连云港市海州区海连中路", plate: str = "渝A7M305") -> None:  # type: ignore[no-untyped-def]
    """A car of the driver's with a violation at ``place`` (the demo has none for 徐明)."""
    with env.db.write() as s:
        car = Vehicle(owner_id=acc, plate=plate, vehicle_type="小型轿车", brand="长安牌",
                      inspection_due=date(2027, 6, 1), insurance_due=date(2027, 6, 1), phone="13923000125")
        s.add(car)
        s.flush()
        s.add(Violation(vehicle_id=car.id, occurred_at=datetime(2026, 11, 6, 8, 12), place=place,
                        behaviour="驾驶机动车在高速公路、城市快速路以外的道路上行驶超过规定时速50%以上的", points=6, fine=1000))


def _form(prepared, on_site: int, online: int, n: int, city: str = "重庆", office: str = "渝中车管所") -> dict:
    city_of = prepared.context["cities"][city]
    keys = [s.key for s in city_of.sessions if s.office == office][:n]
    return {"city": city, "on_site_days": str(on_site), "online_days": str(online), "sessions": ",".join(keys)}


def test_xu_ming_applies_and_the_counter_clears_the_points(env, people) -> None:
    acc = account_id(env, people["full_score"])
    assert applications.prepare(env, FULL, acc).choices["city"] == [("重庆（驾驶证核发地）", "重庆")]
    add_violation(env, acc, "重庆市渝北区金开大道", "渝A7M306")
    add_violation(env, acc)
    prepared = applications.prepare(env, FULL, acc)
    assert "您本记分周期累积记分12分" in prepared.intro and "教育共7天" in prepared.intro and "合计不少于5天（现场教育不少于2天），其余为自主学习" in prepared.intro
    assert prepared.choices["city"] == [("重庆（驾驶证核发地、交通违法行为发生地）", "重庆"),
                                        ("连云港（交通违法行为发生地）", "连云港")]
    assert prepared.initial == {"city": "重庆", "on_site_days": "2", "online_days": "3"}
    lyg = prepared.context["cities"]["连云港"].sessions
    assert lyg and {s.office for s in lyg} == {"连云港市车管所"} and all(s.day.isoweekday() in (1, 3, 5) for s in lyg)
    with pytest.raises(DomainError, match="请选择2个现场教育场次（已选1个）") as err:
        applications.check(FULL, _form(prepared, 2, 3, 1), prepared)
    assert err.value.field == "sessions"
    with pytest.raises(DomainError, match="已不可预约"):
        applications.check(FULL, {**_form(prepared, 2, 3, 2), "sessions": "2020-01-01 09:00-17:00 渝中车管所"}, prepared)
    done = applications.submit(env, FULL, acc, _form(prepared, 2, 3, 2))
    assert (done.title, done.status) == ("满分学习考试", "受理中")
    assert ("现场教育场次2", "12月3日 周四 09:00-17:00 渝中车管所") in done.summary
    assert done.summary[-1] == ("现场教育地点", "渝中车管所（重庆市渝中区经纬大道555号）")
    assert "地点：渝中车管所（重庆市渝中区经纬大道555号）。网络教育3天、自主学习2天请登录交管12123 App" in done.note
    (view,) = [a for a in applications.list_for(env, acc) if a.kind == "full_score"]
    assert view.payload["last_session"] == "2026-12-03" and view.payload["self_study_days"] == "2"
    assert "现场教育场次：12月2日 周三" in view.events[0].note
    with env.db.read() as s:
        text = s.scalars(select(Message.body).where(Message.account_id == acc).order_by(Message.id.desc())).first()
    assert f"满分学习考试申请（业务流水号{done.serial_no}）已受理（重庆，共7天）" in text
    with pytest.raises(StillPending) as pending:  # a second one while it is open
        applications.prepare(env, FULL, acc)
    assert pending.value.serial_no == done.serial_no and "12月2日 周三 09:00-17:00 渝中车管所" in pending.value.message
    assert counter_applications.finish_choices("full_score", "受理中") == ("考试合格，已复核",)
    with pytest.raises(DomainError, match="最后一个现场教育场次为2026年12月3日"):
        counter_applications.finish(env, CLERK, acc, done.serial_no, "考试合格，已复核")
    env.clock.advance(days=10)
    handled = counter_applications.finish(env, CLERK, acc, done.serial_no, "考试合格，已复核")
    assert "记分已清除，驾驶证状态：正常" in handled.note
    with env.db.read() as s:
        lic = s.scalars(select(DrivingLicence).where(DrivingLicence.account_id == acc)).one()
        assert (lic.points, lic.status) == (0, "A")
    with pytest.raises(DomainError) as refused:  # not 累积记分0分，未满12分 (tester): he reached 12 and finished
        applications.prepare(env, FULL, acc)
    assert refused.value.message == (f"本记分周期的满分教育已完成（业务流水号{done.serial_no}，2026年12月11日复核办结），"
                                     "无需再次申请。本记分周期再次累积记分满12分的，须再次参加满分教育")
    with env.db.write() as s:  # a second full score in the same cycle: 14 days
        s.execute(update(DrivingLicence).where(DrivingLicence.account_id == acc).values(points=12, status="B"))
    again = applications.prepare(env, FULL, acc)
    assert "本记分周期第2次累积记分满12分" in again.intro and "教育共14天" in again.intro
    assert FULL.day_plan(again).self_study(*FULL.day_plan(again).default_split()) == 9


def test_the_counter_is_told_too_early_before_choosing_the_way(env, people) -> None:
    """finish_blocked (tester: only after choosing 考试合格，已复核 did 办结 say it was too early)."""
    acc = account_id(env, people["full_score"])
    prepared = applications.prepare(env, FULL, acc)
    applications.submit(env, FULL, acc, _form(prepared, 2, 3, 2))
    (view,) = [a for a in applications.list_for(env, acc) if a.kind == "full_score"]

    def blocked(now: datetime) -> str | None:
        return counter_applications.finish_blocked(view.kind, view.status, view.payload, view.created_at, now)

    assert blocked(datetime(2026, 12, 3, 18)) == "最后一个现场教育场次为2026年12月3日，现场教育完成并考试合格后才能复核办结"
    assert blocked(datetime(2026, 12, 4, 9)) == "满分教育共7天（2026年12月1日申请），最早可于2026年12月8日复核办结"
    assert blocked(datetime(2026, 12, 8, 9)) is None


def test_a_b_class_driver_needs_ten_taught_days_and_five_sessions(env, people) -> None:
    acc = account_id(env, people["truck_driver"])  # A2, 连云港 licence
    with env.db.write() as s:
        s.execute(update(DrivingLicence).where(DrivingLicence.account_id == acc).values(points=12, status="B"))
    prepared = applications.prepare(env, FULL, acc)
    assert "教育共30天" in prepared.intro and "现场教育不少于5天" in prepared.intro
    assert prepared.choices["city"] == [("连云港（驾驶证核发地）", "连云港")]
    with pytest.raises(DomainError, match="现场教育天数不得少于5天"):
        applications.check(FULL, _form(prepared, 2, 8, 2, "连云港", "连云港市车管所"), prepared)
    checked = applications.check(FULL, _form(prepared, 5, 5, 5, "连云港", "连云港市车管所"), prepared)
    assert checked.clean["self_study_days"] == "20" and checked.clean["total_days"] == "30"
    checked = applications.check(FULL, _form(prepared, 5, 7, 5, "连云港", "连云港市车管所"), prepared)
    assert checked.clean["self_study_days"] == "18"  # more taught days than the least: less 自主学习


def test_a_driver_below_twelve_points_is_refused_before_the_form(env, people) -> None:
    with pytest.raises(DomainError, match="累积记分10分，未满12分"):
        applications.prepare(env, FULL, account_id(env, people["points_nine"]))
    with pytest.raises(DomainError, match="没有机动车驾驶证"):
        applications.prepare(env, FULL, account_id(env, people["no_licence"]))


def test_two_sessions_on_one_day_are_refused(env, people) -> None:
    acc = account_id(env, people["full_score"])
    prepared = applications.prepare(env, FULL, acc)
    sessions = prepared.context["cities"]["重庆"].sessions
    thursday = [s.key for s in sessions if s.day.isoformat() == "2026-12-03"]
    assert len(thursday) == 2  # 渝中车管所 and 车管所三分所
    form = {"city": "重庆", "on_site_days": "2", "online_days": "3", "sessions": ",".join(thursday)}
    with pytest.raises(DomainError, match="同一天只能参加一个现场教育场次"):
        applications.check(FULL, form, prepared)
    with env.db.read() as s:
        assert not s.scalar(select(Application.id).where(Application.kind == "full_score"))
