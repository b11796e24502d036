"""考试计划与安排's 保存场次 tells an overlap with another session of the site in the same round as
the form's other problems, when the site, the date, the time and the subject it needs are right
(tester: 渝中考场 2026-12-21 08:30 科目二 with both window dates wrong was told only the plan's window;
once that was fixed, the next save said 与本考场08:30开考的科目二场次时间重叠)."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.db.models import ExamSession
from kiosk.domain.errors import DomainError, FieldErrors
from tests.integration.test_exam_plan_window import EXAMS, _demo_plan, _form
from kiosk.services import exam_admin


def _problems(env, form) -> dict[str | None, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as refused:
        exam_admin.save_session(env, EXAMS, form)
    err = refused.value
    return dict(err.problems if isinstance(err, FieldErrors) else [(err.field, err.message)])


def _taken(env, plan) -> str:  # type: ignore[no-untyped-def]
    """The start of a session already in ``plan`` at site 1 (the new one would overlap it)."""
    with env.db.read() as s:
        start = s.scalar(select(ExamSession.start_time).where(ExamSession.plan_id == plan.id,
                                                             ExamSession.site_id == 1))
    return f"{start:%H:%M}"


def test_the_overlap_comes_with_the_plans_window(env) -> None:
    plan, site = _demo_plan(env)
    start = _taken(env, plan)
    wrong = dict(opens_on=f"{plan.booking_opens_at.date() + timedelta(days=1)}",
                 publish_on=f"{plan.publish_on - timedelta(days=1)}")
    said = _problems(env, _form(plan, site, start_time=start, **wrong))
    assert said["start_time"] == f"与本考场{start}开考的科目二场次时间重叠（每场3小时）"
    assert "新场次须与之相同" in said["opens_on"]


def test_the_overlap_comes_with_the_format_errors(env) -> None:
    plan, site = _demo_plan(env)
    start = _taken(env, plan)
    said = _problems(env, _form(plan, site, start_time=start, classes="C9", seats="abc"))
    assert list(said) == ["start_time", "classes", "seats"]  # in the form's order
    assert said["start_time"].endswith("场次时间重叠（每场3小时）")


def test_no_overlap_is_judged_without_a_time(env) -> None:
    plan, site = _demo_plan(env)
    said = _problems(env, _form(plan, site, start_time="25:00", classes="C9"))
    assert said["start_time"] == "请按 08:30 的格式输入开考时间" and set(said) == {"start_time", "classes"}
