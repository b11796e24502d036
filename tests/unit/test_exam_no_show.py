"""What 科目确认 says after a booking ended failed: a no-show (缺考) is not "考试和补考均不合格"."""
from __future__ import annotations

from datetime import date, datetime

from kiosk.domain.exam import (
    ExamAttempt,
    PermitFacts,
    eligibility,
    permit_valid_to,
    subject_history,
)
from kiosk.domain.ids import id_check_char

ISSUED = date(2025, 1, 10)
PERMIT = PermitFacts("C1", ISSUED, permit_valid_to(ISSUED), datetime(2025, 1, 2, 9, 30))
FIRST17 = "11010519900520001"
ADULT = FIRST17 + id_check_char(FIRST17)
PASSED_1 = [ExamAttempt(1, datetime(2025, 1, 9, 9), True, 95)]


def _at(day: date, booking: int, *, score: int | None = 60, no_show: bool = False) -> ExamAttempt:
    return ExamAttempt(2, datetime.combine(day, datetime.min.time()).replace(hour=9), False, score, no_show, booking)


def test_a_no_show_is_told_as_a_no_show_not_as_two_fails():
    no_show = [_at(date(2025, 3, 1), 7, score=None, no_show=True)]
    r = eligibility(ADULT, PERMIT, PASSED_1 + no_show, [], 2, date(2025, 3, 5))
    assert not r.allowed and r.earliest == date(2025, 3, 11)
    assert r.reason == "科目二本次预约考试缺考（按不合格处理），须10日后重新预约，2025年3月11日起可以预约"
    assert subject_history(no_show, 2).closed_by_no_show


def test_two_fails_still_say_exam_and_retake_failed():
    fails = [_at(date(2025, 3, 1), 7), _at(date(2025, 3, 1), 7)]
    r = eligibility(ADULT, PERMIT, PASSED_1 + fails, [], 2, date(2025, 3, 5))
    assert r.reason == "科目二本次预约的考试和补考均不合格，须10日后重新预约，2025年3月11日起可以预约"
    assert not subject_history(fails, 2).closed_by_no_show


def test_the_latest_closing_fail_decides_the_wording():
    """A no-show closed an earlier booking; the latest one ended with two fails."""
    history = [_at(date(2025, 2, 1), 1, score=None, no_show=True), _at(date(2025, 3, 1), 2), _at(date(2025, 3, 1), 2)]
    r = eligibility(ADULT, PERMIT, PASSED_1 + history, [], 2, date(2025, 3, 5))
    assert "考试和补考均不合格" in r.reason and "缺考" not in r.reason
    again = history + [_at(date(2025, 3, 20), 3, score=None, no_show=True)]
    assert "缺考（按不合格处理）" in eligibility(ADULT, PERMIT, PASSED_1 + again, [], 2, date(2025, 3, 25)).reason

