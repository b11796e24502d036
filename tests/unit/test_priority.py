"""Priority booking conditions (kiosk.domain.priority)."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.exam import BookingFact, PermitFacts
from kiosk.domain.priority import priority_eligibility, priority_window_opens

ACCEPTED = datetime(2022, 9, 1, 10, 0)


def permit(valid_to: date) -> PermitFacts:
    return PermitFacts("C1", date(2022, 9, 1), valid_to, ACCEPTED, False)


def prio(subject: int, status: str, priority: bool = True, created: datetime | None = None) -> BookingFact:
    return BookingFact(subject, status, priority, created or ACCEPTED + timedelta(days=30), None, None)


@pytest.mark.parametrize(
    ("valid_to", "opens"),
    [(date(2025, 8, 31), date(2025, 3, 1)), (date(2025, 6, 15), date(2024, 12, 16)),
     (date(2024, 8, 31), date(2024, 3, 1))],
)
def test_window_opens_under_six_months(valid_to, opens):
    assert priority_window_opens(valid_to) == opens
    p = permit(valid_to)
    before = priority_eligibility(p, [], 2, opens - timedelta(days=1))
    assert not before.allowed and before.earliest == opens and "不足6个月" in before.reason
    assert priority_eligibility(p, [], 2, opens).allowed
    assert priority_eligibility(p, [], 2, valid_to).allowed


def test_no_priority_before_the_permit_is_issued():
    """Reviewer: C1 accepted 2024-01-10, no permit yet (the stand-in ends 2027-01-09): priority was open."""
    stand_in = PermitFacts("C1", date(2024, 1, 10), date(2027, 1, 9), datetime(2024, 1, 10, 9), issued=False)
    r = priority_eligibility(stand_in, [], 1, date(2026, 8, 1))
    assert not r.allowed and r.earliest is None
    assert r.reason == "您尚未取得学习驾驶证明（科目一考试合格后核发），不能优先预约"
    assert priority_eligibility(PermitFacts("C1", date(2024, 1, 10), date(2027, 1, 9), ACCEPTED), [], 2,
                                date(2026, 8, 1)).allowed


def test_expired_permit_cannot_priority_book():
    p = permit(date(2025, 8, 31))
    r = priority_eligibility(p, [], 2, date(2025, 9, 1))
    assert not r.allowed and "过期" in r.reason and r.earliest is None


@pytest.mark.parametrize("status", ["active", "placed", "done", "unplaced", "cancelled"])
def test_once_per_subject(status):
    p = permit(date(2025, 8, 31))
    today = date(2025, 6, 1)
    r = priority_eligibility(p, [prio(3, status)], 3, today)
    assert not r.allowed and "科目三已使用过优先预约" in r.reason
    assert priority_eligibility(p, [prio(3, status)], 2, today).allowed  # other subject


def test_normal_and_old_bookings_do_not_count():
    p = permit(date(2025, 8, 31))
    today = date(2025, 6, 1)
    bookings = [prio(2, "cancelled", priority=False), prio(2, "placed", priority=False),
                prio(2, "done", created=ACCEPTED - timedelta(days=500))]
    assert priority_eligibility(p, bookings, 2, today).allowed


def test_a_priority_booking_cancelled_at_a_counter_used_the_chance():
    """Cancelling gives back the seat, not the chance (seed: 每个科目可以在互联网优先预约1次考试)."""
    r = priority_eligibility(permit(date(2025, 8, 31)), [prio(2, "cancelled")], 2, date(2025, 6, 1))
    assert not r.allowed and r.reason == "科目二已使用过优先预约（已取消），每个科目只能优先预约1次"


@given(st.dates(date(2024, 1, 1), date(2030, 12, 31)), st.integers(-10, 400))
def test_window_is_about_six_months_and_contiguous(valid_to, days_left):
    p = permit(valid_to)
    today = valid_to - timedelta(days=days_left)
    allowed = priority_eligibility(p, [], 1, today).allowed
    if days_left < 0 or days_left >= 184:
        assert not allowed
    elif days_left <= 180:
        assert allowed
    # Contiguous: open today means open on every later day up to expiry.
    if allowed and days_left > 0:
        assert priority_eligibility(p, [], 1, today + timedelta(days=1)).allowed
