"""Exam booking eligibility rules (kiosk.domain.exam, exam_eligibility)."""
from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.dates import add_months, format_date
from kiosk.domain.exam import (
    AGE_LIMITS,
    SUBJECT_NAMES,
    SUBJECTS,
    BookingFact,
    ExamAttempt,
    PermitFacts,
    is_pass,
    pass_mark,
    permit_valid_to,
    subject_history,
    wait_days,
)
from kiosk.domain.exam_eligibility import (
    bookable_subjects,
    cancellation_check,
    eligibility,
    last_booking_warning,
)
from kiosk.domain.ids import id_check_char
from kiosk.domain.licence import CLASSES, ONLINE_BOOKABLE

ISSUED = date(2025, 1, 10)
ACCEPTED = datetime(2025, 1, 2, 9, 30)


def make_id(born: date) -> str:
    first17 = f"110105{born:%Y%m%d}001"
    return first17 + id_check_char(first17)


ADULT = make_id(date(1990, 5, 20))


def permit(cls: str = "C1", issued: date = ISSUED, car: bool = False) -> PermitFacts:
    return PermitFacts(cls, issued, permit_valid_to(issued), ACCEPTED, car)


def attempt(subject: int, day: date, passed: bool, no_show: bool = False) -> ExamAttempt:
    return ExamAttempt(subject, datetime.combine(day, datetime.min.time()).replace(hour=9), passed, None, no_show)


def booking(subject: int, status: str, priority: bool = False, exam_day: date | None = None) -> BookingFact:
    exam_at = datetime.combine(exam_day, datetime.min.time()).replace(hour=9) if exam_day else None
    return BookingFact(subject, status, priority, ACCEPTED + timedelta(days=1), None, exam_at)


PASSED_1 = [attempt(1, date(2025, 1, 9), True)]


def check(subject, today, attempts=(), bookings=(), p=None, id_number=ADULT):
    return eligibility(id_number, p or permit(), list(attempts), list(bookings), subject, today)


def test_subject_names():
    assert SUBJECTS == (1, 2, 3, 4)
    assert SUBJECT_NAMES == {1: "科目一", 2: "科目二", 3: "科目三", 4: "科目四"}


@pytest.mark.parametrize(
    ("subject", "cls", "mark"),
    [(1, "C1", 90), (2, "C1", 80), (2, "C2", 80), (2, "C5", 80), (2, "B2", 90), (2, "A1", 90), (2, "C6", 90),
     (3, "C1", 90), (3, "B2", 90), (4, "C1", 90)],
)
def test_pass_marks(subject, cls, mark):
    assert pass_mark(subject, cls) == mark
    assert is_pass(subject, cls, mark) and not is_pass(subject, cls, mark - 1)


def test_permit_valid_three_years():
    assert permit_valid_to(date(2025, 1, 10)) == date(2028, 1, 9)
    assert permit_valid_to(date(2024, 2, 29)) == date(2027, 2, 28)


def test_add_months_clamps_to_month_end():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 8, 31), -6) == date(2024, 2, 29)
    assert add_months(date(2025, 12, 15), 1) == date(2026, 1, 15)


@pytest.mark.parametrize(
    ("subject", "cls", "car", "days"),
    [(2, "C1", False, 10), (2, "C2", False, 10), (2, "C5", False, 10), (2, "A1", False, 20), (2, "B2", False, 20),
     (2, "A3", False, 20), (3, "C2", False, 20), (3, "C5", False, 20), (3, "C1", False, 30), (3, "B2", False, 40),
     (3, "A1", False, 40), (3, "B2", True, 30), (3, "A2", True, 30), (3, "C1", True, 30)],
)
def test_waiting_period_after_permit(subject, cls, car, days):
    assert wait_days(subject, cls, car) == days
    p = PermitFacts(cls, ISSUED, permit_valid_to(ISSUED), ACCEPTED, car)
    opens = ISSUED + timedelta(days=days)
    before = check(subject, opens - timedelta(days=1), PASSED_1, p=p)
    assert not before.allowed and before.earliest == opens
    assert f"满{days}日" in before.reason and format_date(opens) in before.reason
    assert check(subject, opens, PASSED_1, p=p).allowed


@given(st.sampled_from(ONLINE_BOOKABLE), st.sampled_from((2, 3)), st.integers(0, 60), st.booleans())
def test_waiting_period_property(cls, subject, offset, car):
    p = PermitFacts(cls, ISSUED, permit_valid_to(ISSUED), ACCEPTED, car)
    result = check(subject, ISSUED + timedelta(days=offset), PASSED_1, p=p)
    assert result.allowed == (offset >= wait_days(subject, cls, car))


def test_subject_one_has_no_waiting_period():
    result = check(1, ISSUED)
    assert result.allowed and result.reason == "" and result.earliest == ISSUED


def test_skill_subjects_need_subject_one_and_four_needs_three():
    today = date(2025, 6, 1)
    for subject in (2, 3):
        r = check(subject, today)
        assert not r.allowed and "须先通过科目一" in r.reason and r.earliest is None
    r = check(4, today, PASSED_1)
    assert not r.allowed and r.reason == "须先通过科目三考试，才能预约科目四"
    r = check(4, today)  # 科目一 alone would not do: the whole condition (tester)
    assert not r.allowed and r.reason == "须先通过科目一、科目三考试，才能预约科目四"
    assert check(4, today, PASSED_1 + [attempt(3, date(2025, 5, 1), True)]).allowed


def test_passed_subject_cannot_be_booked_again():
    r = check(1, date(2025, 6, 1), PASSED_1)
    assert not r.allowed and r.reason == "科目一已考试合格，无需再次预约"


@pytest.mark.parametrize(("status", "blocks"), [("active", True), ("placed", True), ("cancelled", False),
                                                ("unplaced", False), ("done", False)])
def test_open_booking_blocks_same_subject(status, blocks):
    r = check(2, date(2025, 6, 1), PASSED_1, [booking(2, status)])
    assert r.allowed is not blocks
    if blocks:
        assert "未完成的科目二预约" in r.reason


@pytest.mark.parametrize("priority", [True, False])
def test_a_seat_already_given_is_changed_at_a_counter(priority):
    """优先预约, or a normal booking placed by allocation: online cancellation refuses both, so the
    reason must not send the citizen there."""
    r = check(2, date(2025, 6, 1), PASSED_1, [booking(2, "placed", priority=priority, exam_day=date(2025, 6, 9))])
    assert not r.allowed and "提前一日到车管所窗口" in r.reason and "请先取消原预约" not in r.reason
    assert "请先取消原预约" in check(2, date(2025, 6, 1), PASSED_1, [booking(2, "active")]).reason


def test_subject_two_and_three_may_be_booked_together():
    today = date(2025, 6, 1)
    r = check(3, today, PASSED_1, [booking(2, "active"), booking(2, "placed", exam_day=date(2025, 6, 9))])
    assert r.allowed


def test_ten_days_after_failing_both_attempts():
    fails = [attempt(2, date(2025, 3, 1), False), attempt(2, date(2025, 3, 1), False)]
    r = check(2, date(2025, 3, 10), PASSED_1 + fails)
    assert not r.allowed and r.earliest == date(2025, 3, 11)
    assert "10日后重新预约" in r.reason and "2025年3月11日" in r.reason
    assert check(2, date(2025, 3, 11), PASSED_1 + fails).allowed


def test_single_fail_does_not_start_the_interval():
    one = [attempt(3, date(2025, 3, 1), False)]
    assert check(3, date(2025, 3, 2), PASSED_1).allowed
    assert check(3, date(2025, 3, 2), PASSED_1 + one).allowed
    three = one * 3  # fail, fail (closes a booking), fail (first of the next)
    assert subject_history(three, 3).failed_bookings == 1


def test_no_show_counts_as_fail():
    no_show = [attempt(2, date(2025, 3, 1), True, no_show=True)]
    history = subject_history(no_show, 2)
    assert not history.passed and history.failed_bookings == 1
    assert not check(2, date(2025, 3, 5), PASSED_1 + no_show).allowed  # the 10-day interval, from the no-show


def test_attempts_are_counted_per_booking():
    """A fail that ends one booking (then a no-show closes it) and a fail in the next are not paired up."""
    def at(day: int, booking: int, passed: bool = False, no_show: bool = False) -> ExamAttempt:
        return ExamAttempt(2, datetime(2025, 3, day, 9), passed, None, no_show, booking)

    history = subject_history([at(1, 10), at(1, 10, no_show=True), at(20, 11)], 2)
    assert history.failed_bookings == 1 and history.last_failed_close == datetime(2025, 3, 1, 9)
    history = subject_history([at(1, 10, no_show=True), at(20, 11), at(20, 11)], 2)
    assert history.failed_bookings == 2 and history.last_failed_close == datetime(2025, 3, 20, 9)
    five = [at(1 + 5 * k, k, no_show=True) for k in range(5)]
    assert subject_history(five, 2).failed_bookings == 5


def test_subject_one_rebooks_without_interval():
    fails = [attempt(1, date(2025, 3, 1), False)] * 2
    assert check(1, date(2025, 3, 2), fails).allowed


def _failed_bookings(subject: int, count: int) -> list[ExamAttempt]:
    out = []
    for k in range(count):
        day = date(2025, 2, 1) + timedelta(days=20 * k)
        out += [attempt(subject, day, False), attempt(subject, day, False)]
    return out


def test_fifth_failed_booking_uses_up_the_permit():
    today = date(2025, 12, 1)
    four = PASSED_1 + _failed_bookings(2, 4)
    assert check(2, today, four).allowed
    five = PASSED_1 + _failed_bookings(2, 5)
    for subject in SUBJECTS:
        r = check(subject, today, five)
        assert not r.allowed and "科目二已预约考试5次均不合格" in r.reason and r.earliest is None


def test_the_fifth_booking_is_announced_as_the_last():
    """After four failed bookings of a skill subject the citizen is told before the fifth."""
    three, four = PASSED_1 + _failed_bookings(2, 3), PASSED_1 + _failed_bookings(2, 4)
    assert last_booking_warning(permit(), three, 2) == ""
    assert "科目二第5次预约考试" in last_booking_warning(permit(), four, 2)
    assert last_booking_warning(permit(), four, 3) == ""  # the other subject has its own count
    assert last_booking_warning(permit(), PASSED_1, 1) == ""


def test_expired_permit():
    p = permit()
    assert check(1, p.valid_to, p=p).allowed
    r = check(1, p.valid_to + timedelta(days=1), p=p)
    assert not r.allowed and "过期" in r.reason and format_date(p.valid_to) in r.reason


def test_waiting_period_beyond_validity_is_not_a_date():
    fails = [attempt(2, date(2028, 1, 5), False)] * 2
    r = check(2, date(2028, 1, 6), PASSED_1 + fails)
    assert not r.allowed and r.earliest is None and "有效期" in r.reason


def test_history_before_acceptance_is_ignored():
    old_pass = [attempt(1, date(2024, 5, 1), True)]
    r = check(2, date(2025, 6, 1), old_pass)
    assert not r.allowed and "须先通过科目一" in r.reason


def test_age_limit_table_matches_rulebook():
    assert set(AGE_LIMITS) == set(CLASSES)
    assert AGE_LIMITS["C1"] == (18, None) and AGE_LIMITS["D"] == (18, 70) and AGE_LIMITS["C6"] == (20, 70)
    assert AGE_LIMITS["M"] == (18, 63) and AGE_LIMITS["B2"] == (20, 63) and AGE_LIMITS["A1"] == (22, 63)


def test_too_young_gives_the_birthday():
    today = date(2025, 6, 1)
    young = make_id(date(2007, 9, 3))
    r = check(1, today, id_number=young)
    assert not r.allowed and r.earliest == date(2025, 9, 3) and "须年满18周岁" in r.reason
    r = check(1, today, p=permit("A1"), id_number=make_id(date(2004, 1, 1)))
    assert not r.allowed and "须年满22周岁" in r.reason


def test_too_old_for_heavy_class():
    today = date(2025, 6, 1)
    assert check(1, today, p=permit("B2"), id_number=make_id(date(1961, 6, 2))).allowed  # 63
    r = check(1, today, p=permit("B2"), id_number=make_id(date(1961, 6, 1)))  # 64 today
    assert not r.allowed and "63周岁" in r.reason and r.earliest is None
    assert check(1, today, p=permit("C1"), id_number=make_id(date(1940, 1, 1))).allowed


@given(st.sampled_from(ONLINE_BOOKABLE), st.dates(date(1940, 1, 1), date(2012, 12, 31)))
def test_age_rule_property(cls, born):
    today = date(2025, 6, 1)
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    low, high = AGE_LIMITS[cls]
    r = check(1, today, p=permit(cls), id_number=make_id(born))
    assert r.allowed == (age >= low and (high is None or age <= high))


def test_class_not_bookable_online():
    r = check(1, date(2025, 6, 1), p=permit("C3"))
    assert not r.allowed and "窗口" in r.reason


def test_bookable_subjects_lists_every_subject():
    rows = bookable_subjects(ADULT, permit(), PASSED_1, [], date(2025, 1, 25))
    assert [s for s, _ in rows] == [1, 2, 3, 4]
    allowed = {s: e.allowed for s, e in rows}
    assert allowed == {1: False, 2: True, 3: False, 4: False}  # 科目三 C1: 30 days


def test_cancellation_rules():
    today = date(2025, 6, 1)
    assert cancellation_check(booking(2, "active"), today).allowed
    assert cancellation_check(booking(2, "placed", exam_day=date(2025, 6, 2)), today).allowed
    assert not cancellation_check(booking(2, "placed", exam_day=today), today).allowed
    r = cancellation_check(booking(2, "placed", priority=True, exam_day=date(2025, 6, 9)), today)
    assert not r.allowed and "车管所" in r.reason
    assert not cancellation_check(booking(2, "done"), today).allowed


def test_reasons_have_no_ambiguous_width_characters():
    reasons = set()
    cases = [(s, date(2025, 1, 1) + timedelta(days=d)) for s in SUBJECTS for d in (0, 15, 45, 1200)]
    histories = [[], PASSED_1, PASSED_1 + _failed_bookings(2, 5), PASSED_1 + _failed_bookings(3, 1)]
    for subject, today in cases:
        for h in histories:
            for p in (permit(), permit("B2"), permit("C3")):
                reasons.add(check(subject, today, h, [booking(3, "active")], p=p).reason)
    reasons.add(check(1, date(2025, 1, 1), id_number=make_id(date(2010, 1, 1))).reason)
    assert len(reasons) > 8
    bad = {c for r in reasons for c in r if unicodedata.east_asian_width(c) == "A"}
    assert not bad


def test_after_a_failed_booking_the_notice_says_what_comes_next():
    from kiosk.domain.exam_eligibility import after_failed_booking

    p = permit()
    fail = [attempt(2, date(2025, 3, 1), False), attempt(2, date(2025, 3, 1), False)]
    assert after_failed_booking(p, PASSED_1 + fail, 2) == "须10日后重新预约，2025年3月11日起可以预约"
    five = PASSED_1 + [attempt(2, date(2025, 2, 1) + timedelta(days=20 * i), False, no_show=True) for i in range(5)]
    assert after_failed_booking(p, five, 2).startswith("科目二已预约考试5次均不合格，其他已考合格的科目成绩作废")
    late = PASSED_1 + [attempt(2, p.valid_to - timedelta(days=3), False, no_show=True)]
    assert "已超出学习驾驶证明有效期" in after_failed_booking(p, late, 2)
    assert after_failed_booking(p, [attempt(1, date(2025, 1, 9), False, no_show=True)], 1) == "可重新预约考试"
