"""The learner permit's last day cut at the class's upper age limit (L162: 学习驾驶证明的有效期为三年，
但有效期截止日期不得超过申请年龄条件上限; kiosk.domain.exam.permit_end)."""
from __future__ import annotations

from datetime import date, datetime

from kiosk.domain.exam import ExamAttempt, PermitFacts, age_limit_last_day, age_limit_note, capped_at_age_limit, permit_end
from kiosk.domain.exam_eligibility import eligibility
from kiosk.domain.priority import priority_eligibility, priority_window_opens

BORN = date(1962, 12, 20)  # 64 on 2026-12-20: over the B2 limit (20-63) from that day


def test_the_last_day_is_the_day_before_the_limit_is_passed():
    assert age_limit_last_day("B2", BORN) == date(2026, 12, 19)
    assert age_limit_last_day("A1", BORN) == date(2026, 12, 19)
    assert age_limit_last_day("C6", BORN) == date(2033, 12, 19)  # 20-70
    assert age_limit_last_day("C1", BORN) is None  # no upper limit
    assert age_limit_last_day("B2", date(1964, 2, 29)) == date(2028, 2, 28)  # 64 on 3月1日, as age_on counts


def test_a_permit_issued_near_the_limit_ends_there():
    assert permit_end(date(2026, 9, 1), "B2", BORN) == (date(2026, 12, 19), True)
    assert permit_end(date(2026, 9, 1), "C1", BORN) == (date(2029, 8, 31), False)
    assert permit_end(date(2020, 9, 1), "B2", BORN) == (date(2023, 8, 31), False)  # 3 years come first
    assert capped_at_age_limit(date(2026, 12, 19), "B2", BORN) == (date(2026, 12, 19), True)
    assert capped_at_age_limit(date(2026, 12, 18), "B2", BORN) == (date(2026, 12, 18), False)
    assert age_limit_note("B2") == "（不超过申请年龄上限63周岁）"


def test_waiting_periods_and_the_priority_window_follow_the_cut_end():
    valid_to, capped = permit_end(date(2026, 11, 25), "B2", BORN)
    permit = PermitFacts("B2", date(2026, 11, 25), valid_to, datetime(2026, 6, 1, 9), age_limited=capped)
    id_number, k1 = "500103196212200013", [ExamAttempt(1, datetime(2026, 11, 25, 9), True, 95)]
    # 科目二 opens 20 days after the permit (12-15) and the permit ends 12-19: bookable on 12-16
    assert eligibility(id_number, permit, k1, [], 2, date(2026, 12, 16)).allowed
    # 科目三 opens 40 days after it (2027-01-04): after the permit's end
    k3 = eligibility(id_number, permit, k1, [], 3, date(2026, 12, 16))
    assert not k3.allowed and "已超出学习驾驶证明有效期（至2026年12月19日）" in k3.reason
    assert priority_window_opens(valid_to) == date(2026, 6, 20)
    assert priority_eligibility(permit, [], 2, date(2026, 12, 1)).allowed
