"""A month as a wall calendar shows it, for the date picker of 考试预约's 选择场次 (a citizen who can
only tap chooses 开始日期 and 结束日期 there): its weeks, Monday first (一 二 三 四 五 六 日), each
week's days outside the month left empty; the month before or after; a day moved by the arrow
keys and kept within the days that may be chosen. Pure: no UI."""
from __future__ import annotations

from calendar import Calendar
from datetime import date, timedelta

from .dates import WEEKDAYS

HEADER = tuple(WEEKDAYS)  # 一 ... 日: the columns, Monday first
ROWS = 6  # the most weeks a month touches: the picker keeps this many rows for every month

_MONDAY_FIRST = Calendar(firstweekday=0)


def month_weeks(year: int, month: int) -> list[list[date | None]]:
    """The weeks of ``month`` (4 to 6), each 7 days from Monday; None for a day of another month."""
    return [[d if d.month == month else None for d in week]
            for week in _MONDAY_FIRST.monthdatescalendar(year, month)]


def month_cells(year: int, month: int) -> list[date | None]:
    """``month_weeks`` as ``ROWS`` x 7 cells row by row, the rows after its last week empty: the
    grid keeps its size from month to month (下个月 stays under the finger)."""
    cells = [d for week in month_weeks(year, month) for d in week]
    return cells + [None] * (ROWS * 7 - len(cells))


def shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    """The month ``step`` months after (before, when negative) ``year``-``month``."""
    index = year * 12 + month - 1 + step
    return index // 12, index % 12 + 1


def month_title(year: int, month: int) -> str:
    """2026年12月."""
    return f"{year}年{month}月"


def moved(day: date, days: int, first: date) -> date:
    """``day`` moved ``days`` on (an arrow key: 1 a day, 7 a week), never before ``first`` (the
    earliest day that may be chosen: from the first week Up goes to it, Left on it stays)."""
    return max(first, day + timedelta(days=days))
