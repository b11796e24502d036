"""What people type, as the rules read it.

A Chinese input method in full-width mode (全角) types １２３, Ａ and －: the same keys, other
characters. Numbers, codes, plates and dates are read with those folded to ASCII, so a citizen
who typed the right digits is never told to type digits. Dates are read as people write them:
2026-12-05, 2026/12/5, 2026.12.05, 20261205 or 2026年12月5日; times as 08:30, 8:30, 08:30:00 or 8点30.
Free text (names, addresses, reasons) keeps its full-width punctuation, which is meant; its
full-width letters and digits become ASCII (free_text.normalize_text).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, time

from .errors import DomainError

# U+FF01..U+FF5E are the full-width forms of ASCII U+0021..U+007E; U+3000 is the ideographic space.
_HALF = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

DATE_LEN = 12  # the longest date parse_date reads: 2026年12月05日 (and 2026-12-05)
TIME_LEN = 8  # 08:30:00, 8点30分
_DATE = re.compile(r"([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?")
_DATE_DIGITS = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_TIME = re.compile(r"([0-9]{1,2})\s*[:点时]\s*([0-9]{2})(?:\s*分|:([0-9]{2}))?")


def half_width(text: str) -> str:
    """``text`` with full-width ASCII forms and the ideographic space turned into ASCII."""
    return str(text).translate(_HALF)


def compact(text: str) -> str:
    """``half_width(text)`` without any whitespace: for numbers, codes and plates."""
    return "".join(half_width(text).split())


def _date_shape(text: str) -> re.Match[str] | None:
    """``text`` written as a date (year, month and day in one of the accepted forms), or None."""
    clean = half_width(text).strip()
    return _DATE.fullmatch(clean) or _DATE_DIGITS.fullmatch(clean)


def parse_date(text: str) -> date | None:
    """The date in ``text``, or None when it is not one (a wrong form or no such day)."""
    match = _date_shape(text)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


BAD_MONTH = "日期不正确：月份应为1-12"  # a month that is none (2026-13-45, 2026-00-10): not 没有这一天
BAD_YEAR = "日期不正确：请检查年份"  # year 0000


def no_day_message(match: re.Match[str]) -> str:
    """What is wrong with a date written right that names no day (``_date_shape``'s match): a day past
    the month's end (2026-11-31: 2026年11月只有30天) or day 0 (2026年11月的日期应为1-30) said as such, since the
    month is fine; a month that is none BAD_MONTH, which the day does not matter to (it said 没有这一天，
    月份应为1-12: tester), short: one line under a date at 80x24. Every date field and the CLI say it so."""
    year, month, day = map(int, match.groups())
    if year < 1:
        return BAD_YEAR
    if not 1 <= month <= 12:
        return BAD_MONTH
    last = calendar.monthrange(year, month)[1]
    return f"{year}年{month}月只有{last}天" if day > last else f"{year}年{month}月的日期应为1-{last}"


def required_date(text: str, field: str, label: str, message: str) -> date:
    """``date_or_error`` for a date that must be given: nothing typed is asked for by its name,
    请输入``label`` (as the form's other empty fields are), not with the format ``message``."""
    if not text.strip():
        raise DomainError(f"请输入{label}", field)
    return date_or_error(text, field, message)


def date_or_error(text: str, field: str, message: str) -> date:
    """``parse_date(text)``, or a DomainError next to ``field``: ``message`` (about the form) for
    text that is not written as a date, ``no_day_message`` for one that is but names no day
    (2026-02-30: 2026年2月只有28天; 2026-13-45: BAD_MONTH)."""
    day = parse_date(text)
    if day is None:
        shape = _date_shape(text)
        raise DomainError(no_day_message(shape) if shape else message, field)
    return day


def no_day(text: str) -> str:
    """For ``text``, a date or a date and a time (2026-02-30T09:00), written as a date that names no
    day: what is wrong with it (``no_day_message``), where a text of another form is told the form; else ""."""
    clean = half_width(text).strip()
    for part in (clean, re.split(r"[T\s]", clean, maxsplit=1)[0]):
        shape = _date_shape(part)
        if shape:
            return no_day_message(shape) if parse_date(part) is None else ""
    return ""


def names_no_day(text: str) -> bool:
    """Whether ``text`` is written as a date that names no day (``no_day``)."""
    return bool(no_day(text))


def option_refusal(option: str, text: str, form: str) -> str:
    """What a command line says of a date (or date and time) option it cannot read: ``option``, then
    what is wrong with a day that is none as the screens say it (2026-02-30: 2026年2月只有28天), else
    ``form`` (须为 2026-12-03 这样的日期), and the text received."""
    return f"{option} {no_day(text) or form}，收到 {text!r}"


def parse_time(text: str) -> time | None:
    """The time of day in ``text`` (hours and minutes, seconds optional), or None when it is not one."""
    match = _TIME.fullmatch(half_width(text).strip())
    if not match:
        return None
    hour, minute, second = (int(g or 0) for g in match.groups())
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)
