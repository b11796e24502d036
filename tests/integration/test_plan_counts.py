"""已申请人数 stays true when a clerk changes an open plan (kiosk.services.plan_counts): a session
added to it counts the 服从系统安排 applications already waiting that it fits, and a plan anyone
has applied in keeps its window. Before, allocation released placed applicants from a session
they had never been counted in (lowering others' counts), or kept counting them (the reviewer's
two cases)."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kiosk.db.models import ExamPlan, ExamSession
from kiosk.domain.errors import DomainError
from kiosk.services import allocation_service, exam_admin
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import add_learners, book, sessions
from tests.integration.test_exam_plan_window import EXAMS

PUBLISH = date(2026, 12, 2)


def _plan_of(env, session_id: int) -> ExamPlan:
    with env.db.read() as s:
        return s.get(ExamPlan, s.get(ExamSession, session_id).plan_id)


def _applicants(env, session_id: int) -> int:
    with env.db.read() as s:
        return s.get(ExamSession, session_id).applicants


def test_a_session_added_to_an_open_plan_counts_those_already_waiting(env):
    early, late = add_learners(env, 2)[::-1]  # ``early`` ranks first
    first = sessions(env, early, 2, "2026-12-04", "2026-12-04")[0]
    later = [r for r in sessions(env, early, 2, "2026-12-05", "2026-12-05") if r.site_id == first.site_id][0]
    book(env, early, BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 5), first.site_id))
    plan = _plan_of(env, later.id)
    added = exam_admin.save_session(env, EXAMS, exam_admin.SessionForm(
        site_id=first.site_id, exam_date="2026-12-05", start_time="17:00", subject="2", classes="C1C2", seats="10",
        priority_quota="0", opens_on=f"{plan.booking_opens_at:%Y-%m-%d}", publish_on=f"{plan.publish_on}"))
    assert _applicants(env, added.id) == 1  # ``early`` waits for it too: allocation may place her there
    book(env, late, BookingRequest(2, "system", (), date(2026, 12, 5), date(2026, 12, 5), first.site_id))
    assert _applicants(env, added.id) == 2
    env.clock.advance(days=1)
    assert allocation_service.run(env, PUBLISH).placed == 1  # ``early``, on 12-04
    assert _applicants(env, added.id) == 1  # ``late`` still waits; before: 0


def test_a_plan_someone_applied_in_keeps_its_window(env):
    learner = add_learners(env, 1)[0]
    row = sessions(env, learner, 2, "2026-12-15", "2026-12-15")[0]
    plan = _plan_of(env, row.id)
    with env.db.read() as s:
        x = s.get(ExamSession, row.id)
        form = dict(site_id=x.site_id, exam_date="2026-12-15", start_time=f"{x.start_time:%H:%M}", subject="2",
                    classes=x.classes, seats=f"{x.seats}", priority_quota=f"{x.priority_quota}", session_id=x.id)
    later_opening = dict(opens_on="2026-12-05", publish_on=f"{plan.publish_on}")
    book(env, learner, BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 21)))
    with pytest.raises(DomainError) as err:
        exam_admin.save_session(env, EXAMS, exam_admin.SessionForm(**form, **later_opening))
    assert err.value.field == "opens_on" and "已有考生申请，不能再更改开放预约日期和结果公布日期" in err.value.message
    assert _plan_of(env, row.id).booking_opens_at == plan.booking_opens_at
    # the rest of the session may still change; the window as it is
    same = dict(opens_on=f"{plan.booking_opens_at:%Y-%m-%d}", publish_on=f"{plan.publish_on}")
    assert exam_admin.save_session(env, EXAMS, exam_admin.SessionForm(**{**form, "seats": "45"}, **same)).seats == 45


def _edit(env, session_id: int, **changes) -> exam_admin.SessionRow:
    with env.db.read() as s:
        x = s.get(ExamSession, session_id)
        p = s.get(ExamPlan, x.plan_id)
        form = dict(session_id=x.id, site_id=x.site_id, exam_date=f"{x.exam_date}", start_time=f"{x.start_time:%H:%M}",
                    subject=f"{x.subject}", classes=x.classes, seats=f"{x.seats}", priority_quota=f"{x.priority_quota}",
                    opens_on=f"{p.booking_opens_at:%Y-%m-%d}", publish_on=f"{p.publish_on}")
    return exam_admin.save_session(env, EXAMS, exam_admin.SessionForm(**{**form, **changes}))


def _first_session(env, site: int, *where) -> ExamSession:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return s.scalars(select(ExamSession).join(ExamPlan).where(
            ExamSession.site_id == site, ExamSession.subject == 2, *where).order_by(ExamSession.exam_date)).first()


def test_a_plan_opened_earlier_or_a_class_added_counts_those_already_waiting(env):
    """The reviewer's second round: moving a plan nobody is counted in to open earlier, or adding
    a class to a session nobody applied for, lets applications already waiting fit it; they are
    counted at once, so a later cancellation does not take someone else's count."""
    learner = add_learners(env, 1)[0]
    site = sessions(env, learner, 2, "2026-12-04", "2026-12-04")[0].site_id
    now = env.clock.now()
    not_open = _first_session(env, site, ExamPlan.booking_opens_at > now, ExamSession.classes.contains("C1"))
    other_class = _first_session(env, site, ExamPlan.booking_opens_at <= now, ExamPlan.publish_on > now.date(),
                                 ~ExamSession.classes.contains("C1"))
    last = max(not_open.exam_date, other_class.exam_date)
    book(env, learner, BookingRequest(2, "system", (), date(2026, 12, 4), last, site))
    assert _applicants(env, not_open.id) == 0 and _applicants(env, other_class.id) == 0
    _edit(env, not_open.id, opens_on="2026-11-30")
    assert _applicants(env, not_open.id) == 1  # open now, and the waiting application fits it
    _edit(env, other_class.id, classes=other_class.classes + "C1")
    assert _applicants(env, other_class.id) == 1
