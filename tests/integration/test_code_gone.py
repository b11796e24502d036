"""What a refused code tells the screen (codes.refusal): whether the code sent is gone (the line
验证码已发送至 ... goes) and whether a new one may be asked for at once (重新发送 stops counting);
and a new code asked for too soon after a dead one is not said as 请输入已收到的验证码."""
from __future__ import annotations

import pytest

from kiosk.domain.errors import CodeRefused, CodeStillValid, TooSoon
from kiosk.services import auth, codes
from tests.conftest import last_sms_code


@pytest.mark.parametrize(("problem", "gone", "resend_now"), [
    (codes.USED, True, True), (codes.GONE, True, True), (codes.DEAD, True, False),
    (codes.EXPIRED, True, False), (codes.ELSEWHERE, True, False), (codes.STALE_ELSEWHERE, True, False),
    (codes.STALE, False, False), (codes.NONE_SENT, False, False), ("验证码错误，还可尝试4次", False, False),
])
def test_refusal_flags(problem: str, gone: bool, resend_now: bool) -> None:
    exc = codes.refusal(problem)
    assert (exc.message, exc.field, exc.gone, exc.resend_now) == (problem, "code", gone, resend_now)


def test_sign_in_refusals_carry_the_flags_and_a_dead_code_is_no_code_to_type(env, people) -> None:
    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    code = last_sms_code(env, p.phone)
    for _ in range(5):
        with pytest.raises(CodeRefused) as err:
            auth.finish_sign_in(env, p.id_number, f"{(int(code) + 1) % 10**6:06d}")
    assert err.value.message == codes.DEAD and err.value.gone and not err.value.resend_now
    with pytest.raises(TooSoon) as soon:  # the resend wait holds, but there is no code to type
        auth.start_sign_in(env, p.id_number)
    assert soon.value.message == "验证码错误次数过多，已失效，请在【重新发送】可用后重新获取" and soon.value.seconds > 0
    assert not isinstance(soon.value, CodeStillValid)  # nothing to show again: it is no code to type
    env.clock.advance(seconds=61)
    auth.start_sign_in(env, p.id_number)
    assert auth.finish_sign_in(env, p.id_number, last_sms_code(env, p.phone)).id_number == p.id_number
