"""Publication days read at a glance (kiosk.domain.dates.format_days): runs as ranges, no repeated year."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from kiosk.domain.dates import format_days


def days(first: str, n: int) -> list[date]:
    start = date.fromisoformat(first)
    return [start + timedelta(days=i) for i in range(n)]


@pytest.mark.parametrize(("given", "said"), [
    ([date(2026, 12, 5)], "2026年12月5日"),
    (days("2026-12-05", 2), "2026年12月5日至12月6日"),  # two in a row: a range too (README; the tester saw a list)
    ([date(2026, 12, 5), date(2026, 12, 7)], "2026年12月5日、12月7日"),  # not in a row: a list
    (days("2026-12-05", 9), "2026年12月5日至12月13日"),
    ([date(2026, 12, 2), date(2026, 12, 3), *days("2026-12-05", 6), *days("2026-12-12", 4)],
     "2026年12月2日至12月3日、12月5日至12月10日、12月12日至12月15日"),  # the tester's 12 days
    (days("2026-12-30", 4), "2026年12月30日至2027年1月2日"),
    ([date(2026, 12, 31), date(2027, 1, 5)], "2026年12月31日、2027年1月5日"),  # the year where it changes
    ([date(2026, 12, 7), date(2026, 12, 5), date(2026, 12, 6), date(2026, 12, 6)], "2026年12月5日至12月7日"),
    ([], ""),
])
def test_days_as_ranges(given: list[date], said: str) -> None:
    assert format_days(given) == said
