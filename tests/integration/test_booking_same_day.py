"""Step 选择场次 leaves out the sessions of a day on which the citizen already has an exam (one
subject's exam a day) and names those days; 确认并提交 still refuses such a session (a list
read before the other exam was placed)."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from kiosk.db.models import ExamSession
from kiosk.domain.errors import DomainError
from kiosk.services import booking_query, booking_submit
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, book, sessions

DAY = date(2026, 12, 4)
SAID = "您2026年12月4日已有其他科目的考试，同一天只能安排一个科目的考试"


def query(env, person, subject: int, start: date, end: date, priority: bool = False) -> booking_query.SessionQuery:
    return booking_query.query_sessions(env, account_id(env, person), subject, start, end, None, priority)


@pytest.fixture
def placed(env, people):
    """王芳 with a 科目二 priority seat on 12-04; her 科目三 sessions of 12-04 before it was taken."""
    p = people["permit_expiring"]
    before = sessions(env, p, 3, "2026-12-04", "2026-12-05")
    assert {r.exam_date for r in before} == {DAY, date(2026, 12, 5)}
    book(env, p, BookingRequest(2, "priority", (sessions(env, p, 2, "2026-12-04", "2026-12-04", priority=True)[0].id,)))
    return p, before


def test_the_sessions_of_a_day_with_an_exam_are_left_out_and_the_day_is_named(env, placed):
    p, before = placed
    result = query(env, p, 3, DAY, date(2026, 12, 5))
    assert [r.id for r in result.rows] == [r.id for r in before if r.exam_date != DAY]  # the rest as before
    assert result.hidden_days == (DAY,)
    assert result.hidden_text == f"{SAID}，当天的场次未列出。"
    assert result.ranking is not None and result.ranking.planned == sum(r.seats for r in result.rows)


def test_only_that_day_the_priority_list_too(env, placed):
    p, _ = placed
    later = query(env, p, 3, date(2026, 12, 5), date(2026, 12, 8))
    assert later.rows and later.hidden_days == () and later.hidden_text == ""
    alone = query(env, p, 3, DAY, DAY)
    assert alone.rows == [] and alone.hidden_days == (DAY,)  # an empty list says why it is empty
    priority = query(env, p, 3, DAY, date(2026, 12, 5), priority=True)
    assert DAY not in {r.exam_date for r in priority.rows} and priority.hidden_days == (DAY,)


def test_a_day_is_named_only_when_a_session_of_it_was_left_out(env, placed):
    p, _ = placed
    with env.db.write() as s:  # 12-04's 科目三 sessions take large vehicles only: none was hers anyway
        s.execute(update(ExamSession).where(ExamSession.subject == 3, ExamSession.exam_date == DAY)
                  .values(classes="A1A2A3B1B2"))
    result = query(env, p, 3, DAY, date(2026, 12, 5))
    assert result.rows and result.hidden_days == ()


def test_submission_still_refuses_that_day_in_the_same_words(env, placed):
    """A list read before the other exam was placed (another kiosk, the back button) still offers the day."""
    p, before = placed
    same_day = next(r.id for r in before if r.exam_date == DAY)
    with pytest.raises(DomainError, match=f"^{SAID}，请选择其他日期的场次$") as refused:
        booking_submit.check(env, account_id(env, p), BookingRequest(3, "self", (same_day,)))
    assert refused.value.field == "sessions"


def test_a_waiting_application_leaves_no_day_out(env, people):
    """Only a placed exam takes the day: an application still waiting (受理中) may yet go elsewhere."""
    p = people["permit_expiring"]
    k2 = sessions(env, p, 2, "2026-12-04", "2026-12-04")[0]
    book(env, p, BookingRequest(2, "self", (k2.id,)))
    result = query(env, p, 3, DAY, DAY)
    assert result.rows and result.hidden_days == ()
