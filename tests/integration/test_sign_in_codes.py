"""Sign-in SMS codes: stored as a keyed hash, tries, expiry, single use, resending and the daily limit."""
from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from kiosk.db.models import AuditEntry, SmsCode
from kiosk.domain.errors import CodeStillValid, DomainError, TooSoon
from kiosk.services import auth, messaging
from kiosk.services.demo_people import Person
from kiosk.services.env import Env
from tests.integration.sign_in_helpers import LastCode, _sms_count, _wrong


def _codes(env: Env, phone: str) -> list[SmsCode]:
    with env.db.read() as s:
        return list(s.scalars(select(SmsCode).where(SmsCode.phone == phone).order_by(SmsCode.id)))


def test_the_code_is_stored_only_as_a_hash(env: Env, people: dict[str, Person], last_code: LastCode) -> None:
    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    code = last_code(env, p.phone)
    (row,) = _codes(env, p.phone)
    assert code not in row.code_hash
    assert len(row.code_hash) > 32
    with env.db.read() as s:  # not in any column of any sms_codes row
        for values in s.execute(select(SmsCode.__table__)).all():
            assert all(code not in str(v) for v in values)


def test_the_hash_is_keyed_by_a_file_outside_the_database(env: Env, people: dict[str, Person],
                                                          last_code: LastCode, tmp_path) -> None:
    """Whoever reads the table cannot try the million codes: the hash needs the terminal's key."""
    import dataclasses
    import hashlib
    import hmac
    import os

    from kiosk.services import code_keys

    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    code = last_code(env, p.phone)
    (row,) = _codes(env, p.phone)
    salt_hex, _, digest = row.code_hash.partition("$")
    key_file = env.settings.data_dir / "keys" / "sms-code.key"
    assert os.stat(key_file).st_mode & 0o777 == 0o600 and len(key_file.read_bytes()) == 32
    unkeyed = [hashlib.sha256(bytes.fromhex(salt_hex) + code.encode()).hexdigest(),
               hmac.new(b"", bytes.fromhex(salt_hex) + code.encode(), hashlib.sha256).hexdigest()]
    assert digest not in unkeyed
    other = dataclasses.replace(env, settings=dataclasses.replace(env.settings, data_dir=tmp_path / "other"))
    assert code_keys.code_hash(other, code, bytes.fromhex(salt_hex)) != row.code_hash  # another key: no match
    assert code_keys.code_hash(env, code, bytes.fromhex(salt_hex)) == row.code_hash


def _read_key(folder: str, out) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from kiosk.services import code_keys

    out.put(code_keys._key(Path(folder)))


def test_kiosks_starting_together_share_one_whole_key(tmp_path) -> None:
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    out = ctx.Queue()
    procs = [ctx.Process(target=_read_key, args=(str(tmp_path), out)) for _ in range(6)]
    for p in procs:
        p.start()
    keys = {out.get(timeout=30) for _ in procs}
    for p in procs:
        p.join(timeout=30)
    assert len(keys) == 1 and len(keys.pop()) == 32
    assert [f.name for f in (tmp_path / "keys").iterdir()] == ["sms-code.key"]  # no temporary file left


def test_wrong_code_counts_down_and_dies_after_five_tries(env: Env, people: dict[str, Person],
                                                          last_code: LastCode) -> None:
    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    code = last_code(env, p.phone)
    for left in (4, 3, 2, 1):
        with pytest.raises(DomainError) as err:
            auth.finish_sign_in(env, p.id_number, _wrong(code))
        assert f"还可尝试{left}次" in err.value.message
        assert err.value.field == "code"
    with pytest.raises(DomainError, match="次数过多"):
        auth.finish_sign_in(env, p.id_number, _wrong(code))
    assert _codes(env, p.phone)[-1].attempts == 5
    with pytest.raises(DomainError, match="次数过多"):  # even the right code now fails
        auth.finish_sign_in(env, p.id_number, code)
    with env.db.read() as s:
        assert s.scalar(select(func.count()).where(AuditEntry.action == "sign_in")) == 0


def test_a_badly_formed_code_is_refused_without_using_a_try(env: Env, people: dict[str, Person],
                                                            last_code: LastCode) -> None:
    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    for bad in ("", "12345", "1234567", "abcdef", "١٢٣٤٥٦"):  # full-width １２３４５６ is read as digits
        with pytest.raises(DomainError, match="6位数字"):
            auth.finish_sign_in(env, p.id_number, bad)
    assert _codes(env, p.phone)[-1].attempts == 0
    assert auth.finish_sign_in(env, p.id_number, last_code(env, p.phone)).name == p.name


def test_code_expires_after_five_minutes(env: Env, people: dict[str, Person], last_code: LastCode) -> None:
    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    code = last_code(env, p.phone)
    env.clock.advance(seconds=301)  # type: ignore[attr-defined]
    with pytest.raises(DomainError, match="已过期"):
        auth.finish_sign_in(env, p.id_number, code)


def test_code_still_valid_just_before_five_minutes(env: Env, people: dict[str, Person], last_code: LastCode) -> None:
    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    env.clock.advance(seconds=299)  # type: ignore[attr-defined]
    assert auth.finish_sign_in(env, p.id_number, last_code(env, p.phone)).name == p.name


def test_code_is_single_use(env: Env, people: dict[str, Person], last_code: LastCode) -> None:
    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    code = last_code(env, p.phone)
    auth.finish_sign_in(env, p.id_number, code)
    with pytest.raises(DomainError, match="验证码已使用，请重新获取"):
        auth.finish_sign_in(env, p.id_number, code)


def test_sign_in_without_asking_for_a_code_is_refused(env: Env, people: dict[str, Person]) -> None:
    with pytest.raises(DomainError, match="请先点击"):
        auth.finish_sign_in(env, people["driver_normal"].id_number, "123456")
    with pytest.raises(DomainError, match="请先点击"):  # nothing typed, nothing sent: what to do first
        auth.finish_sign_in(env, people["driver_normal"].id_number, "")


def test_booking_with_an_empty_code_before_any_was_sent_says_to_send_one(env, people) -> None:
    from kiosk.services import booking_submit
    from kiosk.services.booking_submit import BookingRequest
    from tests.booking_helpers import account_id, sessions

    p = people["permit_expiring"]
    row = sessions(env, p, 2, "2026-12-04", "2026-12-04")[0]
    with pytest.raises(DomainError, match="请先点击【发送验证码】") as err:
        booking_submit.submit(env, account_id(env, p), BookingRequest(2, "self", (row.id,)), "")
    assert err.value.field == "code"


def test_resend_is_refused_within_60_seconds_and_allowed_after(env: Env, people: dict[str, Person],
                                                               last_code: LastCode) -> None:
    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    first = last_code(env, p.phone)
    env.clock.advance(seconds=20)  # type: ignore[attr-defined]
    with pytest.raises(TooSoon) as err:
        auth.start_sign_in(env, p.id_number)
    assert err.value.seconds == 40  # the 发送验证码 button counts them down
    assert _sms_count(env, p.phone) == 1
    env.clock.advance(seconds=40)  # type: ignore[attr-defined]
    auth.start_sign_in(env, p.id_number)
    assert _sms_count(env, p.phone) == 2
    second = last_code(env, p.phone)
    if second != first:  # the new code replaces the old one
        with pytest.raises(DomainError):
            auth.finish_sign_in(env, p.id_number, first)
    assert auth.finish_sign_in(env, p.id_number, second).name == p.name


def test_resend_refused_right_after_sending_waits_60_seconds(env: Env, people: dict[str, Person]) -> None:
    """The seconds go to the 发送验证码 button's countdown, not into the message: a count in the line
    under the code field stood still while the button's went on (请41秒后 under 重新发送（37秒）)."""
    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    with pytest.raises(TooSoon) as err:
        auth.start_sign_in(env, p.id_number)
    assert err.value.seconds == 60 and "秒" not in err.value.message
    assert err.value.message.endswith("如未收到，请在【重新发送】可用后重新获取")


def test_a_code_still_valid_is_told_with_its_sms_and_not_sent_again(env: Env, people: dict[str, Person],
                                                                    last_code: LastCode) -> None:
    """Asked for again within the wait (返回, then 登录 again): the same TooSoon, carrying where the
    code went, until when it works and its SMS (for the demo phone bar), and nothing is sent."""
    p = people["driver_normal"]
    sent = auth.start_sign_in(env, p.id_number)
    code = last_code(env, p.phone)
    env.clock.advance(seconds=25)  # type: ignore[attr-defined]
    with pytest.raises(CodeStillValid) as err:
        auth.start_sign_in(env, p.id_number)
    still = err.value
    assert isinstance(still, TooSoon) and still.seconds == 35 and still.field == "code"
    assert (still.phone, still.phone_masked, still.expires_at) == (p.phone, "139****0055", sent.expires_at)
    assert still.sent_at == sent.expires_at - timedelta(minutes=5)
    assert still.sms_id is not None
    shown = messaging.sms_notification(env, p.phone, still.sms_id)
    assert shown is not None and code in shown[1] and shown[1].startswith("139****0055 收到短信：【交管12123】")
    assert messaging.sms_notification(env, "13800138000", still.sms_id) is None  # only to its own phone
    assert _sms_count(env, p.phone) == 1 and len(_codes(env, p.phone)) == 1


def test_resend_is_allowed_at_once_after_the_code_was_used(env: Env, people: dict[str, Person],
                                                           last_code: LastCode) -> None:
    p = people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    auth.finish_sign_in(env, p.id_number, last_code(env, p.phone))
    auth.start_sign_in(env, p.id_number)
    assert _sms_count(env, p.phone) == 2


def test_at_most_ten_codes_a_day_to_one_phone(env: Env, people: dict[str, Person]) -> None:
    """A tester: anyone could type another person's ID number and have a code sent to their phone every
    minute, for ever, with 5 new guesses each time. Now 10 a day (all purposes), then again tomorrow."""
    p = people["driver_normal"]
    for _ in range(10):
        auth.start_sign_in(env, p.id_number)
        env.clock.advance(seconds=61)  # type: ignore[attr-defined]
    with pytest.raises(DomainError) as err:
        auth.start_sign_in(env, p.id_number)
    assert "今日获取验证码已达10次，请明日再试" in err.value.message and err.value.field == "code"
    assert _sms_count(env, p.phone) == 10
    now = env.clock.now()
    env.clock.advance(seconds=(datetime.combine(now.date() + timedelta(days=1), time.min) - now).total_seconds())  # type: ignore[attr-defined]
    auth.start_sign_in(env, p.id_number)  # a new day
    assert _sms_count(env, p.phone) == 11
