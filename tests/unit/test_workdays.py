"""Working days: weekends, holidays and make-up working days from the data file."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.config import ASSETS
from kiosk.domain.workdays import add_working_days, is_working_day, parse_calendar

CAL = parse_calendar((ASSETS / "config" / "holidays_cn.json").read_text(encoding="utf-8"))


def test_the_file_holds_2026_officially_and_2027() -> None:
    assert CAL.years == {2026, 2027}
    assert 2026 not in CAL.provisional
    assert date(2026, 10, 1) in CAL.holidays and date(2027, 2, 6) in CAL.holidays


@pytest.mark.parametrize("day, working", [
    (date(2026, 12, 1), True),  # a Tuesday
    (date(2026, 12, 5), False),  # a Saturday
    (date(2026, 12, 6), False),  # a Sunday
    (date(2026, 10, 5), False),  # 国庆节 on a Monday
    (date(2026, 10, 10), True),  # 调休上班 on a Saturday
    (date(2026, 2, 14), True),  # 春节调休 Saturday
    (date(2026, 2, 23), False),  # last day of 春节, a Monday
    (date(2027, 1, 1), False),  # 元旦 2027, a Friday
    (date(2028, 1, 3), True),  # a year the file does not hold: weekends only
])
def test_is_working_day(day: date, working: bool) -> None:
    assert is_working_day(day, CAL) is working


@pytest.mark.parametrize("start, n, expected", [
    (date(2026, 12, 1), 1, date(2026, 12, 2)),  # Tuesday -> Wednesday
    (date(2026, 12, 4), 1, date(2026, 12, 7)),  # Friday -> Monday
    (date(2026, 12, 5), 1, date(2026, 12, 7)),  # applied on a Saturday
    (date(2026, 12, 1), 15, date(2026, 12, 22)),  # three weeks
    (date(2026, 12, 30), 1, date(2026, 12, 31)),
    (date(2026, 12, 31), 1, date(2027, 1, 4)),  # over 元旦 2027 and a weekend
    (date(2026, 9, 30), 1, date(2026, 10, 8)),  # over 国庆节
    (date(2026, 10, 9), 1, date(2026, 10, 10)),  # the make-up Saturday counts
    (date(2026, 2, 13), 1, date(2026, 2, 14)),
    (date(2026, 2, 14), 1, date(2026, 2, 24)),  # over 春节
])
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert add_working_days(start, n, CAL) == expected


def test_add_working_days_needs_a_positive_count() -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2026, 12, 1), 0, CAL)


def test_a_bad_file_is_refused() -> None:
    clash = '{"years": {"2026": {"holidays": [["2026-10-10", "2026-10-10", "x"]], "workdays": ["2026-10-10"]}}}'
    with pytest.raises(ValueError):
        parse_calendar(clash)
    backwards = '{"years": {"2026": {"holidays": [["2026-10-07", "2026-10-01", "x"]], "workdays": []}}}'
    with pytest.raises(ValueError):
        parse_calendar(backwards)
    wrong_year = '{"years": {"2026": {"holidays": [["2027-01-01", "2027-01-01", "x"]], "workdays": []}}}'
    with pytest.raises(ValueError):
        parse_calendar(wrong_year)
