"""确认并提交's 预约结果公布日 (kiosk.services.booking_publish): days in a row said as a range, and
only the days whose sessions the citizen can be placed in."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from kiosk.db.models import ExamPlan, ExamSession
from kiosk.domain.dates import format_days
from kiosk.services import booking_query, booking_submit
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, book, sessions


def test_two_publication_days_in_a_row_read_as_a_range(env, people):
    """陈晨, 科目二, a session on 12-07 and one on 12-08 (tester: 2026年12月5日、12月6日（共2天）)."""
    p = people["k2_ready"]
    rows = sessions(env, p, 2, "2026-12-07", "2026-12-08")
    picked = tuple(next(r.id for r in rows if r.exam_date.day == day) for day in (7, 8))
    checked = booking_submit.check(env, account_id(env, p), BookingRequest(2, "self", picked))
    assert checked.publish_text == "2026年12月5日至12月6日（共2天）"
    assert ("预约结果公布日", "2026年12月5日至12月6日（共2天）") in checked.summary


def test_a_day_with_an_exam_is_not_among_the_system_publication_days(env, people):
    """王芳 priority-booked 科目三 on 12-07; 科目二 服从系统安排 over 12-05 to 12-17: 选择场次 leaves out
    12-07, so 确认并提交 (and the result page) must not name 2026年12月5日, which publishes only the
    12-07 sessions (tester: 2026年12月5日至12月10日、...（共10天）)."""
    p = people["permit_expiring"]
    aid = account_id(env, p)
    request = BookingRequest(2, "system", (), date(2026, 12, 5), date(2026, 12, 17))
    before = booking_submit.check(env, aid, request)
    book(env, p, BookingRequest(3, "priority", (sessions(env, p, 3, "2026-12-07", "2026-12-07", priority=True)[0].id,)))
    listed = booking_query.query_sessions(env, aid, 2, date(2026, 12, 5), date(2026, 12, 17))
    assert listed.hidden_days == (date(2026, 12, 7),)
    with env.db.read() as s:  # the plans of the sessions 选择场次 lists
        days = sorted(set(s.scalars(select(ExamPlan.publish_on).join(ExamSession)
                                    .where(ExamSession.id.in_([r.id for r in listed.rows])))))
    checked = booking_submit.check(env, aid, request)
    assert date(2026, 12, 5) not in days and "12月5日至12月10日" in before.publish_text
    assert checked.publish_on == days[0] and checked.publish_text == f"{format_days(days)}（共{len(days)}天）"
    assert ("预约结果公布日", checked.publish_text) in checked.summary

