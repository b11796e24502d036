"""A citizen asked for an SMS code on two kiosks: only the newest code of a phone and purpose is
valid. The older one typed is told as replaced (not 验证码错误) and costs no try; a code only the
other terminal can check is told as such (tester's finding: a correct code refused as
「验证码错误，还可尝试4次」)."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from kiosk.db.models import SmsCode
from kiosk.domain.errors import CodeStillValid, DomainError, TooSoon
from kiosk.services import auth, booking_submit, code_keys, codes
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.env import Env, make_env
from tests.booking_helpers import account_id, sessions
from tests.conftest import last_sms_code


def _newest_row(env: Env, phone: str) -> SmsCode:
    with env.db.read() as s:
        return s.scalars(select(SmsCode).where(SmsCode.phone == phone).order_by(SmsCode.id.desc())).first()


@pytest.fixture
def other(env: Env, tmp_path) -> Iterator[Env]:  # type: ignore[no-untyped-def]
    """A second kiosk on the same database: its own data folder (so its own code key) and terminal id."""
    folder = tmp_path / "kiosk2"
    folder.mkdir()
    settings = dataclasses.replace(env.settings, data_dir=folder, terminal_id="test-kiosk-2")
    second = make_env(settings)
    yield second
    second.db.dispose()


def _advance(*envs: Env) -> None:
    for e in envs:
        e.clock.advance(seconds=61)  # the next code may be sent


def test_the_replaced_code_on_the_same_kiosk_is_told_as_such_and_costs_no_try(env, people):
    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    first = last_sms_code(env, p.phone)
    _advance(env)
    auth.start_sign_in(env, p.id_number)
    newest = last_sms_code(env, p.phone)
    if newest == first:  # one chance in a million: nothing to tell apart
        pytest.skip("the two codes are the same")
    with pytest.raises(DomainError) as err:
        auth.finish_sign_in(env, p.id_number, first)
    assert err.value.message == codes.STALE == "该验证码已失效，请使用最新收到的验证码"
    assert err.value.field == "code"
    assert _newest_row(env, p.phone).attempts == 0  # not a wrong try
    assert auth.finish_sign_in(env, p.id_number, newest).name == p.name


def test_two_kiosks_each_say_where_the_newest_code_can_be_used(env, other, people):
    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)  # kiosk 1
    first = last_sms_code(env, p.phone)
    _advance(env, other)
    auth.start_sign_in(other, p.id_number)  # kiosk 2: the newest code, under kiosk 2's key
    newest = last_sms_code(env, p.phone)
    if newest == first:
        pytest.skip("the two codes are the same")
    with pytest.raises(DomainError) as err:  # back at kiosk 1, the code it sent
        auth.finish_sign_in(env, p.id_number, first)
    assert err.value.message == codes.STALE_ELSEWHERE
    with pytest.raises(DomainError) as err:  # the newest code at kiosk 1: only kiosk 2 can check it
        auth.finish_sign_in(env, p.id_number, newest)
    assert err.value.message == codes.ELSEWHERE
    assert _newest_row(env, p.phone).attempts == 0
    assert auth.finish_sign_in(other, p.id_number, newest).name == p.name


def test_a_wrong_code_still_counts(env, people):
    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    first = last_sms_code(env, p.phone)
    _advance(env)
    auth.start_sign_in(env, p.id_number)
    newest = last_sms_code(env, p.phone)
    wrong = next(c for c in ("000000", "111111", "222222") if c not in (first, newest))
    with pytest.raises(DomainError, match="验证码错误，还可尝试4次"):
        auth.finish_sign_in(env, p.id_number, wrong)
    assert _newest_row(env, p.phone).attempts == 1


def test_the_booking_submission_says_the_code_was_replaced(env, people):
    p = people["permit_expiring"]
    aid = account_id(env, p)
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    booking_submit.send_code(env, aid)
    first = last_sms_code(env, p.phone)
    _advance(env)
    booking_submit.send_code(env, aid)
    newest = last_sms_code(env, p.phone)
    if newest == first:
        pytest.skip("the two codes are the same")
    request = BookingRequest(2, "self", (rows[0].id,))
    with pytest.raises(DomainError) as err:
        booking_submit.submit(env, aid, request, first)
    assert err.value.message == codes.STALE
    assert _newest_row(env, p.phone).attempts == 0
    assert booking_submit.submit(env, aid, request, newest).serial_no


def test_kiosks_given_the_same_key_file_accept_each_others_codes(env, other, people):
    """A hall that copies one sms-code.key into every kiosk's data folder (README) lets a citizen
    ask for the code at one kiosk and type it at another."""
    key = code_keys._key(env.settings.data_dir)  # noqa: SLF001 - the first kiosk's key, created on first use
    (other.settings.data_dir / "keys").mkdir(mode=0o700)
    (other.settings.data_dir / "keys" / "sms-code.key").write_bytes(key)
    code_keys._key.cache_clear()  # noqa: SLF001
    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    assert auth.finish_sign_in(other, p.id_number, last_sms_code(env, p.phone)).name == p.name


def test_asking_again_on_another_kiosk_within_the_wait_says_where_the_code_can_be_used(env, other, people):
    """Tester (two kiosks, one account): within the 60 s the second kiosk said 请输入已收到的验证码,
    and then refused that very code as one only the first kiosk can check. It says so at once now."""
    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    with pytest.raises(TooSoon) as here:
        auth.start_sign_in(env, p.id_number)
    assert here.value.message.startswith("验证码已发送至 139****0055，请输入已收到的验证码")
    with pytest.raises(TooSoon) as there:
        auth.start_sign_in(other, p.id_number)
    assert there.value.message == ("验证码已在其他终端发送至 139****0055，只能在该终端使用；"
                                   "在本机办理，请在【重新发送】可用后重新获取")
    assert there.value.seconds > 0
    # only this kiosk's code is said as still valid (and shown again on its demo phone bar)
    assert isinstance(here.value, CodeStillValid) and not isinstance(there.value, CodeStillValid)
