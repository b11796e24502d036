"""A new session on a site, day and subject that already has a plan: the plan's window is named
first (before the 10-day rule, which the plan's own window keeps anyway), and leaving both window
dates empty takes it. The 10-day rule never suggests an opening day already past."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.db.models import ExamPlan, ExamSite
from kiosk.domain.errors import DomainError
from kiosk.services import exam_admin
from tests.integration.test_exam_plan_window import EXAMS, _demo_plan, _form, _window


def _refused(env, form: exam_admin.SessionForm) -> DomainError:
    with pytest.raises(DomainError) as refused:
        exam_admin.save_session(env, EXAMS, form)
    return refused.value


def _plan_on(env, day):  # type: ignore[no-untyped-def]
    """The demo's 科目二 plan of site 1's office on ``day``."""
    with env.db.read() as s:
        office = s.get(ExamSite, 1).office_id
        return s.scalars(select(ExamPlan).where(ExamPlan.office_id == office, ExamPlan.subject == 2,
                                                ExamPlan.exam_date == day)).one()


def test_the_existing_plans_window_is_named_before_the_ten_day_rule(env) -> None:
    """The tester's case: a plan 8 days ahead; a window typed for the new session broke the 10-day
    rule first (naming an opening day already past), though only the plan's own window may be used."""
    today = env.clock.now().date()
    plan, site = _plan_on(env, today + timedelta(days=8)), 1
    late = _form(plan, site, opens_on=f"{today}", publish_on=f"{plan.exam_date - timedelta(days=1)}")
    err = _refused(env, late)
    assert err.field == "opens_on" and err.message.startswith(
        f"该考场当日科目二已有考试计划，开放预约日期为{plan.booking_opens_at:%Y-%m-%d %H:%M}，"
        f"结果公布日期为{plan.publish_on:%Y-%m-%d}；新场次须与之相同")


def test_empty_window_dates_take_the_existing_plans(env) -> None:
    plan, site = _demo_plan(env)
    before = _window(env, plan.id)
    row = exam_admin.save_session(env, EXAMS, _form(plan, site, opens_on="", publish_on=" "))
    assert row.plan_id == plan.id and (row.opens_on, row.publish_on) == (before[0].date(), before[1])


def test_empty_window_dates_without_a_plan_are_asked_for(env) -> None:
    """Not 请按 2026-12-01 的格式输入开放预约日期: nothing was typed, and no plan gives the dates."""
    form = exam_admin.SessionForm(1, "2027-03-10", "08:30", "2", "C1", "30", "3", "", "")
    err = _refused(env, form)
    assert (err.field, err.message) == ("opens_on", "该考场当日科目二还没有考试计划，请填写开放预约日期")
    form = exam_admin.SessionForm(1, "2027-03-10", "08:30", "2", "C1", "30", "3", "2026-12-05", " ")
    err = _refused(env, form)
    assert (err.field, err.message) == ("publish_on", "该考场当日科目二还没有考试计划，请填写结果公布日期")
    form = exam_admin.SessionForm(1, "2027-03-10", "08:30", "2", "C1", "30", "3", "2026-12", "2027-03-08")
    # typed, but no date: the example names a day booking may open on (today)
    assert _refused(env, form).message == f"请按 {env.clock.now():%Y-%m-%d} 的格式输入开放预约日期"
    form = exam_admin.SessionForm(1, "", "08:30", "2", "C1", "30", "3", "2026-12-05", "2027-03-08")
    assert (_refused(env, form).field, _refused(env, form).message) == ("exam_date", "请输入考试日期")


def test_one_window_date_left_empty_beside_a_plan_says_both_may_be(env) -> None:
    plan, site = _demo_plan(env)
    err = _refused(env, _form(plan, site, publish_on=""))
    assert (err.field, err.message) == ("publish_on", "请填写结果公布日期（两项均留空即沿用该考试计划的日期）")


def test_the_ten_day_rule_never_suggests_a_past_opening_day(env) -> None:
    today = env.clock.now().date()
    exam_day = today + timedelta(days=8)  # its latest opening day (exam day - 10) is already past
    form = exam_admin.SessionForm(1, f"{exam_day}", "08:30", "4", "C1", "30", "0", f"{today}",
                                  f"{today + timedelta(days=2)}")
    err = _refused(env, form)
    assert (err.field, err.message) == (
        "exam_date", f"考试日期过近：今天公布的考试计划，考试日期最早为{today + timedelta(days=10)}")


def test_a_past_exam_date_is_past_not_too_close(env) -> None:
    today = env.clock.now().date()
    form = exam_admin.SessionForm(1, f"{today - timedelta(days=1)}", "08:30", "4", "C1", "30", "0",
                                  f"{today - timedelta(days=20)}", f"{today - timedelta(days=5)}")
    err = _refused(env, form)
    assert err.field == "exam_date" and err.message.startswith("考试日期已过")
