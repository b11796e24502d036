"""The date picker's month (kiosk.domain.month_grid): weeks from Monday, other months' days empty,
always 6 rows of cells, months across a year's end, arrow moves kept from the first bookable day."""
from __future__ import annotations

from datetime import date

from kiosk.domain.month_grid import HEADER, ROWS, month_cells, month_title, month_weeks, moved, shift_month


def test_the_columns_start_on_monday() -> None:
    assert "".join(HEADER) == "一二三四五六日"


def test_a_month_starting_on_a_tuesday() -> None:
    weeks = month_weeks(2026, 12)  # 2026-12-01 is a Tuesday
    assert len(weeks) == 5 and all(len(week) == 7 for week in weeks)
    assert weeks[0] == [None] + [date(2026, 12, d) for d in range(1, 7)]
    assert weeks[-1] == [date(2026, 12, d) for d in range(28, 32)] + [None] * 3


def test_a_month_of_four_and_one_of_six_weeks() -> None:
    february = month_weeks(2027, 2)  # starts on a Monday, 28 days
    assert len(february) == 4 and february[0][0] == date(2027, 2, 1) and february[-1][-1] == date(2027, 2, 28)
    march = month_weeks(2026, 3)  # starts on a Sunday
    assert len(march) == 6 and march[0] == [None] * 6 + [date(2026, 3, 1)]
    assert march[-1] == [date(2026, 3, 30), date(2026, 3, 31)] + [None] * 5


def test_every_day_of_the_month_once_in_order() -> None:
    for year, month in ((2026, 12), (2027, 2), (2028, 2), (2026, 3)):
        days = [d for week in month_weeks(year, month) for d in week if d is not None]
        assert days[0] == date(year, month, 1) and all((b - a).days == 1 for a, b in zip(days, days[1:]))
        assert all(d.month == month for d in days)
    assert len([d for w in month_weeks(2028, 2) for d in w if d]) == 29  # a leap year


def test_the_cells_are_always_six_rows() -> None:
    for year, month in ((2027, 2), (2026, 12), (2026, 3)):
        cells = month_cells(year, month)
        assert len(cells) == ROWS * 7
        assert cells[:7] == month_weeks(year, month)[0]
    assert month_cells(2027, 2)[28:] == [None] * 14


def test_months_across_a_year_end() -> None:
    assert shift_month(2026, 12, 1) == (2027, 1)
    assert shift_month(2027, 1, -1) == (2026, 12)
    assert shift_month(2026, 5, 0) == (2026, 5)
    assert shift_month(2026, 11, 14) == (2028, 1)
    assert month_title(2027, 1) == "2027年1月"


def test_arrow_moves_stay_from_the_first_day() -> None:
    first = date(2026, 12, 4)
    assert moved(date(2026, 12, 31), 1, first) == date(2027, 1, 1)
    assert moved(date(2026, 12, 10), -7, first) == date(2026, 12, 4)  # would be 12-03: the first instead
    assert moved(first, -1, first) == first
    assert moved(date(2026, 12, 5), 7, first) == date(2026, 12, 12)
