"""Working days (工作日) in China: Monday to Friday, less public holidays, plus make-up working
days (调休上班) that fall on a weekend. The dates come from a data file (assets/config/
holidays_cn.json), parsed here; a year the file does not hold counts weekends only."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[date]
    workdays: frozenset[date]  # weekend days that are working days
    years: frozenset[int]  # the years the calendar holds
    provisional: frozenset[int] = frozenset()  # years without the State Council's notice yet


def parse_calendar(text: str) -> WorkCalendar:
    """The calendar of the data file's text (JSON: years -> holidays [first, last, name], workdays)."""
    data = json.loads(text)
    holidays: set[date] = set()
    workdays: set[date] = set()
    years: set[int] = set()
    provisional: set[int] = set()
    for year, spec in data["years"].items():
        years.add(int(year))
        if spec.get("provisional"):
            provisional.add(int(year))
        for first, last, *_name in spec["holidays"]:
            day, end = date.fromisoformat(first), date.fromisoformat(last)
            if end < day:
                raise ValueError(f"holiday {first}..{last} ends before it starts")
            while day <= end:
                holidays.add(day)
                day += timedelta(days=1)
        workdays.update(date.fromisoformat(d) for d in spec["workdays"])
    both = holidays & workdays
    if both:
        raise ValueError(f"both a holiday and a working day: {sorted(both)}")
    if any(d.year not in years for d in holidays | workdays):
        raise ValueError("a date is listed under another year")
    return WorkCalendar(frozenset(holidays), frozenset(workdays), frozenset(years), frozenset(provisional))


def is_working_day(day: date, cal: WorkCalendar) -> bool:
    if day in cal.workdays:
        return True
    return day.weekday() < 5 and day not in cal.holidays


def add_working_days(start: date, n: int, cal: WorkCalendar) -> date:
    """The day ``n`` working days after ``start``: the day of application is not counted
    (自受理之日起N个工作日内), so 1 working day from a Friday is the next Monday."""
    if n < 1:
        raise ValueError("n must be at least 1")
    day = start
    while n:
        day += timedelta(days=1)
        if is_working_day(day, cal):
            n -= 1
    return day
