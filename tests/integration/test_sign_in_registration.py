"""Citizen registration (by face check or the phone reserved on the licence), on a real SQLite file."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kiosk.db.models import Account, AuditEntry, Message, SmsCode
from kiosk.domain.errors import DomainError
from kiosk.services import auth
from kiosk.services.demo_people import Person
from kiosk.services.env import Env
from tests.integration.sign_in_helpers import LastCode, _wrong


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
