"""booking_query.first_session_day: the day the default dates of 选择场次 start on, read once when the
step opens for a subject. The demo's plans (on the clock's 2026-12-01 09:00) close on their publication
day, two days before the exam: the sessions of 12-02 (allocated) and 12-03 (published today) can no
longer be booked, those of 12-04 can."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select, update

from kiosk.db.models import ExamPlan, ExamSession, LearnerPermit
from kiosk.services import booking_query
from kiosk.services.booking import first_bookable_day, open_plan_filter
from tests.booking_helpers import account_id


def close_plans(env, subject: int, day: date) -> None:  # type: ignore[no-untyped-def]
    """The plans of ``subject`` on ``day`` published today: booking for them closed."""
    with env.db.write() as s:
        s.execute(update(ExamPlan).where(ExamPlan.subject == subject, ExamPlan.exam_date == day)
                  .values(publish_on=env.clock.now().date()))


def sessions_on(env, subject: int, day: date, open_: bool) -> int:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        plan_open = open_plan_filter(env.clock.now())
        return s.scalar(select(func.count()).select_from(ExamSession).join(ExamPlan)
                        .where(ExamSession.subject == subject, ExamSession.exam_date == day,
                               plan_open if open_ else ~plan_open))


def test_the_first_day_is_that_of_the_first_open_plan_not_tomorrow(env, people):
    aid = account_id(env, people["k2_ready"])
    today = env.clock.now().date()
    assert first_bookable_day(today) == date(2026, 12, 2)
    # closed plans before (sessions there, none bookable), an open one later
    for day in (date(2026, 12, 2), date(2026, 12, 3)):
        assert sessions_on(env, 2, day, open_=False) and not sessions_on(env, 2, day, open_=True)
    assert sessions_on(env, 2, date(2026, 12, 4), open_=True)
    assert booking_query.first_session_day(env, aid, 2) == date(2026, 12, 4)


def test_a_later_open_plan_when_the_first_one_closed_too_per_subject(env, people):
    aid = account_id(env, people["k2_ready"])
    close_plans(env, 3, date(2026, 12, 4))
    assert booking_query.first_session_day(env, aid, 3) == date(2026, 12, 5)
    assert booking_query.first_session_day(env, aid, 2) == date(2026, 12, 4)  # another subject's plans


def test_none_when_no_session_can_be_booked(env, people):
    aid = account_id(env, people["k2_ready"])
    with env.db.write() as s:
        s.execute(update(ExamPlan).where(ExamPlan.subject == 2).values(publish_on=env.clock.now().date()))
    assert booking_query.first_session_day(env, aid, 2) is None


def test_none_when_the_permit_ends_before_the_first_open_day(env, people):
    """Only sessions 查询 would list: up to the learner permit's last valid day."""
    aid = account_id(env, people["k2_ready"])
    with env.db.write() as s:
        s.execute(update(LearnerPermit).where(LearnerPermit.account_id == aid)
                  .values(valid_to=env.clock.now().date() + timedelta(days=2)))
    assert booking_query.first_session_day(env, aid, 2) is None
