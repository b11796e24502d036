"""A code already used (on another kiosk, the citizen having pressed 发送验证码 on both) is told as
used, not 「请先点击【发送验证码】获取验证码」: that kiosk did send for it (tester's finding). A phone
never sent a code is still told to send one."""
from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError, TooSoon
from kiosk.services import auth, booking_submit
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, sessions
from tests.conftest import last_sms_code
from tests.integration.test_code_replaced import other  # noqa: F401 - the fixture: a second kiosk


def _typo(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def test_the_code_used_at_one_kiosk_is_told_as_used_at_the_other(env, people) -> None:
    """Both kiosks of one hall share the code key (README); the second 发送验证码 shows the same code."""
    p = people["permit_expiring"]
    aid = account_id(env, p)
    two, three = sessions(env, p, 2, "2026-12-04", "2026-12-06"), sessions(env, p, 3, "2026-12-09", "2026-12-09")
    booking_submit.send_code(env, aid)  # kiosk 1
    code = last_sms_code(env, p.phone)
    with pytest.raises(TooSoon):  # kiosk 2: the code sent a moment ago is still the one to type
        booking_submit.send_code(env, aid)
    assert booking_submit.submit(env, aid, BookingRequest(2, "self", (two[0].id,)), code).serial_no  # kiosk 1
    with pytest.raises(DomainError) as err:  # kiosk 2, the same code, for the other subject
        booking_submit.submit(env, aid, BookingRequest(3, "self", (three[0].id,)), code)
    assert err.value.message == "验证码已使用，请重新获取" and err.value.field == "code"


def test_sign_in_with_a_used_code_or_a_typo_of_it(env, people) -> None:
    p = people["driver_normal"]
    with pytest.raises(DomainError) as err:  # nothing ever sent: unchanged
        auth.finish_sign_in(env, p.id_number, "123456")
    assert err.value.message == "请先点击【发送验证码】获取验证码"
    auth.start_sign_in(env, p.id_number)
    code = last_sms_code(env, p.phone)
    assert auth.finish_sign_in(env, p.id_number, code).name == p.name
    with pytest.raises(DomainError) as err:
        auth.finish_sign_in(env, p.id_number, code)
    assert err.value.message == "验证码已使用，请重新获取"
    with pytest.raises(DomainError) as err:
        auth.finish_sign_in(env, p.id_number, _typo(code))
    assert err.value.message == "验证码已失效，请重新获取"


def test_a_code_used_at_a_kiosk_with_its_own_key_is_told_as_gone(env, other, people) -> None:  # noqa: F811
    """Kiosk 2 cannot check kiosk 1's code; once used, it is still no 请先点击【发送验证码】."""
    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    code = last_sms_code(env, p.phone)
    assert auth.finish_sign_in(env, p.id_number, code).name == p.name
    with pytest.raises(DomainError) as err:
        auth.finish_sign_in(other, p.id_number, code)
    assert err.value.message == "验证码已失效，请重新获取"
