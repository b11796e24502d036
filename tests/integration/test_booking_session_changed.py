"""A counter changed a chosen session's 开考时间 (or day, or site) while the citizen was on 确认并提交
(tester: 08:30 shown and confirmed, 09:00 booked, no warning). The kiosk's request carries the
sessions as listed (BookingRequest.confirmed); 下一步 and 预约 refuse one that changed, naming old
and new, the code kept for the next try. A request without them (CLI, tests, bench) books as before."""
from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest
from sqlalchemy import select

from kiosk.db.models import ExamSession, ExamSite
from kiosk.services import booking_submit, codes
from kiosk.services.booking_confirmed import ShownSession
from kiosk.services.booking_create import SessionsGone
from kiosk.services.booking_query import SessionRow
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, sessions
from tests.conftest import last_sms_code
from tests.integration.test_booking_closed import code_row


def shown(row: SessionRow) -> ShownSession:
    return ShownSession(row.id, row.exam_date, row.start_time, row.site_id, row.site_name)


def label(row: SessionRow) -> str:
    return f"{row.exam_date.month}月{row.exam_date.day}日 {row.start_time:%H:%M} {row.site_name}"


def later(start: time) -> time:
    return time(start.hour + 1, start.minute)


def chosen(env, p, priority: bool = False):  # type: ignore[no-untyped-def]
    """A session of 科目二 listed for ``p``, the request the kiosk makes for it, the code sent."""
    row = sessions(env, p, 2, "2026-12-05", "2026-12-20", priority=priority)[-1]
    req = BookingRequest(2, "priority" if priority else "self", (row.id,), confirmed=(shown(row),))
    aid = account_id(env, p)
    booking_submit.check(env, aid, req)
    booking_submit.send_code(env, aid)
    return row, req, aid, last_sms_code(env, p.phone)


def set_start(env, sid: int, start: time) -> None:  # type: ignore[no-untyped-def]
    with env.db.write() as s:
        s.get(ExamSession, sid).start_time = start


def test_a_start_time_changed_before_submitting_is_refused_naming_old_and_new(env, people):
    p = people["k2_ready"]
    row, req, aid, code = chosen(env, p)
    set_start(env, row.id, later(row.start_time))
    said = (f"所选场次（{label(row)}）的考试时间已改为{row.exam_date.month}月{row.exam_date.day}日 "
            f"{later(row.start_time):%H:%M}，可重新选择该场次（已按变更后的信息列出）或其他场次")
    with pytest.raises(SessionsGone) as refused:
        booking_submit.submit(env, aid, req, code)
    assert refused.value.message == said + "（验证码仍然有效）" and refused.value.code_valid
    assert refused.value.changed == (row.id,)
    assert code_row(env, p.phone) == (None, 0)  # neither used nor counted
    with pytest.raises(SessionsGone) as refused:  # at 下一步: the same
        booking_submit.check(env, aid, req)
    assert refused.value.message == said
    # chosen again as it stands now: booked, with the code kept
    again = replace(req, confirmed=(replace(shown(row), start_time=later(row.start_time)),))
    done = booking_submit.submit(env, aid, again, code)
    assert done.status == booking_submit.STATUS_PENDING


def test_unchanged_books_and_a_request_without_what_was_shown_books_as_before(env, people):
    p = people["k2_ready"]
    row, req, aid, code = chosen(env, p)
    assert booking_submit.submit(env, aid, req, code).status == booking_submit.STATUS_PENDING
    q = people["k3_ready"]  # the CLI's request (no sessions shown): not checked
    row = sessions(env, q, 3, "2026-12-05", "2026-12-20")[-1]
    set_start(env, row.id, later(row.start_time))
    booking_submit.send_code(env, account_id(env, q))
    done = booking_submit.submit(env, account_id(env, q), BookingRequest(3, "self", (row.id,)), last_sms_code(env, q.phone))
    assert done.status == booking_submit.STATUS_PENDING


def test_a_site_changed_is_said_with_the_new_site(env, people):
    p = people["k2_ready"]
    row, req, aid, code = chosen(env, p)
    with env.db.write() as s:
        other = s.scalars(select(ExamSite).where(ExamSite.id != row.site_id).order_by(ExamSite.id)).first()
        s.get(ExamSession, row.id).site_id = other.id
        name = other.name
    with pytest.raises(SessionsGone) as refused:
        booking_submit.submit(env, aid, req, code)
    assert refused.value.reason == f"所选场次（{label(row)}）的考场已改为{name}，可重新选择该场次（已按变更后的信息列出）或其他场次"


def test_a_priority_session_changed_is_refused(env, people):
    p = people["permit_expiring"]
    row, req, aid, code = chosen(env, p, priority=True)
    set_start(env, row.id, later(row.start_time))
    with pytest.raises(SessionsGone, match="的考试时间已改为"):
        booking_submit.submit(env, aid, req, code)
    assert code_row(env, p.phone) == (None, 0)


def test_changed_between_the_read_and_the_write_is_rolled_back(env, people, monkeypatch):
    """The counter's edit lands after the request was validated, before the booking transaction:
    that transaction checks again after counting, rolls back, and the code stays unused."""
    rolled_back(env, people["k2_ready"], monkeypatch)


def rolled_back(env, p, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    row, req, aid, code = chosen(env, p)
    real = codes.precheck

    def precheck_then_edit(*args, **kwargs):  # type: ignore[no-untyped-def]
        checked = real(*args, **kwargs)
        set_start(env, row.id, later(row.start_time))
        return checked

    monkeypatch.setattr(codes, "precheck", precheck_then_edit)
    with pytest.raises(SessionsGone, match="的考试时间已改为") as refused:
        booking_submit.submit(env, aid, req, code)
    assert refused.value.code_valid and refused.value.changed == (row.id,)
    assert code_row(env, p.phone) == (None, 0)
    with env.db.read() as s:
        assert s.get(ExamSession, row.id).applicants == row.applicants  # the count rolled back


@pytest.mark.postgres
def test_on_postgresql_the_same(pg_env, people, monkeypatch):
    """The tester's database: refused before the booking transaction and within it."""
    test_a_start_time_changed_before_submitting_is_refused_naming_old_and_new(pg_env, people)
    rolled_back(pg_env, people["permit_expiring"], monkeypatch)
