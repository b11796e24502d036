"""考试数据看板's chart: each day's 已安排/考位 in one column whatever its bar's length and the
width of the counts (a bar is coloured blank cells: 0 placed drew none, 1 cell one, so the counts
after it stood one column apart: `12-07 周一   2/1890` under `12-08 周二  0/1930`)."""
from __future__ import annotations

from datetime import date, timedelta

from kiosk.services.counter_dashboard import Dashboard, DayCount
from kiosk.ui.screens.counter.dashboard import chart_text


def _lines(counts: list[tuple[int, int]]) -> list[str]:
    start = date(2026, 12, 3)
    per_day = [DayCount(start + timedelta(days=i), seats, placed) for i, (placed, seats) in enumerate(counts)]
    text = chart_text(Dashboard(start, [], per_day, 0, 0))
    return text.plain.splitlines()[1:]


def test_the_counts_stand_in_one_column_whatever_the_bars_and_widths():
    lines = _lines([(0, 0), (0, 1920), (2, 1890), (1890, 1890), (15, 9), (0, 1930), (120, 12000), (7, 30)])
    assert len(lines) == 8
    slashes = {line.index("/") for line in lines}
    assert len(slashes) == 1, lines  # the / of every day in one column
    ends = {len(line.split("/")[1].rstrip(" ")) for line in lines}
    assert lines[2].startswith("12-05 周六     2/1890 "), lines  # placed right-aligned before the /
    assert lines[0].startswith("12-03 周四     0/0     "), lines  # seats left-aligned after it
    assert max(ends) == 5


def test_the_bars_start_in_one_column_after_the_counts():
    start = date(2026, 12, 3)
    per_day = [DayCount(start + timedelta(days=i), seats, placed)
               for i, (placed, seats) in enumerate([(0, 10), (5, 10), (10, 10), (1, 1000)])]
    text = chart_text(Dashboard(start, [], per_day, 0, 0))
    plain = text.plain
    starts = set()
    for span in text.spans:
        if "green" in str(span.style):
            line_start = plain.rfind("\n", 0, span.start) + 1
            starts.add(span.start - line_start)
    assert len(starts) == 1, starts
    assert len([s for s in text.spans if "green" in str(s.style)]) == 3  # no bar for 0 placed
