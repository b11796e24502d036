"""Citizen sign-in (ID number + SMS code) and registration (实人认证, online fallback)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db.models import Account, AuditEntry, DrivingLicence, Vehicle
from ..domain.errors import DomainError, FormProblems, WrongValue
from ..domain.ids import (credit_code_message_fits, mask_id, mask_phone, normalize_id_number,
                          normalize_person_or_unit_id, normalize_phone, reads_as_id_number)
from ..domain.names import clean_person_name
from . import audit, codes, licence_delay, messaging
from .env import Env

REGISTERED_TITLE = messaging.titled("用户注册", "注册成功")  # the inbox title of a registration, here or at the counter
REGISTERED_VIA = {"face": "实人认证", "online": "预留手机号", "counter": "窗口面签"}  # the audit log's words
ALREADY_REGISTERED = "该身份证号码已注册，请直接登录"  # 注册 offers 去登录 with it
NOT_REGISTERED = "该身份证号码尚未注册交管12123，请先注册"  # 登录 offers 去注册 with it
PHONE_TAKEN = "该手机号码已绑定其他交管12123账户"  # the counter's: the clerk knows what can be done
# What 注册 at the kiosk says (the default of check_applicant and _register, as ALREADY_REGISTERED):
# the citizen is told a way on (tester: the refusal alone was a dead end).
UNIT_AT_COUNTER = "单位用户请到车管所窗口办理注册"  # 登录 and 注册 say it of a unit's credit code
PHONE_TAKEN_TO_CITIZEN = f"{PHONE_TAKEN}，请换用其他手机号码；如有疑问，请携带身份证原件到车管所窗口咨询"
NO_PHONE = "该账户未绑定手机号，无法发送验证码。请携带身份证明原件到车管所窗口办理绑定手机号变更"


@dataclass(frozen=True)
class CitizenSession:
    account_id: int
    name: str
    id_number: str
    phone: str
    kind: str

    @property
    def id_masked(self) -> str:
        return mask_id(self.id_number)

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)


def _registered(session: Session, env: Env, id_number: str) -> Account:
    account = session.scalar(select(Account).where(Account.id_number == id_number))
    if account is None or account.registered_at is None:
        try:
            normalize_id_number(id_number, today=env.clock.now().date())
        except DomainError as not_a_person:  # taken as a unit's credit code
            if reads_as_id_number(id_number):  # more likely an ID number with a mistyped character
                raise DomainError(not_a_person.message, "id_number") from None
            raise DomainError(f"该统一社会信用代码尚未注册交管12123，{UNIT_AT_COUNTER}", "id_number") from None
        raise DomainError(NOT_REGISTERED, "id_number")
    if not account.phone:
        raise DomainError(NO_PHONE, "id_number")
    return account


FACE_PASS_VALID = timedelta(minutes=15)


def start_sign_in(env: Env, raw_id: str) -> codes.CodeSent:
    id_number = normalize_person_or_unit_id(raw_id, today=env.clock.now().date())
    with env.db.write() as s:
        account = _registered(s, env, id_number)
        return codes.send_code(s, env, account.phone or "", "login", account.id)


def finish_sign_in(env: Env, raw_id: str, code: str) -> CitizenSession:
    id_number = normalize_person_or_unit_id(raw_id, today=env.clock.now().date())
    with env.db.write() as s:
        account = _registered(s, env, id_number)
        problem = codes.consume_code(s, env, account.phone or "", "login", code)
        if problem is None:
            audit.record(s, env, actor=f"citizen:{account.id}", action="sign_in", account_id=account.id)
            licence_delay.settle(s, env, account.id)
            return CitizenSession(account.id, account.name, account.id_number, account.phone or "", account.kind)
    raise codes.refusal(problem)


def current_session(env: Env, account_id: int) -> CitizenSession | None:
    """The signed-in citizen's account as it stands now (None if it is no longer registered): the
    counter may have reset the bound phone since sign-in, and her SMS now go to the new number."""
    with env.db.read() as s:
        account = s.get(Account, account_id)
        if account is None or account.registered_at is None:
            return None
        return CitizenSession(account.id, account.name, account.id_number, account.phone or "", account.kind)


# Registration -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Applicant:
    name: str
    id_number: str
    phone: str


def check_phone_free(s: Session, phone: str, account_id: int | None = None, field: str = "phone",
                     taken: str = PHONE_TAKEN) -> None:
    """One phone number is bound to one account (its sign-in codes go there): every way of binding
    a phone (registration, 面签注册, 单位用户注册, the counter's phone reset) refuses a number bound
    to another registered account, with ``taken``."""
    q = select(Account.id).where(Account.phone == phone, Account.registered_at.is_not(None))
    if account_id is not None:
        q = q.where(Account.id != account_id)
    if s.scalar(q.limit(1)) is not None:
        raise DomainError(taken, field)


def bind_phone(s: Session, account: Account, phone: str, field: str = "phone", *, taken: str = PHONE_TAKEN,
               **also: object) -> None:
    """Bind ``phone`` to ``account`` (and set ``also``, e.g. registered_at), flushed at once.

    check_phone_free gives the clear message in the usual case; when another kiosk or counter binds
    the same number at the same moment, the unique index on registered accounts' phones refuses
    the second one, and it gets the same message (the savepoint keeps the rest of its transaction)."""
    check_phone_free(s, phone, account.id, field, taken)
    try:
        with s.begin_nested():
            account.phone = phone
            for name, value in also.items():
                setattr(account, name, value)
            s.flush()
    except IntegrityError:
        raise DomainError(taken, field) from None


# What 注册 says of a unit's credit code typed as the ID number (登录 says the same of one not registered).
UNIT_REGISTERS_AT_COUNTER = f"您输入的是统一社会信用代码，{UNIT_AT_COUNTER}"


def _applicant_id(raw: str, today: date, unit: str) -> str:
    """The applicant's ID number; an entry shaped as a unit's credit code (credit_code_message_fits:
    not a person's number gone wrong) is told ``unit``, not 身份证号码前17位必须是数字."""
    try:
        return normalize_id_number(raw, today=today)
    except DomainError:
        if credit_code_message_fits(raw):
            raise DomainError(unit, "id_number") from None
        raise


def check_applicant(env: Env, name: str, raw_id: str, phone: str, *, already: str = ALREADY_REGISTERED,
                    taken: str = PHONE_TAKEN_TO_CITIZEN, unit: str = UNIT_REGISTERS_AT_COUNTER) -> Applicant:
    """The applicant's name, ID number and phone, checked; every wrong field is told at once
    (FieldErrors), not one per try. An ID number already registered is told alone, as ``already``
    (the other fields do not matter then: the citizen signs in instead); a phone bound to another
    account as ``taken``; a unit's credit code typed as the ID number as ``unit``."""
    problems = FormProblems()
    clean_name = problems.check(clean_person_name, name, "name")
    id_number = problems.check(_applicant_id, raw_id, env.clock.now().date(), unit)
    clean_phone = problems.check(normalize_phone, phone)
    problems.raise_found()
    assert clean_name is not None and id_number is not None and clean_phone is not None
    with env.db.read() as s:
        account = s.scalar(select(Account).where(Account.id_number == id_number))
        if account is not None and account.registered_at is not None:
            raise DomainError(already, "id_number")
        if account is not None and account.name != clean_name:
            problems.add("姓名与身份证号码不一致", "name")
        problems.check(check_phone_free, s, clean_phone, account.id if account is not None else None, taken=taken)
    problems.raise_found()
    return Applicant(clean_name, id_number, clean_phone)


def _id_digest(id_number: str) -> str:
    """What the audit log keeps of the ID number behind a face check or a wrong reserved phone: a
    digest, not the number itself. (Its "face:" salt predates the second use; changing it would
    lose the face passes and wrong numbers already recorded.)"""
    return hashlib.sha256(f"face:{id_number}".encode()).hexdigest()[:32]


def face_check(env: Env, applicant: Applicant) -> tuple[bool, str]:
    """Liveness + face comparison. A pass is recorded in the audit log; registration by the face
    path later requires a recent pass for the same ID number."""
    result = env.face.verify(applicant.id_number, applicant.name)
    with env.db.write() as s:
        audit.record(s, env, actor="citizen:unregistered",
                     action="face_check_pass" if result.passed else "face_check_fail",
                     detail=_id_digest(applicant.id_number))
    return result.passed, result.message


def _face_passed(s: Session, env: Env, id_number: str) -> bool:
    since = env.clock.now() - FACE_PASS_VALID
    return s.scalar(select(AuditEntry.id).where(
        AuditEntry.action == "face_check_pass", AuditEntry.detail == _id_digest(id_number),
        AuditEntry.at >= since).limit(1)) is not None


def send_register_code(env: Env, phone: str) -> codes.CodeSent:
    phone = normalize_phone(phone)
    with env.db.write() as s:
        return codes.send_code(s, env, phone, "register")


def reserved_phones(session: Session, id_number: str) -> set[str]:
    """Phones reserved on the person's licence and vehicle records (for online registration)."""
    account = session.scalar(select(Account).where(Account.id_number == id_number))
    if account is None:
        return set()
    phones = set(session.scalars(select(DrivingLicence.phone).where(DrivingLicence.account_id == account.id)))
    phones |= set(session.scalars(select(Vehicle.phone).where(Vehicle.owner_id == account.id)))
    return phones


RESERVED_TRIES, RESERVED_WINDOW = 5, timedelta(hours=24)
RESERVED_LOCKED = "核对预留手机号错误次数过多，请24小时后再试，或携带身份证原件到车管所窗口办理面签注册"


def check_reserved_phone(env: Env, id_number: str, phone: str) -> str:
    """The phone reserved on the licence or vehicle record; errors name the field 'reserved_phone'.

    Each wrong number is recorded (audit, by a digest of the ID number); after RESERVED_TRIES within
    RESERVED_WINDOW no more numbers are compared for that ID number, so the kiosk cannot be used to
    find out, number by number, which phone is on somebody's record. A number not on the record is
    refused as a WrongValue (the screen empties the field: it is never sent twice by accident)."""
    clean = normalize_phone(phone, "reserved_phone")
    id_number = normalize_id_number(id_number, today=env.clock.now().date())
    token = _id_digest(id_number)
    with env.db.write() as s:
        since = env.clock.now() - RESERVED_WINDOW
        wrong = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "reserved_phone_fail", AuditEntry.detail == token, AuditEntry.at >= since)) or 0
        if wrong >= RESERVED_TRIES:
            raise DomainError(RESERVED_LOCKED, "reserved_phone")
        phones = reserved_phones(s, id_number)
        if not phones:
            raise DomainError("未查询到您的驾驶证或机动车预留手机号，请携带身份证原件到车管所窗口办理面签注册",
                              "reserved_phone")
        if clean in phones:
            return clean
        audit.record(s, env, actor="citizen:unregistered", action="reserved_phone_fail", detail=token)
    left = RESERVED_TRIES - wrong - 1  # the wrong try is committed above; only then refused
    more = f"，还可尝试{left}次" if left else "，24小时内不能再核对"
    raise WrongValue(f"该号码与驾驶证或机动车预留手机号不一致{more}，请核对或携带身份证原件到车管所窗口办理面签注册",
                     "reserved_phone")


def complete_registration(env: Env, applicant: Applicant, code: str, via: str) -> CitizenSession:
    """Register after the face check (via 'face') or the reserved-phone check (via 'online')."""
    if via not in ("face", "online"):  # 面签注册 is counter_accounts.register_in_person
        raise DomainError("自助终端仅支持实人认证注册和预留手机号在线注册")
    with env.db.write() as s:
        problem = codes.consume_code(s, env, applicant.phone, "register", code)
        if problem is None:
            return _register(s, env, applicant, via)
    raise codes.refusal(problem)


def add_account(s: Session, account: Account, already: str, field: str) -> None:
    """Insert a new account. Registration reads the account FOR UPDATE first, but a number with no
    row yet locks nothing: on PostgreSQL another kiosk or counter may be inserting the same number
    at this moment. The unique number then decides, and this one is refused with ``already``."""
    try:
        with s.begin_nested():
            s.add(account)
            s.flush()
    except IntegrityError:
        raise DomainError(already, field) from None


def _register(s: Session, env: Env, applicant: Applicant, via: str, *, staff_actor: str = "",
              already: str = ALREADY_REGISTERED, taken: str = PHONE_TAKEN_TO_CITIZEN) -> CitizenSession:
    """``via`` 'counter' (面签注册: the ID original was checked at a counter) only with the
    signed-in staff member as ``staff_actor``; the caller has checked that member's role.
    ``already``: what a number registered meanwhile is told (the counter says it to the clerk), and
    ``taken`` what a phone bound to another account meanwhile is told."""
    if via == "face" and not _face_passed(s, env, applicant.id_number):
        raise DomainError("请先完成人脸识别")
    if via == "online" and applicant.phone not in reserved_phones(s, applicant.id_number):
        raise DomainError("该号码与驾驶证或机动车预留手机号不一致", "phone")
    if via == "counter" and not staff_actor.startswith("staff:"):
        raise DomainError("面签注册须由窗口工作人员核验身份证明原件后办理")
    if via not in ("face", "online", "counter"):
        raise DomainError("自助终端仅支持实人认证注册和预留手机号在线注册")
    now = env.clock.now()
    account = s.scalar(select(Account).where(Account.id_number == applicant.id_number).with_for_update())
    if account is not None and account.registered_at is not None:
        raise DomainError(already, "id_number")
    if account is None:
        account = Account(kind="personal", id_number=applicant.id_number, name=applicant.name, created_at=now)
        add_account(s, account, already, "id_number")
    bind_phone(s, account, applicant.phone, taken=taken, registered_at=now, registered_via=via)
    audit.record(s, env, actor=staff_actor or f"citizen:{account.id}", role="counter" if staff_actor else "",
                 action="register", account_id=account.id,
                 detail=REGISTERED_VIA.get(via, via))
    messaging.notify(s, env, account, REGISTERED_TITLE, "您已成功注册交管12123账户，欢迎使用。")
    return CitizenSession(account.id, account.name, account.id_number, applicant.phone, account.kind)
