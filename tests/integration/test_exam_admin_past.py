"""考试计划与安排 after the fact: a session whose exam day has gone by, or that has started on its day,
is no longer edited (seats, quota, time, classes, nor its plan's booking window through it), told
before any field of the form; a plan whose results are published takes no new session."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry, ExamPlan, ExamSession
from kiosk.domain.errors import DomainError
from kiosk.services import exam_admin, exam_admin_results
from kiosk.services.staff import StaffSession

EXAMS = StaffSession("J1003", "赵考务", ("exam_admin",))


def _form(**kw) -> exam_admin.SessionForm:
    base = dict(site_id=1, exam_date="2027-02-10", start_time="10:00", subject="1", classes="C1C2", seats="40",
                priority_quota="4", opens_on="2026-12-05", publish_on="2027-02-08")
    base.update(kw)
    return exam_admin.SessionForm(**base)


def _refused(env, form: exam_admin.SessionForm) -> DomainError:
    with pytest.raises(DomainError) as refused:
        exam_admin.save_session(env, EXAMS, form)
    return refused.value


def _saved(env, session_id: int) -> tuple:
    with env.db.read() as s:
        x = s.get(ExamSession, session_id)
        return x.start_time, x.classes, x.seats, x.priority_quota, x.plan.booking_opens_at, x.plan.publish_on


def _edits(env) -> int:
    with env.db.read() as s:
        return len(list(s.scalars(select(AuditEntry.id).where(AuditEntry.action == "exam_session_save"))))


@pytest.mark.parametrize("changed", [
    dict(seats="60"), dict(priority_quota="0"), dict(start_time="14:00"), dict(classes="C1"),
    dict(opens_on="2026-12-06", publish_on="2027-02-09"),  # the plan's window, through the session
    dict(seats="abc"),  # a wrong field too: the past session is what is told
])
def test_a_session_whose_exam_day_has_passed_is_not_edited(env, changed) -> None:
    row = exam_admin.save_session(env, EXAMS, _form())
    before, edits = _saved(env, row.id), _edits(env)
    env.clock.advance(days=72)  # 2027-02-11: the day after the exam
    err = _refused(env, _form(session_id=row.id, **changed))
    assert err.message.startswith("该场次考试日期已过，不能修改") and "2027-02-10" in err.message
    assert err.field == "session"  # said by the form (kiosk.ui.screens.counter.exam_plans), not by one field
    assert _saved(env, row.id) == before and _edits(env) == edits  # nothing changed, nothing audited


def test_the_exam_day_itself_still_may_be_edited(env) -> None:
    row = exam_admin.save_session(env, EXAMS, _form())
    env.clock.advance(days=71)  # 2027-02-10, the exam day: not passed
    assert exam_admin.save_session(env, EXAMS, _form(session_id=row.id, seats="50")).seats == 50


@pytest.mark.parametrize("changed", [dict(seats="50"), dict(start_time="14:00"), dict(seats="abc")])
def test_a_session_that_has_started_on_its_exam_day_is_not_edited(env, changed) -> None:
    """On the exam day after its start (10:00) the session is being held: refused as a past day is."""
    row = exam_admin.save_session(env, EXAMS, _form())
    before, edits = _saved(env, row.id), _edits(env)
    env.clock.advance(days=71, hours=1)  # 2027-02-10 10:00, the start
    err = _refused(env, _form(session_id=row.id, **changed))
    assert err.message.startswith("该场次考试已开始，不能修改") and "2027-02-10 10:00" in err.message
    assert err.field == "session"
    env.clock.advance(hours=5)  # 15:00, the exam over: still refused
    assert _refused(env, _form(session_id=row.id, **changed)).message.startswith("该场次考试已开始，不能修改")
    assert _saved(env, row.id) == before and _edits(env) == edits


def test_the_exam_day_before_the_start_may_be_edited(env) -> None:
    row = exam_admin.save_session(env, EXAMS, _form())
    env.clock.advance(days=71, minutes=59)  # 2027-02-10 09:59, a minute before the start
    assert exam_admin.save_session(env, EXAMS, _form(session_id=row.id, seats="50")).seats == 50


def test_a_demo_session_held_last_week_is_not_edited(env) -> None:
    """The demo's history: an allocated plan whose exam is past, with its placed candidates."""
    today = env.clock.now().date()
    with env.db.read() as s:
        x = s.scalars(select(ExamSession).join(ExamPlan).where(ExamSession.exam_date < today)
                      .order_by(ExamSession.exam_date.desc())).first()
        form = exam_admin.SessionForm(x.site_id, f"{x.exam_date}", f"{x.start_time:%H:%M}", str(x.subject), x.classes,
                                      str(x.seats + 10), str(x.priority_quota), f"{x.plan.booking_opens_at:%Y-%m-%d}",
                                      f"{x.plan.publish_on}", session_id=x.id)
        seats = x.seats
    assert _refused(env, form).field == "session"
    with env.db.read() as s:
        assert s.get(ExamSession, form.session_id).seats == seats


def test_a_published_plan_takes_no_new_session(env) -> None:
    """Booking closed and the results told: a session added then could never be booked."""
    exam_admin.save_session(env, EXAMS, _form())
    env.clock.advance(days=69)  # 2027-02-08: the publication day
    exam_admin_results.run_allocation(env, EXAMS, "2027-02-08")
    err = _refused(env, _form(start_time="14:00", opens_on="", publish_on=""))
    assert err.field == "exam_date" and "已公布预约结果，不能再新增场次" in err.message
    with env.db.read() as s:
        assert len(list(s.scalars(select(ExamSession.id).where(
            ExamSession.site_id == 1, ExamSession.subject == 1, ExamSession.exam_date == date(2027, 2, 10))))) == 1


def test_an_unpublished_plan_past_its_publication_day_still_takes_a_session(env) -> None:
    """待安排 (publication day come, not yet allocated): a new session still takes part in the allocation."""
    exam_admin.save_session(env, EXAMS, _form())
    env.clock.advance(days=69)
    assert exam_admin.save_session(env, EXAMS, _form(start_time="14:00", opens_on="", publish_on="")).seats == 40
