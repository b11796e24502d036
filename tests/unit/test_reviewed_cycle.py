"""The 记分周期 whose 审验 is in question (kiosk.domain.review_education.reviewed_cycle; L162 Art 70:
the 审验 of a cycle with points is held within the 30 days after it ends, for that cycle's points)."""
from __future__ import annotations

from datetime import date

from kiosk.domain.points import DriverFacts
from kiosk.domain.review_education import refusal, reviewed_cycle

FIRST = date(2010, 10, 24)  # cycles 2026-10-24..2027-10-23, 2027-10-24..2028-10-23
RECORDED = date(2026, 12, 3)  # 9 points in the first of them (韩刚 of the demo)
ENDED = "上一记分周期（2026-10-24至2027-10-23）"


def _on(today: date, points: int = 9, recorded_on: date | None = RECORDED, status: str = "A"):  # type: ignore[no-untyped-def]
    return reviewed_cycle(points, recorded_on, FIRST, today, status)


def test_the_last_day_of_the_cycle_reviews_that_cycle() -> None:
    c = _on(date(2027, 10, 23))
    assert (c.name, c.points, c.due, c.ended) == ("本记分周期", 9, date(2027, 11, 22), False)


def test_the_first_day_of_the_window_reviews_the_ended_cycle() -> None:
    c = _on(date(2027, 10, 24))
    assert (c.name, c.points, c.due, c.ended) == (ENDED, 9, date(2027, 11, 22), True)
    assert (c.start, c.end) == (date(2026, 10, 24), date(2027, 10, 23))
    assert c.education_span == (date(2026, 10, 24), date(2027, 11, 23))


def test_the_last_day_of_the_window_still_reviews_the_ended_cycle() -> None:
    c = _on(date(2027, 11, 22))
    assert (c.name, c.points, c.due) == (ENDED, 9, date(2027, 11, 22))


def test_the_day_after_the_window_the_ended_cycles_review_is_overdue() -> None:
    c = _on(date(2027, 11, 23))
    assert (c.name, c.points, c.due, c.ended, c.overdue) == (ENDED, 9, date(2027, 11, 22), True, True)
    assert not _on(date(2027, 11, 22)).overdue
    # a 审验教育 finished late (after 2027-11-22, at a counter) still counts for it, until the cycle ends
    assert c.education_span == (date(2026, 10, 24), date(2028, 10, 24))
    assert _on(date(2027, 11, 22)).education_span == (date(2026, 10, 24), date(2027, 11, 23))


def test_once_the_next_cycle_has_ended_too_the_current_one_decides() -> None:
    c = _on(date(2028, 10, 24))
    assert (c.name, c.points, c.ended, c.overdue) == ("本记分周期", 0, False, False)


def test_an_ended_cycle_without_points_leaves_the_current_one() -> None:
    assert not _on(date(2027, 10, 24), points=0).ended
    assert not _on(date(2027, 10, 24), recorded_on=date(2027, 10, 24)).ended  # recorded in the new cycle
    assert not _on(date(2027, 10, 24), recorded_on=None).ended  # day not known: as before
    assert _on(date(2027, 10, 24), recorded_on=date(2025, 5, 1)).points == 0  # cleared before that cycle


def test_points_carried_into_the_ended_cycle_are_its_points() -> None:
    assert _on(date(2027, 10, 24), points=3, recorded_on=date(2025, 5, 1), status="H").points == 3


def _facts(points: int, status: str = "A") -> DriverFacts:
    return DriverFacts(("A1",), status, points, FIRST)


def test_the_education_is_refused_or_offered_by_the_reviewed_cycle() -> None:
    window = _on(date(2027, 10, 24))
    assert refusal(_facts(0), False, False, window) is None  # today's points are 0: the ended cycle's 9 decide
    assert refusal(_facts(0), True, False, window) == f"{ENDED}的审验教育已完成，无需再次申请"
    late = _on(date(2027, 11, 23))
    assert refusal(_facts(0), False, False, late) == (f"{ENDED}已记9分，审验截止日期2027年11月22日已过，未完成审验。"
                                                      "请携带身份证明和驾驶证到车管所窗口办理驾驶证审验")
    assert refusal(_facts(0), True, False, late) == f"{ENDED}的审验教育已完成，无需再次申请"
    assert "免予本记分周期审验" in (refusal(_facts(0), False, False, _on(date(2028, 10, 24))) or "")


def test_an_overdue_review_without_points_is_sent_to_the_counter() -> None:
    why = refusal(_facts(0, "S"), False, False)
    assert why is not None and "逾期未审验" in why and "到车管所窗口办理驾驶证审验" in why
    assert "免予" not in why
