"""Calendar helpers shared by the rules: a date as the pages write it (2026年12月5日), several days
at a glance, calendar months, and anniversaries (as ``ids.age_on`` counts them)."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable


def format_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def format_days(days: Iterable[date]) -> str:
    """Several days, to be read at a glance: three or more in a row as one range (2026年12月5日至12月9日),
    the year only where it changes (2026年12月2日、12月3日、12月5日至12月9日、2027年1月4日)."""
    runs: list[list[date]] = []
    for day in sorted(set(days)):
        if runs and day - runs[-1][-1] == timedelta(days=1):
            runs[-1].append(day)
        else:
            runs.append([day])
    parts: list[str] = []
    year = None
    for run in runs:
        for first, last in ([(run[0], run[-1])] if len(run) >= 3 else [(d, d) for d in run]):
            text = format_date(first) if first.year != year else f"{first.month}月{first.day}日"
            if last != first:
                text += "至" + (format_date(last) if last.year != first.year else f"{last.month}月{last.day}日")
            parts.append(text)
            year = last.year
    return "、".join(parts)


def add_months(d: date, months: int) -> date:
    """Calendar months; the day is clamped to the month's end (1月31日 + 1 -> 2月28/29日)."""
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return date(year, month, min(d.day, (nxt - timedelta(days=1)).day))


def anniversary(d: date, years: int) -> date:
    """The same date ``years`` later; 2月29日 falls on 3月1日 in a common year (as age_on counts)."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return date(d.year + years, 3, 1)
