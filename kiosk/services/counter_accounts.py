"""Counter: account work that only a counter may do (seed 003).

- 面签注册: a person registers with the ID original checked by the clerk; no SMS code.
- 单位用户注册: a unit registers with its unified social credit code (GB 32100), a letter of
  authorisation and the agent's ID.
- 重置绑定手机号: the citizen lost the bound phone; the new phone gets an SMS, the inbox a message.
A phone number bound to another account is refused (auth.bind_phone; a unique index decides races).
Each is one transaction with its audit entry (staff, role, terminal, citizen, what was done).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Account
from ..domain.errors import DomainError, FormProblems, NotFound
from ..domain.ids import (mask_phone, meaningful_chars, normalize_credit_code, normalize_id_number,
                          normalize_phone, normalize_text)
from ..domain.names import clean_person_name
from . import audit, auth, messaging
from .env import Env
from .permissions import SERVE, actor, authorise, permitted
from .staff import StaffSession


REGISTER_IN_PERSON = "窗口面签注册"  # audited as 群众注册 by auth._register


@dataclass(frozen=True)
class Registered:
    account_id: int
    name: str
    id_number: str
    phone: str
    kind: str


# The kiosk's answer (请直接登录) is said to the citizen; the clerk is told what to do for them.
ALREADY_REGISTERED = "该身份证号码已注册交管12123账户，群众可直接登录；如原绑定手机号已不使用，请办理重置绑定手机号"


UNIT_IN_PERSON = "这是单位的统一社会信用代码，单位请办理单位用户注册"  # what 面签注册 tells the clerk


def in_person_field_problem(env: Env, name: str, value: str) -> str:
    """What 面签注册's own checks (no database) say of the field ``name`` (姓名 or 身份证号码) as
    typed: said under it as Enter leaves it for the next field, as the kiosk's forms do. '' when
    nothing is wrong with it on its own, or when it is empty (请输入 waits for 提交, as does 已注册).
    Not 手机号码: the form's last field, Enter there is 提交, which says a wrong number under it (with
    every other wrong field) and leaves the focus there when it is the only one; a check of its own
    here was never called."""
    if not value.strip():
        return ""
    checks = {"name": lambda: clean_person_name(value, "name"),
              "id_number": lambda: auth._applicant_id(value, env.clock.now().date(), UNIT_IN_PERSON)}  # noqa: SLF001
    try:
        checks[name]()
    except DomainError as exc:
        return exc.message
    return ""


def register_in_person(env: Env, staff: StaffSession | None, name: str, raw_id: str, phone: str) -> Registered:
    permitted(env, staff, *SERVE, doing=REGISTER_IN_PERSON)
    applicant = auth.check_applicant(env, name, raw_id, phone, already=ALREADY_REGISTERED, taken=auth.PHONE_TAKEN,
                                     unit=UNIT_IN_PERSON)
    with env.db.write() as s:
        authorise(s, env, staff, *SERVE, doing=REGISTER_IN_PERSON)
        done = auth._register(s, env, applicant, "counter", staff_actor=actor(staff),  # type: ignore[arg-type]
                              already=ALREADY_REGISTERED, taken=auth.PHONE_TAKEN)
        return Registered(done.account_id, done.name, done.id_number, done.phone, done.kind)


def _unit_name(raw: str) -> str:
    name = normalize_text(raw, field="unit_name", label="单位名称", max_len=100)
    if len(name) < 4:
        raise DomainError("请填写营业执照上的单位全称", "unit_name")
    return name


AUTHORISATION_REF_MIN = 4  # letters or digits: 委托书编号 "x" numbers no letter


def _authorisation_ref(raw: str) -> str:
    letter = normalize_text(raw, field="authorisation_ref", label="委托书编号", max_len=100)
    if meaningful_chars(letter) < AUTHORISATION_REF_MIN:
        raise DomainError(f"委托书编号至少{AUTHORISATION_REF_MIN}个字母、数字或汉字，请按委托书填写", "authorisation_ref")
    return letter


UNIT_REGISTERED = "该统一社会信用代码已注册单位用户"


def register_unit(env: Env, staff: StaffSession | None, unit_name: str, credit_code: str, phone: str,
                  authorisation_ref: str, agent_id: str) -> Registered:
    """单位用户注册 at the counter: business licence, letter of authorisation, agent's ID."""
    permitted(env, staff, *SERVE, doing=audit.action_name("unit_register"))
    problems = FormProblems()  # every wrong field told at once, in the form's order
    name = problems.check(_unit_name, unit_name)
    code = problems.check(normalize_credit_code, credit_code, "credit_code")
    letter = problems.check(_authorisation_ref, authorisation_ref)
    agent = problems.check(normalize_id_number, agent_id, "agent_id", today=env.clock.now().date())
    clean_phone = problems.check(normalize_phone, phone)
    problems.raise_found()
    assert name is not None and code is not None and letter is not None and agent is not None
    assert clean_phone is not None
    now = env.clock.now()
    with env.db.write() as s:
        role = authorise(s, env, staff, *SERVE, doing=audit.action_name("unit_register"))
        account = s.scalar(select(Account).where(Account.id_number == code).with_for_update())
        if account is not None and account.registered_at is not None:
            raise DomainError(UNIT_REGISTERED, "credit_code")
        if account is not None and account.kind != "unit":
            raise DomainError("该号码不是单位的统一社会信用代码", "credit_code")
        if account is None:
            account = Account(kind="unit", id_number=code, name=name, created_at=now)
            auth.add_account(s, account, UNIT_REGISTERED, "credit_code")
        auth.bind_phone(s, account, clean_phone, name=name, registered_at=now, registered_via="unit",
                        agent_id_number=agent, authorisation_ref=letter)
        audit.record(s, env, actor=actor(staff), role=role, action="unit_register", account_id=account.id,  # type: ignore[arg-type]
                     detail=f"委托书 {letter}；代理人 {agent[:6]}********{agent[-4:]}")
        messaging.notify(s, env, account, auth.REGISTERED_TITLE,
                         f"{name}已在车管所窗口注册交管12123单位用户，登录账号为统一社会信用代码。")
        return Registered(account.id, name, code, clean_phone, "unit")


def new_phone(raw: str, bound: str | None) -> str:
    """The new number typed for a lost phone binding, checked: a phone number, not the one ``bound``."""
    phone = normalize_phone(raw, "new_phone")
    if phone == bound:
        raise DomainError("新手机号与当前绑定的手机号相同", "new_phone")
    return phone


def _new_phone_of(s: Session, account_id: int, typed: str) -> tuple[Account, str]:
    """The account and the new number for it, with every refusal known before binding it: not
    registered, not a phone number, the number bound now, a number bound to another account."""
    account = s.get(Account, account_id)
    if account is None or account.registered_at is None:
        raise NotFound("该账户尚未注册交管12123，请先办理注册")
    phone = new_phone(typed, account.phone)
    auth.check_phone_free(s, phone, account.id, "new_phone")
    return account, phone


def check_new_phone(env: Env, staff: StaffSession | None, account_id: int, typed: str) -> str:
    """The number ``typed`` checked as reset_phone checks it, before the clerk is asked to confirm it
    (the counter's 重置绑定手机号 form): a number bound to another account was refused only after
    确认重置 (tester). reset_phone checks again in its transaction (and the unique index decides a race)."""
    doing = audit.action_name("phone_reset")
    permitted(env, staff, *SERVE, doing=doing)
    phone = new_phone(typed, None)
    with env.db.read() as s:
        authorise(s, env, staff, *SERVE, doing=doing)
        return _new_phone_of(s, account_id, phone)[1]


def reset_phone(env: Env, staff: StaffSession | None, account_id: int, typed: str) -> Registered:
    """The bound phone was lost: bind the number ``typed`` (the citizen is present with the ID original)."""
    permitted(env, staff, *SERVE, doing=audit.action_name("phone_reset"))
    phone = new_phone(typed, None)
    with env.db.write() as s:
        role = authorise(s, env, staff, *SERVE, doing=audit.action_name("phone_reset"))
        account, phone = _new_phone_of(s, account_id, phone)  # as read in this transaction
        old = account.phone
        auth.bind_phone(s, account, phone, "new_phone")
        audit.record(s, env, actor=actor(staff), role=role, action="phone_reset", account_id=account.id,  # type: ignore[arg-type]
                     detail=f"{mask_phone(old) if old else '无'} -> {mask_phone(phone)}")
        messaging.notify(s, env, account, messaging.titled("绑定手机号变更", "已办结"),
                         f"您的交管12123账户绑定手机号已于{env.clock.now():%Y-%m-%d %H:%M}在车管所窗口变更为"
                         f"{mask_phone(phone)}。如非本人操作，请立即联系车管所。")
        return Registered(account.id, account.name, account.id_number, phone, account.kind)
