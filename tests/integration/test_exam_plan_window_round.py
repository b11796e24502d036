"""考试计划与安排 checks the session form whole (README): the window's order and its 10 days' notice,
which depend on the dates alone, are told in the same round as the other fields' format errors (a
tester saw them only after fixing those, one round each), and together when both are broken. An
opening day already past is not judged then but for a new plan: it may be that of the plan the session joins."""
from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.domain.errors import DomainError, FieldErrors
from kiosk.services import exam_admin
from tests.integration.test_exam_plan_window import EXAMS

ORDER = "须满足：开放预约日期 < 预约结果公布日期 < 考试日期"


def _problems(env, form: exam_admin.SessionForm) -> list[tuple[str | None, str]]:
    with pytest.raises(DomainError) as refused:
        exam_admin.save_session(env, EXAMS, form)
    err = refused.value
    return err.problems if isinstance(err, FieldErrors) else [(err.field, err.message)]


def test_the_testers_form_is_told_every_wrong_field_at_once(env) -> None:
    today = env.clock.now().date()
    exam, opens, publish = today + timedelta(days=17), today + timedelta(days=16), today + timedelta(days=18)
    form = exam_admin.SessionForm(1, f"{exam}", "25:00", "5", "C1C9", "3", "9", f"{opens}", f"{publish}")
    problems = _problems(env, form)
    assert [f for f, _ in problems] == ["start_time", "subject", "classes", "priority_quota", "opens_on",
                                        "publish_on"]  # in the form's order
    said = dict(problems)
    assert said["publish_on"] == ORDER
    assert said["opens_on"] == (f"考试计划须至少在考试前10日公布（开放预约），"
                                f"最晚应于{exam - timedelta(days=10)}开放预约")


def test_with_the_fields_right_order_and_notice_come_together(env) -> None:
    today = env.clock.now().date()
    exam = today + timedelta(days=17)
    form = exam_admin.SessionForm(1, f"{exam}", "08:30", "4", "C1", "3", "1", f"{exam - timedelta(days=1)}",
                                  f"{exam + timedelta(days=1)}")
    assert [f for f, _ in _problems(env, form)] == ["opens_on", "publish_on"]


def test_an_exam_day_too_close_is_said_with_the_format_errors(env) -> None:
    today = env.clock.now().date()
    exam = today + timedelta(days=5)
    form = exam_admin.SessionForm(1, f"{exam}", "8点半", "4", "C1", "3", "1", f"{today}", f"{today + timedelta(days=2)}")
    assert _problems(env, form) == [
        ("exam_date", f"考试日期过近：今天公布的考试计划，考试日期最早为{today + timedelta(days=10)}"),
        ("start_time", "请按 08:30 的格式输入开考时间")]


def test_a_past_opening_day_is_not_judged_beside_format_errors(env) -> None:
    """On a day with a plan it may be the open plan's own (kept, with the notice it had): told once the
    plan is known. On a day with none it would open a new plan (and booking) at once: told with them."""
    today = env.clock.now().date()
    for days, said in ((4, ["start_time"]), (5, ["start_time", "opens_on"])):  # the demo has no plan on day 5
        exam = today + timedelta(days=days)
        form = exam_admin.SessionForm(1, f"{exam}", "25:00", "2", "C1", "3", "1", f"{today - timedelta(days=7)}",
                                      f"{today + timedelta(days=2)}")
        assert [f for f, _ in _problems(env, form)] == said


def test_dates_not_typed_or_wrong_add_nothing(env) -> None:
    today = env.clock.now().date()
    exam = today + timedelta(days=17)
    form = exam_admin.SessionForm(1, f"{exam}", "25:00", "2", "C1", "3", "1", "", "")
    assert [f for f, _ in _problems(env, form)] == ["start_time"]
    form = exam_admin.SessionForm(1, f"{exam}", "25:00", "2", "C1", "3", "1", "2026-13-01", f"{exam}")
    assert [f for f, _ in _problems(env, form)] == ["start_time", "opens_on"]  # its format, nothing more


def test_the_window_dates_own_order_is_told_with_a_wrong_exam_date(env) -> None:
    """Tester: 2026-13-40 with 开放 2026-12-20 and 公布 2026-12-10 said only the exam date; the
    window's order came once the exam date was right. The checks needing the exam day still wait."""
    today = env.clock.now().date()
    opens, publish = today + timedelta(days=17), today + timedelta(days=7)
    for exam in ("2026-13-40", ""):
        form = exam_admin.SessionForm(1, exam, "08:30", "2", "C1", "3", "1", f"{opens}", f"{publish}")
        assert [f for f, _ in _problems(env, form)] == ["exam_date", "publish_on"]
        assert dict(_problems(env, form))["publish_on"] == ORDER
    # in order, the window adds nothing while the exam day is unknown (no notice judged)
    form = exam_admin.SessionForm(1, "2026-13-40", "08:30", "2", "C1", "3", "1", f"{today}",
                                  f"{today + timedelta(days=1)}")
    assert [f for f, _ in _problems(env, form)] == ["exam_date"]
