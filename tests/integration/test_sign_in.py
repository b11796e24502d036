"""Citizen sign-in (ID number + SMS code) and registration, on a real SQLite file."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from kiosk.db.models import Account, AuditEntry, Message, SmsCode
from kiosk.domain.errors import DomainError, TooSoon
from kiosk.services import auth, messaging
from kiosk.services.demo_people import Person
from kiosk.services.env import Env

LastCode = Callable[[Env, str], str]


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def _sms_count(env: Env, phone: str) -> int:
    return len(messaging.outbox(env, phone, limit=1000))


def _codes(env: Env, phone: str) -> list[SmsCode]:
    with env.db.read() as s:
        return list(s.scalars(select(SmsCode).where(SmsCode.phone == phone).order_by(SmsCode.id)))


# Sign-in -----------------------------------------------------------------------------------

def test_sign_in_happy_path(env: Env, people: dict[str, Person], last_code: LastCode) -> None:
    p = people["driver_normal"]
    sent = auth.start_sign_in(env, p.id_number)
    assert sent.phone_masked == p.phone[:3] + "****" + p.phone[-4:]
    assert (sent.expires_at - env.clock.now()).total_seconds() == 300
    assert (sent.resend_at - env.clock.now()).total_seconds() == 60
    body = messaging.outbox(env, p.phone, limit=1)[0].body
    assert "登录" in body and "5分钟" in body
    session = auth.finish_sign_in(env, p.id_number, last_code(env, p.phone))
    assert (session.name, session.id_number, session.phone, session.kind) == (p.name, p.id_number, p.phone, "personal")
    assert session.id_masked == p.id_number[:4] + "*" * 10 + p.id_number[-4:]
    with env.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "sign_in")).one()
        assert entry.account_id == session.account_id
        assert entry.actor == f"citizen:{session.account_id}"
        assert entry.terminal_id == "test-kiosk"


def test_sign_in_accepts_lower_case_x_and_spaces(env: Env, people: dict[str, Person], last_code: LastCode) -> None:
    p = next(x for x in people.values() if x.id_number.endswith("X") and x.registered and not x.unit)
    auth.start_sign_in(env, " " + p.id_number.lower())
    code = last_code(env, p.phone)
    assert auth.finish_sign_in(env, p.id_number.lower(), f" {code[:3]} {code[3:]} ").name == p.name


def test_sign_in_typed_in_full_width(env: Env, people: dict[str, Person], last_code: LastCode) -> None:
    """A Chinese input method in full-width mode types １２３: the same digits, other characters."""
    p = people["driver_normal"]
    full = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
    auth.start_sign_in(env, p.id_number.translate(full))
    code = last_code(env, p.phone)
    assert auth.finish_sign_in(env, p.id_number.translate(full), code.translate(full)).name == p.name


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


@pytest.mark.parametrize("key", ["new_user", "face_fails"])
def test_unregistered_id_is_refused_with_a_clear_message(env: Env, people: dict[str, Person], key: str) -> None:
    with pytest.raises(DomainError) as err:
        auth.start_sign_in(env, people[key].id_number)
    assert "尚未注册" in err.value.message and err.value.field == "id_number"
    assert _sms_count(env, people[key].phone) == 0


def test_a_registered_account_without_a_phone_is_sent_to_a_counter(env: Env, people: dict[str, Person]) -> None:
    """Unbound by migration 0006 (its number was bound to an account registered earlier): no code
    can reach it, and the kiosk says where to bind a new one, not that it is unregistered."""
    p = people["driver_normal"]
    with env.db.write() as s:
        s.scalars(select(Account).where(Account.id_number == p.id_number)).one().phone = None
    with pytest.raises(DomainError) as err:
        auth.start_sign_in(env, p.id_number)
    assert (err.value.message, err.value.field) == (auth.NO_PHONE, "id_number")
    assert "窗口" in auth.NO_PHONE and "绑定手机号变更" in auth.NO_PHONE
    with env.db.read() as s:
        assert s.scalar(select(func.count()).select_from(SmsCode)) == 0


def test_an_id_number_mistyped_into_a_credit_code_names_the_check_digit(env: Env, people: dict[str, Person]) -> None:
    """胡斌's number with X for its last digit passed GB 32100's check character as a unit credit code:
    it reads as his ID number, so the message is the check digit's, not 「尚未注册，请先注册」. (Its 2nd
    character, 0, is no 机构类别代码: no longer a credit code at all since GB 32100's parts are checked.)"""
    from kiosk.domain.ids import normalize_credit_code, uscc_check_char

    typo = people["k3_ready"].id_number[:17] + "X"
    assert uscc_check_char(typo[:17]) == "X"
    with pytest.raises(DomainError, match="机构类别代码"):
        normalize_credit_code(typo)
    with pytest.raises(DomainError, match="校验位") as err:
        auth.start_sign_in(env, typo)
    assert err.value.field == "id_number"


def test_unknown_id_is_refused_and_invalid_id_names_the_problem(env: Env) -> None:
    with pytest.raises(DomainError, match="尚未注册"):
        auth.start_sign_in(env, "320124198808240056")
    with pytest.raises(DomainError, match="校验位"):
        auth.start_sign_in(env, "110108196711301866")
    with env.db.read() as s:
        assert s.scalar(select(func.count()).select_from(SmsCode)) == 0


def test_unit_account_signs_in_with_its_credit_code(env: Env, people: dict[str, Person], last_code: LastCode) -> None:
    p = people["unit"]
    auth.start_sign_in(env, p.id_number)
    session = auth.finish_sign_in(env, p.id_number, last_code(env, p.phone))
    assert (session.kind, session.name) == ("unit", p.name)


# Registration ------------------------------------------------------------------------------

def test_register_by_face(env: Env, people: dict[str, Person], last_code: LastCode) -> None:
    p = people["new_user"]
    applicant = auth.check_applicant(env, p.name, p.id_number.lower(), p.phone)
    assert applicant == auth.Applicant(p.name, p.id_number, p.phone)
    passed, message = auth.face_check(env, applicant)
    assert passed and "通过" in message
    auth.send_register_code(env, p.phone)
    session = auth.complete_registration(env, applicant, last_code(env, p.phone), "face")
    assert (session.name, session.id_number, session.phone) == (p.name, p.id_number, p.phone)
    with env.db.read() as s:
        account = s.scalars(select(Account).where(Account.id_number == p.id_number)).one()
        assert account.registered_via == "face" and account.registered_at == env.clock.now()
        actions = set(s.scalars(select(AuditEntry.action)))
        assert {"face_check_pass", "register"} <= actions
        assert s.scalar(select(func.count()).where(Message.channel == "inbox",
                                                   Message.account_id == account.id)) == 1
    # now an ordinary sign-in works
    env.clock.advance(seconds=61)  # type: ignore[attr-defined]
    auth.start_sign_in(env, p.id_number)
    assert auth.finish_sign_in(env, p.id_number, last_code(env, p.phone)).account_id == session.account_id


def test_face_fails_person_fails_the_face_check(env: Env, people: dict[str, Person]) -> None:
    p = people["face_fails"]
    applicant = auth.check_applicant(env, p.name, p.id_number, p.phone)
    passed, message = auth.face_check(env, applicant)
    assert not passed and "未通过" in message
    with env.db.read() as s:
        detail = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "face_check_fail")).one()
        assert detail and p.id_number not in detail  # a digest, not the ID number


def test_online_registration_with_the_phone_reserved_on_the_licence(env: Env, people: dict[str, Person],
                                                                    last_code: LastCode) -> None:
    p = people["face_fails"]
    applicant = auth.check_applicant(env, p.name, p.id_number, p.phone)
    assert auth.check_reserved_phone(env, applicant.id_number, p.phone) == p.phone
    auth.send_register_code(env, p.phone)
    session = auth.complete_registration(env, applicant, last_code(env, p.phone), "online")
    assert session.name == p.name
    with env.db.read() as s:
        account = s.scalars(select(Account).where(Account.id_number == p.id_number)).one()
        assert (account.registered_via, account.phone) == ("online", p.phone)
        assert s.scalar(select(func.count()).select_from(Account).where(Account.id_number == p.id_number)) == 1


def test_online_registration_with_a_wrong_phone_is_refused(env: Env, people: dict[str, Person]) -> None:
    p = people["face_fails"]
    with pytest.raises(DomainError) as err:
        auth.check_reserved_phone(env, p.id_number, "13800000000")
    assert "不一致" in err.value.message and "窗口" in err.value.message and err.value.field == "reserved_phone"
    with pytest.raises(DomainError, match="11位"):
        auth.check_reserved_phone(env, p.id_number, "1380000")


def test_wrong_reserved_phones_stop_after_five_tries_for_24_hours(env: Env, people: dict[str, Person]) -> None:
    """The kiosk must not find out, number by number, which phone is on somebody's record."""
    p = people["face_fails"]
    for left in (4, 3, 2, 1):
        with pytest.raises(DomainError, match=f"不一致，还可尝试{left}次"):
            auth.check_reserved_phone(env, p.id_number, f"1380000000{left}")
    with pytest.raises(DomainError, match="不一致，24小时内不能再核对"):
        auth.check_reserved_phone(env, p.id_number, "13800000009")
    with pytest.raises(DomainError) as locked:  # now even the right number is not compared
        auth.check_reserved_phone(env, p.id_number, p.phone)
    assert (locked.value.message, locked.value.field) == (auth.RESERVED_LOCKED, "reserved_phone")
    with pytest.raises(DomainError, match="11位"):  # a malformed number is no try
        auth.check_reserved_phone(env, p.id_number, "1380000")
    env.clock.advance(hours=24, seconds=1)
    assert auth.check_reserved_phone(env, p.id_number, p.phone) == p.phone


def test_online_registration_without_any_record_sends_to_the_counter(env: Env, people: dict[str, Person]) -> None:
    with pytest.raises(DomainError, match="未查询到"):
        auth.check_reserved_phone(env, people["new_user"].id_number, people["new_user"].phone)


def test_registration_with_a_wrong_code_registers_nobody(env: Env, people: dict[str, Person],
                                                        last_code: LastCode) -> None:
    p = people["new_user"]
    applicant = auth.check_applicant(env, p.name, p.id_number, p.phone)
    auth.send_register_code(env, p.phone)
    with pytest.raises(DomainError, match="验证码错误"):
        auth.complete_registration(env, applicant, _wrong(last_code(env, p.phone)), "face")
    with env.db.read() as s:
        account = s.scalars(select(Account).where(Account.id_number == p.id_number)).one_or_none()
        assert account is None or (account.registered_at is None and account.phone is None)


def test_send_register_code_refuses_a_malformed_phone(env: Env) -> None:
    with pytest.raises(DomainError):
        auth.send_register_code(env, "not-a-phone")
    with env.db.read() as s:
        assert s.scalar(select(func.count()).select_from(SmsCode)) == 0


@pytest.mark.parametrize("key", ["driver_normal", "no_licence"])
def test_registering_an_already_registered_id_is_refused(env: Env, people: dict[str, Person], key: str) -> None:
    p = people[key]
    with pytest.raises(DomainError) as err:
        auth.check_applicant(env, p.name, p.id_number, p.phone)
    assert "已注册" in err.value.message


def test_registering_an_already_registered_id_is_refused_at_completion(env: Env, people: dict[str, Person],
                                                                        last_code: LastCode) -> None:
    p = people["driver_normal"]
    applicant = auth.Applicant(p.name, p.id_number, "13800001111")  # skipping check_applicant
    assert auth.face_check(env, applicant)[0]
    auth.send_register_code(env, "13800001111")
    with pytest.raises(DomainError, match="已注册"):
        auth.complete_registration(env, applicant, last_code(env, "13800001111"), "face")
    with env.db.read() as s:
        account = s.scalars(select(Account).where(Account.id_number == p.id_number)).one()
        assert account.phone == p.phone and account.registered_via == "demo"


@pytest.mark.parametrize("name, raw_id, phone, words", [
    ("", "320124198808240056", "13800001111", "请输入姓名"),
    ("张3", "320124198808240056", "13800001111", "姓名只能包含汉字"),
    ("王😀芳", "320124198808240056", "13800001111", "姓名只能包含汉字（少数民族姓名可含间隔号・）"),
    ("王", "320124198808240056", "13800001111", "姓名应为2至30个字"),
    ("张三", "320124198808240057", "13800001111", "校验位"),
    ("张三", "320124198808240056", "12345", "11位"),
    ("张" * 31, "320124198808240056", "13800001111", "30"),
])
def test_check_applicant_names_what_is_wrong(env: Env, name: str, raw_id: str, phone: str, words: str) -> None:
    with pytest.raises(DomainError) as err:
        auth.check_applicant(env, name, raw_id, phone)
    assert words in err.value.message


def test_a_name_that_does_not_match_the_dmv_record_is_refused(env: Env, people: dict[str, Person]) -> None:
    p = people["face_fails"]
    with pytest.raises(DomainError, match="姓名与身份证号码不一致"):
        auth.check_applicant(env, "李四", p.id_number, p.phone)


def test_face_registration_requires_a_passed_face_check(env: Env, people: dict[str, Person],
                                                       last_code: LastCode) -> None:
    p = people["face_fails"]
    applicant = auth.check_applicant(env, p.name, p.id_number, "13800002222")
    passed, _ = auth.face_check(env, applicant)
    assert not passed
    auth.send_register_code(env, "13800002222")
    with pytest.raises(DomainError):
        auth.complete_registration(env, applicant, last_code(env, "13800002222"), "face")


def test_online_registration_requires_the_reserved_phone_at_completion(env: Env, people: dict[str, Person],
                                                                      last_code: LastCode) -> None:
    p = people["face_fails"]
    applicant = auth.check_applicant(env, p.name, p.id_number, "13800003333")
    auth.send_register_code(env, "13800003333")
    with pytest.raises(DomainError):
        auth.complete_registration(env, applicant, last_code(env, "13800003333"), "online")


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
