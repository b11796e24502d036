"""确认并提交's 预约结果公布日 (kiosk.services.booking_publish): days in a row said as a range, and
only the days whose sessions the citizen can be placed in."""
from __future__ import annotations

from kiosk.services import booking_submit
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, sessions


def test_two_publication_days_in_a_row_read_as_a_range(env, people):
    """陈晨, 科目二, a session on 12-07 and one on 12-08 (tester: 2026年12月5日、12月6日（共2天）)."""
    p = people["k2_ready"]
    rows = sessions(env, p, 2, "2026-12-07", "2026-12-08")
    picked = tuple(next(r.id for r in rows if r.exam_date.day == day) for day in (7, 8))
    checked = booking_submit.check(env, account_id(env, p), BookingRequest(2, "self", picked))
    assert checked.publish_text == "2026年12月5日至12月6日（共2天）"
    assert ("预约结果公布日", "2026年12月5日至12月6日（共2天）") in checked.summary
