"""A new session joins its plan (office, day, subject) and keeps the plan's booking window: other
dates are refused, naming the plan's, instead of moving the window of every session in it. And a
session (3 hours) starts within exam hours."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.db.models import ExamPlan, ExamSession, ExamSite
from kiosk.domain.errors import DomainError
from kiosk.services import exam_admin
from kiosk.services.staff import StaffSession

EXAMS = StaffSession("J1003", "赵考务", ("exam_admin",))


def _demo_plan(env) -> tuple[ExamPlan, int]:
    """A demo plan (科目二, site 1) and its site; it has the demo's two sessions."""
    with env.db.read() as s:
        office = s.get(ExamSite, 1).office_id
        plan = s.scalars(select(ExamPlan).where(ExamPlan.office_id == office, ExamPlan.subject == 2,
                                                ExamPlan.exam_date > env.clock.now().date())
                         .order_by(ExamPlan.exam_date.desc())).first()
        return plan, 1


def _form(plan: ExamPlan, site: int, **kw) -> exam_admin.SessionForm:
    base = dict(site_id=site, exam_date=f"{plan.exam_date}", start_time="17:00", subject="2", classes="C1C2",
                seats="40", priority_quota="4", opens_on=f"{plan.booking_opens_at:%Y-%m-%d}",
                publish_on=f"{plan.publish_on}")
    base.update(kw)
    return exam_admin.SessionForm(**base)


def _window(env, plan_id: int) -> tuple:
    with env.db.read() as s:
        p = s.get(ExamPlan, plan_id)
        return p.booking_opens_at, p.publish_on


def test_a_new_session_with_other_dates_does_not_change_the_existing_plan(env) -> None:
    plan, site = _demo_plan(env)
    before = _window(env, plan.id)
    expected = (f"该考场当日科目二已有考试计划，开放预约日期为{plan.booking_opens_at:%Y-%m-%d %H:%M}，"
                f"结果公布日期为{plan.publish_on:%Y-%m-%d}；新场次须与之相同（两项均留空即沿用）")
    for changed, field in ((dict(opens_on="2026-12-05"), "opens_on"),
                           (dict(publish_on=f"{plan.publish_on - timedelta(days=1)}"), "publish_on")):
        with pytest.raises(DomainError) as refused:
            exam_admin.save_session(env, EXAMS, _form(plan, site, **changed))
        assert (refused.value.field, refused.value.message) == (field, expected)
    assert _window(env, plan.id) == before
    with env.db.read() as s:
        assert s.scalar(select(ExamSession.id).where(ExamSession.plan_id == plan.id,
                                                     ExamSession.start_time == exam_admin.time(17, 0))) is None
    row = exam_admin.save_session(env, EXAMS, _form(plan, site))  # the same dates: joins the plan
    assert row.plan_id == plan.id and _window(env, plan.id) == before


@pytest.mark.parametrize("start, ok", [("06:59", False), ("07:00", True), ("18:00", True), ("18:01", False),
                                       ("23:00", False)])
def test_a_session_starts_within_exam_hours(env, start: str, ok: bool) -> None:
    """On a day with no demo plan (so no other session overlaps)."""
    form = exam_admin.SessionForm(1, "2027-03-10", start, "2", "C1", "30", "3", "2026-12-05", "2027-03-08")
    if ok:
        assert f"{exam_admin.save_session(env, EXAMS, form).start_time:%H:%M}" == start
        return
    with pytest.raises(DomainError) as refused:
        exam_admin.save_session(env, EXAMS, form)
    assert refused.value.field == "start_time"
    assert refused.value.message == "开考时间须在07:00到18:00之间（每场考试3小时，最晚21:00结束）"
