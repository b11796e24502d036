"""Booking refused because the sessions closed between choosing and 预约 (tester's finding 2).

The refusal was always 「所选场次已截止预约或不可预约，请重新查询后选择」. Now, when a plan closed on its
publication day, it names the day; and whether the SMS code typed still serves for the next try
(checked, unused) is said (（验证码仍然有效）) and told to the screen (``code_valid``)."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import delete, select

from kiosk.db.models import ExamSession, SmsCode
from kiosk.domain.errors import CodeRefused
from kiosk.services import booking_submit, codes
from kiosk.services.booking_create import GONE, SessionsGone
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, sessions
from tests.conftest import last_sms_code

CLOSED_12_04 = "2026-12-04的场次已于2026年12月2日（预约结果公布日）截止网上预约，请重新查询后选择其他场次"


def to_just_before_midnight(env) -> None:  # type: ignore[no-untyped-def]
    """The clock (2026-12-01 09:00) to 23:58: the 12-04 plan closes at 00:00 (publication day 12-02)."""
    env.clock.advance(seconds=(datetime(2026, 12, 1, 23, 58) - env.clock.now()).total_seconds())


def code_row(env, phone: str):  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        row = s.scalars(select(SmsCode).where(SmsCode.phone == phone).order_by(SmsCode.id.desc())).first()
        return row.used_at, row.attempts


def test_a_session_closed_before_submitting_names_the_day_and_keeps_the_code(env, people):
    p = people["permit_expiring"]
    aid = account_id(env, p)
    to_just_before_midnight(env)
    req = BookingRequest(2, "self", (sessions(env, p, 2, "2026-12-04", "2026-12-04")[0].id,))
    booking_submit.check(env, aid, req)  # still open
    booking_submit.send_code(env, aid)
    code = last_sms_code(env, p.phone)
    env.clock.advance(minutes=3)  # 2026-12-02 00:01: the code still valid, the plan closed
    with pytest.raises(SessionsGone) as refused:
        booking_submit.submit(env, aid, req, code)
    assert refused.value.message == CLOSED_12_04 + "（验证码仍然有效）"
    assert refused.value.code_valid and refused.value.field == "sessions"
    assert code_row(env, p.phone) == (None, 0)  # neither used nor counted
    wrong = "000000" if code != "000000" else "111111"
    # A wrong code is refused as wrong and counted as a failed try, as it is when the sessions are
    # fine: otherwise this refusal would tell right codes from wrong ones without limit.
    with pytest.raises(CodeRefused, match="验证码错误"):
        booking_submit.submit(env, aid, req, wrong)
    assert code_row(env, p.phone) == (None, 1)
    env.clock.advance(minutes=5)  # the code expired: that is said first, as at any submission
    with pytest.raises(CodeRefused, match="过期"):
        booking_submit.submit(env, aid, req, code)
    with pytest.raises(SessionsGone) as refused:  # at 下一步 (no code yet): the same reason
        booking_submit.check(env, aid, req)
    assert refused.value.message == CLOSED_12_04


def test_a_withdrawn_session_keeps_the_general_refusal(env, people):
    p = people["permit_expiring"]
    aid = account_id(env, p)
    sid = sessions(env, p, 2, "2026-12-05", "2026-12-05")[0].id
    with env.db.write() as s:
        s.execute(delete(ExamSession).where(ExamSession.id == sid))
    with pytest.raises(SessionsGone) as refused:
        booking_submit.check(env, aid, BookingRequest(2, "self", (sid,)))
    assert refused.value.message == GONE == "所选场次已截止预约或不可预约，请重新查询后选择"


def test_a_system_range_closed_before_submitting_names_the_day(env, people):
    p = people["permit_expiring"]
    aid = account_id(env, p)
    to_just_before_midnight(env)
    req = BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 4))
    booking_submit.check(env, aid, req)
    booking_submit.send_code(env, aid)
    code = last_sms_code(env, p.phone)
    env.clock.advance(minutes=3)
    with pytest.raises(SessionsGone) as refused:
        booking_submit.submit(env, aid, req, code)
    assert refused.value.message == ("所选时间段内的场次已于2026年12月2日（预约结果公布日）截止网上预约，"
                                     "请更改时间段或考场后重新查询（验证码仍然有效）")
    assert refused.value.field == "range" and refused.value.code_valid


def test_closing_between_the_read_and_the_write_leaves_the_code_unused(env, people, monkeypatch):
    """Midnight passes after the request was validated and the code checked, before the write
    transaction counts the application: refused with the day, the code rolled back unused."""
    p = people["permit_expiring"]
    aid = account_id(env, p)
    to_just_before_midnight(env)
    req = BookingRequest(2, "self", (sessions(env, p, 2, "2026-12-04", "2026-12-04")[0].id,))
    booking_submit.send_code(env, aid)
    code = last_sms_code(env, p.phone)
    real = codes.precheck

    def precheck_then_midnight(*args, **kwargs):  # type: ignore[no-untyped-def]
        checked = real(*args, **kwargs)
        env.clock.advance(minutes=3)
        return checked

    monkeypatch.setattr(codes, "precheck", precheck_then_midnight)
    with pytest.raises(SessionsGone) as refused:
        booking_submit.submit(env, aid, req, code)
    assert refused.value.message == CLOSED_12_04 + "（验证码仍然有效）" and refused.value.code_valid
    assert code_row(env, p.phone) == (None, 0)


def test_a_session_changed_to_another_class_meanwhile_says_so_and_keeps_the_code(env, people):
    """Tester: a counter changed the chosen session's 准考车型 from C1C2 to C2 between 下一步 and 预约; the
    refusal said 所选场次已截止预约或不可预约 as if it had closed. It names the session and what changed."""
    p = people["k2_ready"]  # 陈晨, C1
    aid = account_id(env, p)
    row = sessions(env, p, 2, "2026-12-05", "2026-12-20")[-1]
    req = BookingRequest(2, "self", (row.id,))
    booking_submit.check(env, aid, req)
    booking_submit.send_code(env, aid)
    code = last_sms_code(env, p.phone)
    with env.db.write() as s:
        s.get(ExamSession, row.id).classes = "C2"
    said = (f"所选场次（{row.exam_date.month}月{row.exam_date.day}日 {row.start_time:%H:%M} {row.site_name}）"
            "已不再接受C1车型考试，请重新查询后选择其他场次")
    with pytest.raises(SessionsGone) as refused:
        booking_submit.submit(env, aid, req, code)
    assert refused.value.message == said + "（验证码仍然有效）" and refused.value.code_valid
    assert code_row(env, p.phone) == (None, 0)  # neither used nor counted
    with pytest.raises(SessionsGone) as refused:  # at 下一步: the same
        booking_submit.check(env, aid, req)
    assert refused.value.message == said
