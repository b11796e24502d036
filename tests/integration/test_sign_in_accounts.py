"""Citizen sign-in (ID number + SMS code): who may sign in and how the ID number may be typed."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kiosk.db.models import Account, AuditEntry, SmsCode
from kiosk.domain.errors import DomainError
from kiosk.services import auth, messaging
from kiosk.services.demo_people import Person
from kiosk.services.env import Env
from tests.integration.sign_in_helpers import LastCode, _sms_count


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
