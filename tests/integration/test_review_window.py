"""In the 30 days after a 记分周期 with points ends, its 审验 is in question (L162 Art 70): 驾驶人审验教育
and 延期驾驶证审验 read the ended cycle's points and due date (kiosk.domain.review_education.reviewed_cycle),
not the new cycle's 0. Demo 韩刚 (A1, 9 points recorded the day the demo is loaded; cycles from 24 October)."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from kiosk.domain.errors import DomainError
from kiosk.services import applications
from tests.booking_helpers import account_id
from tests.integration.licence_helpers import set_licence
from tests.integration.test_points_cycle_services import DELAY_REVIEW, REVIEW, move_to, next_cycle, refusal


def _at(env, acc: int, after_end: int) -> tuple[str, date]:  # type: ignore[no-untyped-def]
    """The clock ``after_end`` days after the last day of 韩刚's cycle (0: that day); the ended cycle's
    name as the screens say it and the last day of its 审验 (30 days after it ends)."""
    start = next_cycle(env, acc)
    end = start.date() - timedelta(days=1)
    first = end.replace(year=end.year - 1) + timedelta(days=1)
    move_to(env, datetime.combine(end + timedelta(days=after_end), start.time()))
    return f"上一记分周期（{first:%Y-%m-%d}至{end:%Y-%m-%d}）", end + timedelta(days=30)


def test_the_day_before_the_cycle_ends_this_cycle_is_reviewed(env, people) -> None:
    acc = account_id(env, people["coach_driver"])
    _, due = _at(env, acc, 0)
    assert (f"本记分周期已记9分，须参加审验教育，并在{due.year}年{due.month}月{due.day}日前完成审验"
            in applications.prepare(env, REVIEW, acc).intro)
    assert f"须晚于本记分周期的审验截止日期{due:%Y-%m-%d}" in applications.prepare(env, DELAY_REVIEW, acc).intro


@pytest.mark.parametrize("after_end", [1, 30])  # the first and the last day of the 审验's 30 days
def test_in_the_30_days_after_the_cycle_its_review_is_due(env, people, after_end: int) -> None:
    acc = account_id(env, people["coach_driver"])
    ended, due = _at(env, acc, after_end)
    prepared = applications.prepare(env, REVIEW, acc)
    assert f"{ended}已记9分，须参加审验教育，并在{due.year}年{due.month}月{due.day}日前完成审验" in prepared.intro
    assert prepared.context["ways"] == ("现场教育",)  # 9 points: 现场教育 only
    delay = applications.prepare(env, DELAY_REVIEW, acc)
    assert f"须晚于{ended}的审验截止日期{due:%Y-%m-%d}" in delay.intro
    if after_end < 30:  # on the last day a delay to it is refused as 须晚于今天
        with pytest.raises(DomainError) as err:
            applications.check(DELAY_REVIEW, {"reason": "服兵役", "detail": "", "until": f"{due:%Y-%m-%d}"}, delay)
        assert f"须晚于{ended}的审验截止日期{due:%Y-%m-%d}" in str(err.value)


def test_the_day_after_the_30_days_a_missed_review_is_overdue(env, people) -> None:
    """No 审验 by its last day: the ended cycle's 审验 is overdue, not 免予 (tester: the day after the
    deadline said 免予本记分周期审验 to a driver who had missed it). 延期审验 may put it off from tomorrow."""
    acc = account_id(env, people["coach_driver"])
    ended, due = _at(env, acc, 31)
    why = refusal(env, REVIEW, acc)
    assert why.startswith(f"{ended}已记9分，审验截止日期{due.year}年{due.month}月{due.day}日已过，未完成审验。"
                          "请携带身份证明和驾驶证到车管所窗口办理驾驶证审验") and "免予" not in why
    delay = applications.prepare(env, DELAY_REVIEW, acc)
    assert "审验截止日期" not in delay.intro  # overdue: any day from tomorrow puts it off


def test_a_cycle_later_the_missed_review_is_no_longer_the_kiosks_to_say(env, people) -> None:
    """Once the next cycle has ended too, its own (0 points) decides: 免予 (the record would say 逾期未审验, S)."""
    acc = account_id(env, people["coach_driver"])
    _at(env, acc, 366 + 1)
    assert "免予本记分周期审验" in refusal(env, REVIEW, acc)
    assert "免予本记分周期审验" in refusal(env, DELAY_REVIEW, acc)


def test_an_overdue_review_without_points_is_sent_to_the_counter(env, people) -> None:
    p = people["truck_driver"]  # 马超, A2, no points
    set_licence(env, p, status="S")
    why = refusal(env, REVIEW, account_id(env, p))
    assert why.startswith("您的驾驶证逾期未审验，请携带身份证明和驾驶证到车管所窗口办理驾驶证审验")
    assert "免予" not in why
