"""What 科目确认 says after a booking ended failed: a no-show (缺考) is not "考试和补考均不合格";
the 5-booking limit said once (eligibility, the result notice and the counter use the same
sentence); the warning before the fifth booking ends with 。."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from kiosk.domain.exam import (
    ExamAttempt,
    PermitFacts,
    permit_valid_to,
    subject_history,
)
from kiosk.domain.exam_eligibility import (
    after_failed_booking,
    eligibility,
    last_booking_warning,
    permit_used_up,
)
from kiosk.domain.ids import id_check_char

ISSUED = date(2025, 1, 10)
PERMIT = PermitFacts("C1", ISSUED, permit_valid_to(ISSUED), datetime(2025, 1, 2, 9, 30))
FIRST17 = "11010519900520001"
ADULT = FIRST17 + id_check_char(FIRST17)
PASSED_1 = [ExamAttempt(1, datetime(2025, 1, 9, 9), True, 95)]


def _at(day: date, booking: int, *, score: int | None = 60, no_show: bool = False) -> ExamAttempt:
    return ExamAttempt(2, datetime.combine(day, datetime.min.time()).replace(hour=9), False, score, no_show, booking)


def _failed(n: int) -> list[ExamAttempt]:
    """``n`` bookings of 科目二, each failed twice, 20 days apart."""
    out = []
    for k in range(n):
        day = date(2025, 2, 1) + timedelta(days=20 * k)
        out += [_at(day, k), _at(day, k)]
    return out


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


def test_the_used_up_permit_is_said_the_same_way_everywhere():
    four, five = PASSED_1 + _failed(4), PASSED_1 + _failed(5)
    assert permit_used_up(PERMIT, four) == ""
    void = permit_used_up(PERMIT, five)
    assert void == "科目二已预约考试5次均不合格，其他已考合格的科目成绩作废，请重新申请机动车驾驶证"
    assert eligibility(ADULT, PERMIT, five, [], 3, date(2025, 12, 1)).reason == void
    assert after_failed_booking(PERMIT, five, 2) == void
    before = PermitFacts("C1", ISSUED, permit_valid_to(ISSUED), datetime(2026, 1, 2, 9, 30))
    assert permit_used_up(before, five) == ""  # an earlier application's fails do not count


def test_the_warning_before_the_fifth_booking_ends_with_a_full_stop():
    warning = last_booking_warning(PERMIT, PASSED_1 + _failed(4), 2)
    assert warning.startswith("这是您科目二第5次预约考试") and warning.endswith("须重新申请机动车驾驶证。")
