"""Chinese dates as the rest of the app writes them (kiosk.domain.dates): never zero padded,
2026年12月6日, 12月4日 周五 (the tester saw 2026年12月06日 09:30前 in 学法减分 and 12月04日 周五 in
满分学习考试 beside 2026年12月5日 elsewhere); the clock time keeps its two digits (09:30)."""
from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

import kiosk
from kiosk.domain.dates import format_date, format_date_time, format_day_and_weekday, format_month_day
from kiosk.domain.review_education import EducationSession


def test_a_date_and_a_moment() -> None:
    assert format_date(date(2026, 12, 6)) == "2026年12月6日"
    assert format_date_time(datetime(2026, 12, 6, 9, 30)) == "2026年12月6日 09:30"
    assert format_month_day(date(2027, 1, 2)) == "1月2日"


@pytest.mark.parametrize(("day", "said"), [
    (date(2026, 12, 4), "12月4日 周五"), (date(2026, 12, 6), "12月6日 周日"), (date(2026, 11, 30), "11月30日 周一"),
])
def test_a_day_and_its_weekday(day: date, said: str) -> None:
    assert format_day_and_weekday(day) == said


def test_a_sessions_label_is_not_zero_padded() -> None:
    session = EducationSession("渝中车管所", date(2026, 12, 4), "09:00", "17:00")
    assert session.label == "12月4日 周五 09:00-17:00 渝中车管所"


# A Chinese date written with its month or day zero padded: 年%m月, %d日, {x.month:02d}月, {x.day:02d}日.
PADDED = re.compile(r"%m月|%d日|:02d?}月|:02d?}日")


def test_no_source_pads_a_chinese_date() -> None:
    root = Path(kiosk.__file__).parent
    found = [f"{path.relative_to(root)}:{n}" for path in sorted(root.rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if PADDED.search(line)]
    assert found == []


def test_a_range_of_one_day_is_that_day() -> None:
    """Tester: 服从系统安排 over one day read 预约时间段：2026年12月7日至2026年12月7日."""
    from kiosk.domain.dates import ISO_DAY, format_range
    assert format_range(date(2026, 12, 7), date(2026, 12, 7)) == "2026年12月7日"
    assert format_range(date(2026, 12, 7), date(2026, 12, 9)) == "2026年12月7日至2026年12月9日"
    assert format_range(date(2026, 12, 7), date(2026, 12, 7), ISO_DAY) == "2026-12-07"
    assert format_range(date(2026, 12, 7), date(2026, 12, 9), ISO_DAY) == "2026-12-07至2026-12-09"
