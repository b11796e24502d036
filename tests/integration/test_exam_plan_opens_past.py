"""考试计划与安排: a new plan's 开放预约日期 is today or later. A day gone by was accepted and opened
booking at once, unasked; now it is refused under the field. A session joining a plan already open,
and an edit of an open plan's session, keep the day the plan opened."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from kiosk.db.models import ExamPlan, ExamSession
from kiosk.domain.errors import DomainError
from kiosk.services import exam_admin
from kiosk.services.staff import StaffSession

EXAMS = StaffSession("J1003", "赵考务", ("exam_admin",))
REFUSED = "开放预约日期不能早于今天（2026-12-01）"  # the tests' today


def _form(**kw) -> exam_admin.SessionForm:
    base = dict(site_id=1, exam_date="2027-02-10", start_time="10:00", subject="1", classes="C1C2", seats="40",
                priority_quota="4", opens_on="2026-11-30", publish_on="2027-02-08")  # a day with no plan
    base.update(kw)
    return exam_admin.SessionForm(**base)


def _plans(env) -> int:
    with env.db.read() as s:
        return s.scalar(select(func.count(ExamPlan.id)))


def test_a_new_plan_does_not_open_on_a_day_gone_by(env) -> None:
    before = _plans(env)
    with pytest.raises(DomainError) as refused:
        exam_admin.save_session(env, EXAMS, _form())
    assert (refused.value.field, refused.value.message) == ("opens_on", REFUSED)
    assert _plans(env) == before
    row = exam_admin.save_session(env, EXAMS, _form(opens_on="2026-12-01"))  # today: opens today
    assert row.opens_on == env.clock.now().date() and _plans(env) == before + 1


def test_it_is_told_with_the_other_fields_problems_at_once(env) -> None:
    with pytest.raises(DomainError) as refused:
        exam_admin.save_session(env, EXAMS, _form(seats="0", publish_on="2027-02-12"))
    assert refused.value.problems == [("seats", "考位数须在1到999之间"), ("opens_on", REFUSED),
                                      ("publish_on", "须满足：开放预约日期 < 预约结果公布日期 < 考试日期")]
    with pytest.raises(DomainError) as window:  # the same fields right: the window's own round says it too
        exam_admin.save_session(env, EXAMS, _form(publish_on="2027-02-12"))
    assert window.value.problems == refused.value.problems[1:]


def _open_plan(env) -> ExamPlan:
    """A demo plan whose booking opened before today and that is not allocated, with a session at site 1."""
    now = env.clock.now()
    with env.db.read() as s:
        plan = s.scalars(select(ExamPlan).join(ExamSession).where(
            ExamPlan.booking_opens_at < now - timedelta(days=1), ExamPlan.allocated_at.is_(None),
            ExamPlan.publish_on > now.date(), ExamSession.site_id == 1).order_by(ExamPlan.exam_date)).first()
        assert plan is not None
        s.expunge(plan)
        return plan


def test_a_plan_already_open_keeps_its_day(env) -> None:
    plan = _open_plan(env)
    opens, publish = f"{plan.booking_opens_at:%Y-%m-%d}", f"{plan.publish_on}"
    joined = exam_admin.save_session(env, EXAMS, _form(exam_date=f"{plan.exam_date}", subject=str(plan.subject),
                                                       start_time="18:00", opens_on=opens, publish_on=publish))
    assert joined.plan_id == plan.id  # a new session in it, typed with the plan's own dates
    rows = [r for r in exam_admin.list_sessions(env, EXAMS, f"{plan.exam_date}", f"{plan.exam_date}")
            if r.plan_id == plan.id and r.id != joined.id]
    row = rows[0]
    edited = exam_admin.SessionForm(row.site_id, f"{row.exam_date}", f"{row.start_time:%H:%M}", str(row.subject),
                                    row.classes, str(row.seats + 1), str(row.priority_quota), opens, publish,
                                    session_id=row.id, loaded=exam_admin.shown(row))
    assert exam_admin.save_session(env, EXAMS, edited).seats == row.seats + 1  # an edit of an open plan saves
