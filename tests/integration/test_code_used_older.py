"""An older code already used, typed again (tester: 王芳 signed in, 退出登录, signed in again within
5 minutes and typed the previous sign-in's code: 「验证码错误，还可尝试4次」). It was sent to the
citizen's phone, it is no guess: told as replaced (``STALE``), no try counted, as an older code never
used. Only codes sent to that phone for that purpose that day count as old: others still cost a try."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import SmsCode
from kiosk.domain.errors import DomainError
from kiosk.services import auth, booking_submit, codes
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.env import Env
from tests.booking_helpers import account_id, sessions
from tests.conftest import last_sms_code


def _newest_attempts(env: Env, phone: str) -> int:
    with env.db.read() as s:
        return s.scalars(select(SmsCode.attempts).where(SmsCode.phone == phone).order_by(SmsCode.id.desc())).first()


def _sign_in(env: Env, id_number: str, phone: str) -> str:
    auth.start_sign_in(env, id_number)
    code = last_sms_code(env, phone)
    assert auth.finish_sign_in(env, id_number, code)
    return code


def test_the_previous_sign_in_code_is_told_as_replaced_and_costs_no_try(env, people):
    p = people["permit_expiring"]  # 王芳
    used = _sign_in(env, p.id_number, p.phone)
    env.clock.advance(seconds=30)  # 退出登录, sign in again within the 5 minutes
    auth.start_sign_in(env, p.id_number)
    newest = last_sms_code(env, p.phone)
    if newest == used:
        pytest.skip("the two codes are the same")
    with pytest.raises(DomainError) as err:
        auth.finish_sign_in(env, p.id_number, used)
    assert err.value.message == codes.STALE == "该验证码已失效，请使用最新收到的验证码"
    assert err.value.field == "code"
    assert _newest_attempts(env, p.phone) == 0
    assert auth.finish_sign_in(env, p.id_number, newest).name == p.name


def test_the_booking_code_used_for_the_last_booking_costs_no_try(env, people):
    p = people["permit_expiring"]
    aid = account_id(env, p)
    two, three = sessions(env, p, 2, "2026-12-04", "2026-12-06"), sessions(env, p, 3, "2026-12-09", "2026-12-09")
    booking_submit.send_code(env, aid)
    used = last_sms_code(env, p.phone)
    assert booking_submit.submit(env, aid, BookingRequest(2, "self", (two[0].id,)), used).serial_no
    booking_submit.send_code(env, aid)  # a used code: no resend wait
    newest = last_sms_code(env, p.phone)
    if newest == used:
        pytest.skip("the two codes are the same")
    request = BookingRequest(3, "self", (three[0].id,))
    with pytest.raises(DomainError) as err:
        booking_submit.submit(env, aid, request, used)
    assert err.value.message == codes.STALE
    assert _newest_attempts(env, p.phone) == 0
    assert booking_submit.submit(env, aid, request, newest).serial_no


def test_an_other_purpose_code_typed_again_costs_no_try(env, people):
    """consume_code (register, 变更联系方式 and the other online services check codes there too)."""
    phone = people["driver_normal"].phone
    with env.db.write() as s:
        codes.send_code(s, env, phone, "contact_change")
    used = last_sms_code(env, phone)
    with env.db.write() as s:
        assert codes.consume_code(s, env, phone, "contact_change", used) is None
        codes.send_code(s, env, phone, "contact_change")
    if last_sms_code(env, phone) == used:
        pytest.skip("the two codes are the same")
    with env.db.write() as s:
        assert codes.consume_code(s, env, phone, "contact_change", used) == codes.STALE
    assert _newest_attempts(env, phone) == 0


def test_a_used_code_of_another_purpose_or_day_still_counts(env, people):
    """Brute-force protection kept: the sign-in code typed at 确认并提交 (another purpose), or
    yesterday's sign-in code, is a wrong try."""
    p = people["permit_expiring"]
    aid = account_id(env, p)
    login = _sign_in(env, p.id_number, p.phone)
    booking_submit.send_code(env, aid)
    if last_sms_code(env, p.phone) == login:
        pytest.skip("the two codes are the same")
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    with pytest.raises(DomainError, match="验证码错误，还可尝试4次"):
        booking_submit.submit(env, aid, BookingRequest(2, "self", (rows[0].id,)), login)
    env.clock.advance(days=1)  # the next day: yesterday's codes are no longer looked at
    yesterday = _sign_in(env, p.id_number, p.phone)
    env.clock.advance(days=1)
    auth.start_sign_in(env, p.id_number)
    if last_sms_code(env, p.phone) == yesterday:
        pytest.skip("the two codes are the same")
    with pytest.raises(DomainError, match="验证码错误，还可尝试4次"):
        auth.finish_sign_in(env, p.id_number, yesterday)
