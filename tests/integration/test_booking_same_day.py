"""Step 选择场次 leaves out the sessions of a day on which the citizen already has an exam (one
subject's exam a day) and names those days; 确认并提交 still refuses such a session (a list
read before the other exam was placed)."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, update

from kiosk.db.models import Booking, ExamSession
from kiosk.domain.errors import DomainError
from kiosk.services import booking_query, booking_submit
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, book, sessions
from tests.conftest import last_sms_code

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


REFUSED_SYSTEM = f"^{SAID}，所选时间段内没有其他日期可预约的考试场次，请更改时间段或考场后重新查询$"


def test_system_mode_refuses_a_range_whose_only_sessions_are_on_that_day(env, placed):
    """服从系统安排 for 12-04 alone: the only fitting sessions are on her 科目二 day, where allocation
    would never place her; the service refuses at 确认并提交 and at 预约 (a code already sent), and
    nothing is booked."""
    p, _ = placed
    aid = account_id(env, p)
    req = BookingRequest(3, "system", (), DAY, DAY)
    with pytest.raises(DomainError, match=REFUSED_SYSTEM):
        booking_submit.check(env, aid, req)
    booking_submit.send_code(env, aid)
    with pytest.raises(DomainError, match=REFUSED_SYSTEM):
        booking_submit.submit(env, aid, req, last_sms_code(env, p.phone))
    with env.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Booking).where(
            Booking.account_id == aid, Booking.subject == 3)) == 0


def test_system_mode_accepts_a_range_with_another_day(env, placed):
    """The same day inside a longer range is no reason to refuse: allocation places her on 12-05."""
    p, _ = placed
    aid = account_id(env, p)
    checked = booking_submit.check(env, aid, BookingRequest(3, "system", (), DAY, date(2026, 12, 5)))
    assert dict(checked.summary)["预约时间段"] == "2026年12月4日至2026年12月5日"
    done = book(env, p, BookingRequest(3, "system", (), DAY, date(2026, 12, 5)))
    assert done.status == "受理中"
