"""One-time SMS codes: from ``secrets``, stored as a salted scrypt hash, 5 minutes, single use,
dead after 5 wrong tries, a resend only after 60 s."""
from __future__ import annotations

import hashlib
import math
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..db.models import SmsCode
from ..domain.errors import DomainError
from ..domain.ids import mask_phone
from .env import Env

PURPOSE_TEXT = {
    "login": "登录",
    "register": "注册",
    "contact_change": "变更联系方式",
    "licence_contact": "变更驾驶证联系方式",
    "vehicle_contact": "变更机动车联系方式",
    "exam_booking": "考试预约",
}


@dataclass(frozen=True)
class CodeSent:
    phone: str  # for the demo phone notification; screens show ``phone_masked`` only
    phone_masked: str
    resend_at: datetime
    expires_at: datetime


def _hash(code: str, salt: bytes) -> str:
    digest = hashlib.scrypt(code.encode(), salt=salt, n=2**12, r=8, p=1, dklen=32)
    return salt.hex() + "$" + digest.hex()


def _matches(code: str, stored: str) -> bool:
    salt_hex, _, _digest = stored.partition("$")
    return hmac.compare_digest(_hash(code, bytes.fromhex(salt_hex)), stored)


def _latest(session: Session, phone: str, purpose: str) -> SmsCode | None:
    return session.scalars(
        select(SmsCode).where(SmsCode.phone == phone, SmsCode.purpose == purpose)
        .order_by(SmsCode.id.desc()).limit(1)  # insertion order: robust to a clock set back
    ).first()


def send_code(session: Session, env: Env, phone: str, purpose: str, account_id: int | None = None) -> CodeSent:
    now = env.clock.now()
    wait = timedelta(seconds=env.settings.code_resend_seconds)
    last = _latest(session, phone, purpose)
    if last is not None and last.used_at is None and now < last.sent_at + wait:
        left = math.ceil((last.sent_at + wait - now).total_seconds())
        raise DomainError(f"验证码已发送，请{left}秒后再重新获取", "code")
    code = f"{secrets.randbelow(10**6):06d}"
    expires = now + timedelta(seconds=env.settings.code_ttl_seconds)
    session.add(SmsCode(phone=phone, purpose=purpose, code_hash=_hash(code, secrets.token_bytes(16)),
                        sent_at=now, expires_at=expires))
    minutes = env.settings.code_ttl_seconds // 60
    body = (f"【交管12123】您正在办理{PURPOSE_TEXT.get(purpose, '业务')}，验证码{code}，"
            f"{minutes}分钟内有效。请勿将验证码告诉他人。")
    env.sms.send(session, phone, body, now, account_id)
    return CodeSent(phone, mask_phone(phone), now + wait, expires)


DEAD = "验证码错误次数过多，已失效，请重新获取"


def _format_problem(code: str) -> str | None:
    if not (len(code) == 6 and code.isascii() and code.isdigit()):
        return "请输入短信中的6位数字验证码"
    return None


def _row_problem(row: SmsCode | None, now: datetime, env: Env) -> str | None:
    """Why the latest code row cannot be used at all (before its hash is even compared)."""
    if row is None or row.used_at is not None:
        return "请先点击【发送验证码】获取验证码"
    if now > row.expires_at:
        return "验证码已过期，请重新获取"
    if row.attempts >= env.settings.code_max_attempts:
        return DEAD
    return None


def _wrong(env: Env, attempts_after: int) -> str:
    left = env.settings.code_max_attempts - attempts_after
    return f"验证码错误，还可尝试{left}次" if left > 0 else DEAD


@dataclass(frozen=True)
class Precheck:
    """A code checked against a snapshot of its row, outside any write transaction (the slow
    scrypt hash runs there, in parallel on every kiosk); ``settle`` makes it count."""

    phone: str
    purpose: str
    code: str
    problem: str | None  # decided from the snapshot alone (nothing to record)
    row_id: int | None = None
    attempts: int = 0
    matched: bool = False


def precheck(session: Session, env: Env, phone: str, purpose: str, code: str) -> Precheck:
    code = "".join(str(code).split())
    problem = _format_problem(code)
    if problem:
        return Precheck(phone, purpose, code, problem)
    row = _latest(session, phone, purpose)
    problem = _row_problem(row, env.clock.now(), env)
    if problem or row is None:
        return Precheck(phone, purpose, code, problem)
    session.expunge(row)
    return Precheck(phone, purpose, code, None, row.id, row.attempts, _matches(code, row.code_hash))


def settle(session: Session, env: Env, pre: Precheck) -> str | None:
    """In the write transaction: use up the code (or count the wrong try) only if its row is
    still the latest one and unchanged since ``precheck`` (one conditional UPDATE); otherwise
    decide again with ``consume_code``. Same answers as ``consume_code``."""
    if pre.problem is not None:
        return pre.problem
    latest = (select(SmsCode.id).where(SmsCode.phone == pre.phone, SmsCode.purpose == pre.purpose)
              .order_by(SmsCode.id.desc()).limit(1).scalar_subquery())
    now = env.clock.now()
    q = update(SmsCode).where(SmsCode.id == pre.row_id, SmsCode.used_at.is_(None), SmsCode.attempts == pre.attempts,
                              SmsCode.expires_at >= now, SmsCode.id == latest)
    values = {"used_at": now} if pre.matched else {"attempts": pre.attempts + 1}
    if session.execute(q.values(**values), execution_options={"synchronize_session": False}).rowcount != 1:
        return consume_code(session, env, pre.phone, pre.purpose, pre.code)  # it changed meanwhile
    return None if pre.matched else _wrong(env, pre.attempts + 1)


def consume_code(session: Session, env: Env, phone: str, purpose: str, code: str) -> str | None:
    """Use up a code. Returns None when it matched, otherwise the reason (the failed attempt is
    recorded in this session, so the caller must commit before raising)."""
    code = "".join(str(code).split())
    problem = _format_problem(code)
    if problem:
        return problem
    now = env.clock.now()
    row = _latest(session, phone, purpose)
    problem = _row_problem(row, now, env)
    if problem or row is None:
        return problem
    if not _matches(code, row.code_hash):
        row.attempts += 1
        return _wrong(env, row.attempts)
    row.used_at = now
    return None
