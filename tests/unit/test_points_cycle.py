"""累积记分 of the current 记分周期 (kiosk.domain.points.points_now; L163 Art 15)."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.points import points_now

FIRST = date(2020, 10, 24)  # cycles 2025-10-24..2026-10-23, 2026-10-24..2027-10-23
TODAY = date(2026, 12, 3)


@pytest.mark.parametrize("recorded_on", [date(2026, 10, 24), date(2026, 12, 3), date(2027, 1, 5)])
def test_points_of_this_cycle_count(recorded_on: date) -> None:
    assert points_now(4, recorded_on, FIRST, TODAY, "A") == 4


@pytest.mark.parametrize("recorded_on", [date(2026, 10, 23), date(2025, 10, 24), date(2023, 3, 1)])
def test_points_below_12_of_an_ended_cycle_are_cleared(recorded_on: date) -> None:
    assert points_now(11, recorded_on, FIRST, TODAY, "A") == 0
    assert points_now(6, recorded_on, FIRST, TODAY, "D") == 0  # 暂扣 is no 违法未处理


def test_the_first_day_of_the_new_cycle_clears_them() -> None:
    assert points_now(3, date(2026, 10, 23), FIRST, date(2026, 10, 23), "A") == 3
    assert points_now(3, date(2026, 10, 23), FIRST, date(2026, 10, 24), "A") == 0


def test_unhandled_violations_carry_the_points_over_until_handled() -> None:
    assert points_now(3, date(2026, 5, 1), FIRST, TODAY, "H") == 3
    assert points_now(3, date(2024, 5, 1), FIRST, TODAY, "HI") == 3  # still unhandled, cycles later
    assert points_now(3, date(2026, 5, 1), FIRST, TODAY, "A") == 0  # handled: cleared


def test_a_full_score_is_not_cleared_by_the_cycle_end() -> None:
    assert points_now(12, date(2026, 5, 1), FIRST, TODAY, "B") == 12
    assert points_now(15, date(2026, 5, 1), FIRST, TODAY, "B") == 15


def test_points_of_an_unknown_day_count_as_this_cycles() -> None:
    assert points_now(5, None, FIRST, TODAY, "A") == 5
    assert points_now(0, date(2020, 11, 1), FIRST, TODAY, "H") == 0


def test_a_29_february_first_licence() -> None:
    first = date(2016, 2, 29)  # cycles start on 1 March in common years (dates.anniversary)
    assert points_now(2, date(2026, 2, 28), first, date(2026, 3, 1), "A") == 0
    assert points_now(2, date(2026, 3, 1), first, date(2027, 2, 28), "A") == 2
