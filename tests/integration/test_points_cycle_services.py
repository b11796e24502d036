"""A new 记分周期 starts from 0 on every screen and rule that reads the points (L163 Art 15:
kiosk.domain.points.points_now), unless they reached 12 or the licence says 违法未处理."""
from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import select

from kiosk.db.models import DrivingLicence
from kiosk.domain.errors import DomainError
from kiosk.domain.points import cycle_of
from kiosk.services import applications, counter_applications, elicence, elicence_card, profile
from kiosk.services.licence_delay import DELAYS
from kiosk.services.points_study import PointsStudy
from kiosk.services.review_education import ReviewEducation
from kiosk.services.staff import StaffSession
from tests.booking_helpers import account_id

CLERK = StaffSession("J1001", "王警官", ("counter",))
STUDY, REVIEW = PointsStudy(), ReviewEducation()
DELAY_REVIEW = next(d for d in DELAYS if d.spec.status == "T")


def next_cycle(env, acc: int) -> datetime:  # type: ignore[no-untyped-def]
    """The first moment of the driver's next 记分周期."""
    with env.db.read() as s:
        first = s.scalar(select(DrivingLicence.first_issued_on).where(DrivingLicence.account_id == acc))
    return datetime.combine(cycle_of(first, env.clock.now().date())[1], time(9, 0))


def move_to(env, when: datetime) -> None:  # type: ignore[no-untyped-def]
    env.clock.advance(seconds=(when - env.clock.now()).total_seconds())


def shown(env, acc: int) -> int:  # type: ignore[no-untyped-def]
    return profile.licence_of(env, acc).points  # type: ignore[union-attr]


def refusal(env, service, acc: int) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as err:
        applications.prepare(env, service, acc)
    return err.value.message


def test_points_of_the_ended_cycle_are_cleared_everywhere(env, people) -> None:
    acc = account_id(env, people["points_study"])  # 宋佳, 4 points
    elicence.apply_direct(env, acc)
    assert shown(env, acc) == 4
    move_to(env, next_cycle(env, acc))
    assert shown(env, acc) == 0  # 我的驾驶证 and the counter's summary
    assert refusal(env, STUDY, acc) == "本记分周期没有记分记录，无需申请学法减分"
    card = dict(elicence_card.display(env, acc).card.fields)  # type: ignore[union-attr]
    assert card["累积记分"] == "0分"


def test_the_day_before_the_new_cycle_they_still_count(env, people) -> None:
    acc = account_id(env, people["points_nine"])  # 黄敏, 10 points, no car (宋佳's is overdue by then)
    env.clock.advance(seconds=(next_cycle(env, acc) - env.clock.now()).total_seconds() - 3600 * 10)
    assert shown(env, acc) == 10
    assert "当前记分：10分" in applications.prepare(env, STUDY, acc).intro


def test_a_study_applied_for_in_the_old_cycle_is_not_finished_in_the_new_one(env, people) -> None:
    acc = account_id(env, people["points_nine"])
    move_to(env, next_cycle(env, acc).replace(hour=8))
    env.clock.advance(days=-1)
    serial = applications.submit(env, STUDY, acc, {"way": "公益网点"}).serial_no
    env.clock.advance(days=2)  # the publicity is over in the new cycle: nothing left to reduce
    with pytest.raises(DomainError, match="再次复核不符合减分条件：本记分周期没有记分记录"):
        counter_applications.finish(env, CLERK, acc, serial, "公益活动公示期满")


@pytest.mark.parametrize("key, points", [("violation", 3), ("full_score", 12)])
def test_unhandled_violations_and_a_full_score_stay(env, people, key: str, points: int) -> None:
    acc = account_id(env, people[key])  # 赵磊 (违法未处理, 3 points), 徐明 (超分, 12 points)
    move_to(env, next_cycle(env, acc))
    assert shown(env, acc) == points


def test_review_education_and_its_delay_follow_the_new_cycle(env, people) -> None:
    acc = account_id(env, people["coach_driver"])  # 韩刚, A1 with 9 points
    move_to(env, next_cycle(env, acc) + timedelta(days=366 + 30))  # a cycle later: the 9 points' cycle is past
    assert "免予本记分周期审验" in refusal(env, REVIEW, acc)
    assert "免予本记分周期审验" in refusal(env, DELAY_REVIEW, acc)


def test_a_study_finished_writes_the_points_into_the_cycle(env, people) -> None:
    acc = account_id(env, people["points_study"])
    env.clock.advance(days=5)  # the demo recorded its points on the day it was loaded
    serial = applications.submit(env, STUDY, acc, {"way": "网上学习"}).serial_no
    env.clock.advance(minutes=30)
    counter_applications.finish(env, CLERK, acc, serial, "学习考试合格")
    with env.db.read() as s:
        lic = s.scalars(select(DrivingLicence).where(DrivingLicence.account_id == acc)).one()
        assert (lic.points, lic.points_recorded_on) == (3, env.clock.now().date())
