"""The booking submission's transactions on a pooled driver connection (Database.fast) and the
code check that settles inside them, on a real SQLite file."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import func, select

from kiosk.db.models import Booking, ExamSession, SmsCode
from kiosk.domain.errors import Conflict, DomainError
from kiosk.services import booking_submit, codes
from kiosk.services.booking import CODE_PURPOSE
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.gateways import OutboxSmsGateway
from tests.booking_helpers import account_id, book, sessions
from tests.conftest import last_sms_code


def _count_codes(env) -> int:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return s.scalar(select(func.count()).select_from(SmsCode))


def _add_code_row(tx, phone: str) -> None:  # type: ignore[no-untyped-def]
    tx.cursor.execute("INSERT INTO sms_codes (phone, purpose, code_hash, sent_at, expires_at, attempts) "
                      "VALUES (?, 'test', 'x$y', '2026-01-01 00:00:00.000000', '2026-01-01 00:05:00.000000', 0)",
                      (phone,))


def test_fast_commits_on_success_and_rolls_back_on_error(env):
    before = _count_codes(env)
    with env.db.fast(write=True) as tx:
        _add_code_row(tx, "13900000001")
    assert _count_codes(env) == before + 1
    with pytest.raises(RuntimeError), env.db.fast(write=True) as tx:
        _add_code_row(tx, "13900000002")
        raise RuntimeError("midway")
    assert _count_codes(env) == before + 1
    with env.db.fast(write=False) as tx:  # the connection went back to the pool usable
        tx.cursor.execute("SELECT count(*) FROM sms_codes")
        assert tx.cursor.fetchone()[0] == before + 1


def _precheck(env, phone: str, code: str):  # type: ignore[no-untyped-def]
    with env.db.fast(write=False) as tx:
        return codes.precheck(tx, env, phone, CODE_PURPOSE, code)


def test_settle_decides_again_when_the_code_row_changed_after_the_precheck(env, people):
    p = people["permit_expiring"]
    aid = account_id(env, p)
    booking_submit.send_code(env, aid)
    right = last_sms_code(env, p.phone)
    wrong = "000000" if right != "000000" else "111111"
    pre = _precheck(env, p.phone, right)
    assert pre.problem is None and pre.matched
    with env.db.fast(write=True) as tx:  # meanwhile a wrong try on another kiosk is counted
        assert codes.settle(tx, env, _precheck(env, p.phone, wrong)) == "验证码错误，还可尝试4次"
    with env.db.fast(write=True) as tx:  # the first one still holds: decided on the row as it is now
        assert codes.settle(tx, env, pre) is None
    with env.db.read() as s:
        row = s.scalars(select(SmsCode).where(SmsCode.phone == p.phone).order_by(SmsCode.id.desc())).first()
        assert row.attempts == 1 and row.used_at is not None
    with env.db.fast(write=True) as tx:  # and it is used up now
        assert codes.settle(tx, env, pre) == "验证码已使用，请重新获取"


def test_settle_checks_against_a_code_sent_after_the_precheck(env, people):
    p = people["permit_expiring"]
    aid = account_id(env, p)
    booking_submit.send_code(env, aid)
    pre = _precheck(env, p.phone, last_sms_code(env, p.phone))
    env.clock.advance(seconds=61)
    booking_submit.send_code(env, aid)  # a newer code replaces it
    with env.db.fast(write=True) as tx:
        problem = codes.settle(tx, env, pre)
    newest = last_sms_code(env, p.phone)
    # the code checked first was replaced: said so, and no try of the newest one used up
    assert problem == (codes.STALE if newest != pre.code else None)


def test_a_lost_priority_race_in_the_fast_write_leaves_the_code_unused(env, people):
    p = people["permit_expiring"]
    aid = account_id(env, p)
    row = sessions(env, p, 2, "2026-12-04", "2026-12-06", priority=True)[0]
    booking_submit.send_code(env, aid)
    code = last_sms_code(env, p.phone)
    with env.db.read() as s:
        plan = booking_submit._plan(s, env, aid, BookingRequest(2, "priority", (row.id,)))
    with env.db.write() as s:  # another kiosk takes the last priority seat after the validation
        s.get(ExamSession, row.id).priority_taken = s.get(ExamSession, row.id).priority_quota
    pre = _precheck(env, p.phone, code)
    with pytest.raises(Conflict, match="已被约满"), env.db.fast(write=True) as tx:
        assert codes.settle(tx, env, pre) is None
        booking_submit.book(tx, env, aid, BookingRequest(2, "priority", (row.id,)), plan)
    with env.db.read() as s:
        assert s.scalars(select(SmsCode.used_at).where(SmsCode.phone == p.phone)
                         .order_by(SmsCode.id.desc())).first() is None
        assert s.scalar(select(func.count()).select_from(Booking).where(Booking.account_id == aid,
                                                                         Booking.priority)) == 0


class _NotOutbox:
    def __init__(self) -> None:
        self.outbox = OutboxSmsGateway()
        self.sessions: list[object] = []

    def send(self, session, phone, body, at, account_id=None):  # type: ignore[no-untyped-def]
        self.sessions.append(session)
        self.outbox.send(session, phone, body, at, account_id)


def test_booking_with_another_sms_gateway_sends_through_a_session(env, people):
    gateway = _NotOutbox()
    env = dataclasses.replace(env, sms=gateway)
    p = people["permit_expiring"]
    aid = account_id(env, p)
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    booking_submit.send_code(env, aid)
    done = booking_submit.submit(env, aid, BookingRequest(2, "self", (rows[0].id,)), last_sms_code(env, p.phone))
    assert done.status == "受理中"
    assert len(gateway.sessions) == 2 and all(hasattr(s, "add") for s in gateway.sessions)  # code + booking SMS
    with pytest.raises(DomainError, match="不能重复预约"):
        booking_submit.check(env, aid, BookingRequest(2, "self", (rows[1].id,)))


def test_system_mode_without_a_site_counts_every_fitting_session_of_every_site(env, people):
    p = people["k3_ready"]
    rows = sessions(env, p, 3, "2026-12-05", "2026-12-07")
    assert len({r.site_id for r in rows}) > 1
    done = book(env, p, BookingRequest(3, "system", (), date(2026, 12, 5), date(2026, 12, 7)))
    assert ("考试场地", "不限考场（服从系统安排）") in done.summary
    with env.db.read() as s:
        assert [s.get(ExamSession, r.id).applicants for r in rows] == [r.applicants + 1 for r in rows]
