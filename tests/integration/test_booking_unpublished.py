"""查询 on step 选择场次 with a range past the plans published: the empty result says so, with their last
exam day. Tester (王芳, 优先预约, 2027-01-04, beyond the last plan published): 所选时间段内没有可优先预约的
考试场次（优先预约名额已满，或考试计划已截止预约） gave two reasons, neither of them the one. Worked out only
for an empty result (rare), so a 查询 that lists sessions pays nothing for it."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from kiosk.db.models import ExamPlan, ExamSession
from kiosk.services import booking_query
from kiosk.ui.screens.booking.session_text import NONE_FOUND, NONE_FOUND_PRIORITY, none_found
from tests.booking_helpers import account_id


def _last_published(env, subject: int, site: int | None = None) -> date:
    """The last exam day of the C1 sessions of ``subject`` whose plan has opened for booking."""
    q = (select(func.max(ExamSession.exam_date)).join(ExamPlan, ExamPlan.id == ExamSession.plan_id)
         .where(ExamSession.subject == subject, ExamSession.classes.contains("C1"),
                ExamPlan.booking_opens_at <= env.clock.now()))
    if site is not None:
        q = q.where(ExamSession.site_id == site)
    with env.db.read() as s:
        return s.scalar(q)


def _query(env, p, subject: int, first: date, last: date, site: int | None = None, priority: bool = False):
    return booking_query.query_sessions(env, account_id(env, p), subject, first, last, site, priority)


@pytest.mark.parametrize("priority", [True, False])
def test_a_range_wholly_past_the_plans_says_their_last_day(env, people, priority):
    last = _last_published(env, 2)
    with env.db.read() as s:  # plans made but not opened yet are not published: not counted
        assert s.scalar(select(func.max(ExamSession.exam_date))) > last
    result = _query(env, people["permit_expiring"], 2, last + timedelta(days=1), last + timedelta(days=7),
                    priority=priority)
    assert result.rows == [] and result.unpublished is not None and result.unpublished.wholly
    kind = "可优先预约" if priority else "可预约"
    day = f"{last.year}年{last.month}月{last.day}日"
    assert none_found(priority, result) == (f"所选时间段内没有{kind}的考试场次（科目二考试计划已公布至{day}，"
                                            "此后的考试场次尚未公布），请更改时间段或考场后重新查询")


def test_a_range_partly_past_them_says_it_beside_the_other_reasons(env, people):
    last = _last_published(env, 2)
    with env.db.write() as s:  # the last days' plans allocated already: published, but closed to booking
        closed = select(ExamSession.plan_id).where(ExamSession.exam_date >= last - timedelta(days=1))
        s.execute(update(ExamPlan).where(ExamPlan.id.in_(closed), ExamPlan.booking_opens_at <= env.clock.now())
                  .values(allocated_at=env.clock.now()))
    p = people["permit_expiring"]
    result = _query(env, p, 2, last - timedelta(days=1), last + timedelta(days=3))
    assert result.rows == [] and not result.unpublished.wholly and result.unpublished.last_day == last
    text = none_found(False, result)
    assert "科目二考试计划已公布至" in text and text.endswith("此后的考试场次尚未公布；已到预约结果公布日、截止预约的场次不列出），"
                                                       "请更改时间段或考场后重新查询")
    priority = none_found(True, _query(env, p, 2, last - timedelta(days=1), last + timedelta(days=3), priority=True))
    assert "尚未公布；已公布的场次优先预约名额已满，或考试计划已截止预约）" in priority


def test_at_a_chosen_site_it_speaks_of_that_site(env, people):
    site = 1
    last = _last_published(env, 3, site)
    result = _query(env, people["permit_expiring"], 3, last + timedelta(days=1), last + timedelta(days=2), site)
    assert result.unpublished.at_site and result.unpublished.last_day == last
    assert "（该考场科目三考试计划已公布至" in none_found(False, result)


def test_within_the_plans_the_old_reasons_stay(env, people):
    """An empty range inside the plans published: nothing about them (it is not the reason)."""
    p = people["permit_expiring"]
    day = env.clock.now().date() + timedelta(days=1)  # tomorrow: its plan closed to booking already
    result = _query(env, p, 2, day, day)
    assert result.rows == [] and result.unpublished is None
    assert none_found(False, result) == NONE_FOUND and none_found(True, result) == NONE_FOUND_PRIORITY


def test_a_query_that_lists_sessions_does_not_look(env, people, monkeypatch):
    def looked(*args):  # type: ignore[no-untyped-def]
        raise AssertionError("the last plan day was looked up for a result with sessions")

    monkeypatch.setattr(booking_query, "_unpublished", looked)
    last = _last_published(env, 2)
    result = _query(env, people["permit_expiring"], 2, last - timedelta(days=10), last + timedelta(days=10))
    assert result.rows and result.unpublished is None


def test_none_published_at_all() -> None:
    said = booking_query.Unpublished(3, None, True, False).text
    assert said == "尚未公布科目三考试计划"
