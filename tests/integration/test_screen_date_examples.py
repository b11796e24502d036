"""The examples the screens with their own date fields show, as the services work them out from the
clock, are dates those services take on the day, and their format messages name the same dates (not
a fixed 请按 2026-12-05 / 2027-01-15 / 2026-12-03 / 2026-12-01 的格式, nor 2026-12-04 这样的日期).
Each on the tests' 2026-12-01 moved to 2026-12-03 and to 2027-06-15 (tests/ui/test_screen_date_examples
shows them on the screens)."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.errors import DomainError
from kiosk.services import booking_results, counter_audit, exam_admin, exam_admin_results
from kiosk.services.booking import check_range, example_range, parse_day
from kiosk.services.exam_session_rules import example_plan
from kiosk.services.staff import StaffSession
from tests.conftest import problems_of
from tests.integration.test_exam_plan_window import EXAMS

DAYS = [date(2026, 12, 3), date(2027, 6, 15)]
WRONG = "明年六月"
ADMIN = StaffSession("A0001", "孙管理", ("admin",))


def _on(env, day: date) -> date:  # type: ignore[no-untyped-def]
    env.clock.advance(days=(day - env.clock.now().date()).days)
    assert env.clock.now().date() == day
    return day


def _refused(call, *args) -> DomainError:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as refused:
        call(*args)
    return refused.value


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_the_session_range_example_is_a_range_the_query_takes(env, day: date) -> None:  # type: ignore[no-untyped-def]
    _on(env, day)
    start, end = example_range(day)
    assert check_range(start, end, day) == (start, end)
    assert _refused(parse_day, WRONG, "date_to", end).message == f"请按 {end:%Y-%m-%d} 的格式输入日期（年-月-日）"
    page = booking_results.published(env, f"{day}", example=day)  # 结果公布: any day is read
    assert page.day == day
    said = _refused(booking_results.published, env, WRONG, None, None, day)
    assert (said.field, said.message) == ("exam_date", f"请按 {day} 的格式输入日期（年-月-日）")


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_the_plan_examples_are_a_plan_the_form_saves(env, day: date) -> None:  # type: ignore[no-untyped-def]
    _on(env, day)
    ex = {name: f"{d:%Y-%m-%d}" for name, d in example_plan(day).items()}
    wrong = exam_admin.SessionForm(1, WRONG, "08:30", "4", "C1", "30", "3", WRONG, WRONG)
    said = problems_of_save(env, wrong)
    assert said == {"exam_date": f"请按 {ex['exam_date']} 的格式输入考试日期",
                    "opens_on": f"请按 {ex['opens_on']} 的格式输入开放预约日期",
                    "publish_on": f"请按 {ex['publish_on']} 的格式输入结果公布日期"}
    form = exam_admin.SessionForm(1, ex["exam_date"], "08:30", "4", "C1", "30", "3", ex["opens_on"], ex["publish_on"])
    row = exam_admin.save_session(env, EXAMS, form)  # accepted on the day
    assert f"{row.exam_date}" == ex["exam_date"]
    said = _refused(exam_admin.list_sessions, env, EXAMS, WRONG, f"{day}")
    assert (said.field, said.message) == ("date_from", f"请按 {day} 的格式输入开始日期")


def problems_of_save(env, form: exam_admin.SessionForm) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as refused:
        exam_admin.save_session(env, EXAMS, form)
    return {k: v for k, v in problems_of(refused).items() if k in ("exam_date", "opens_on", "publish_on")}


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_the_publication_day_and_result_date_messages_name_today(env, people, day: date) -> None:  # type: ignore[no-untyped-def]
    _on(env, day)
    said = _refused(exam_admin_results.allocation_preview, env, EXAMS, WRONG)
    assert (said.field, said.message) == ("alloc_date", f"请按 {day} 的格式输入预约结果公布日期")
    assert exam_admin_results.allocation_preview(env, EXAMS, f"{day}").date == day
    # nothing typed is asked for by name, as the other date fields (it was told the format: tester)
    for empty in ("", "  "):
        said = _refused(exam_admin_results.allocation_preview, env, EXAMS, empty)
        assert (said.field, said.message) == ("alloc_date", "请输入预约结果公布日期")
    with pytest.raises(DomainError) as refused:
        exam_admin_results.read_form(env, people["four_fails"].id_number, "2", "90", "1", WRONG)
    assert problems_of(refused)["exam_date"] == f"考试日期须为 {day} 这样的日期"


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_the_audit_range_example_is_recent_days(env, day: date) -> None:  # type: ignore[no-untyped-def]
    _on(env, day)
    ex = counter_audit.example_range(day)
    assert ex["date_from"] < ex["date_to"] == day
    said = _refused(counter_audit.search, env, ADMIN, counter_audit.AuditFilter(date_to=WRONG))
    assert (said.field, said.message) == ("date_to", f"请按 {day} 的格式输入日期")
    said = _refused(counter_audit.search, env, ADMIN, counter_audit.AuditFilter(date_from=WRONG))
    assert said.message == f"请按 {ex['date_from']:%Y-%m-%d} 的格式输入日期"
