"""Calendar helpers shared by the rules: a date as the pages write it (2026年12月5日, never zero
padded: 12月5日 周六, 2026年12月5日 09:30), several days at a glance, calendar months, and
anniversaries (as ``ids.age_on`` counts them). Every Chinese date the app shows is written here."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Callable, Iterable

WEEKDAYS = "一二三四五六日"


def format_date(d: date) -> str:
    """2026年12月5日."""
    return f"{d.year}年{format_month_day(d)}"


def format_month_day(d: date) -> str:
    """12月5日: the year said elsewhere (a list of days of one year, a session)."""
    return f"{d.month}月{d.day}日"


def format_weekday(d: date) -> str:
    """周六."""
    return f"周{WEEKDAYS[d.weekday()]}"


def format_day_and_weekday(d: date) -> str:
    """12月5日 周六: a session's day."""
    return f"{format_month_day(d)} {format_weekday(d)}"


def format_date_time(at: datetime) -> str:
    """2026年12月5日 09:30: a deadline or a moment, the time zero padded as a clock shows it."""
    return f"{format_date(at.date())} {at:%H:%M}"


ISO_DAY: Callable[[date], str] = "{:%Y-%m-%d}".format  # 2026-12-05: the counter's lists


def format_range(first: date, last: date, day: Callable[[date], str] = format_date) -> str:
    """A range of days applied for (服从系统安排's 预约时间段): 2026年12月5日至2026年12月9日, one day
    alone as that day (2026年12月7日, not 2026年12月7日至2026年12月7日: tester). ``day`` writes each
    end: the counter's lists write 2026-12-05 (``ISO_DAY``)."""
    return day(first) if first == last else f"{day(first)}至{day(last)}"


def format_days(days: Iterable[date]) -> str:
    """Several days, to be read at a glance: days in a row (two or more) as one range (2026年12月5日至12月9日,
    2026年12月5日至12月6日), the year only where it changes (2026年12月1日、12月3日、12月5日至12月9日、2027年1月4日)."""
    runs: list[list[date]] = []
    for day in sorted(set(days)):
        if runs and day - runs[-1][-1] == timedelta(days=1):
            runs[-1].append(day)
        else:
            runs.append([day])
    parts: list[str] = []
    year = None
    for run in runs:
        for first, last in ([(run[0], run[-1])] if len(run) >= 2 else [(d, d) for d in run]):
            text = format_date(first) if first.year != year else format_month_day(first)
            if last != first:
                text += "至" + (format_date(last) if last.year != first.year else format_month_day(last))
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
