"""One-time SMS codes: from ``secrets``, stored as a salted scrypt hash, 5 minutes, single use,
dead after 5 wrong tries, a resend only after 60 s."""
from __future__ import annotations

import hashlib
import math
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
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


def consume_code(session: Session, env: Env, phone: str, purpose: str, code: str) -> str | None:
    """Use up a code. Returns None when it matched, otherwise the reason (the failed attempt is
    recorded in this session, so the caller must commit before raising)."""
    code = "".join(str(code).split())
    if not (len(code) == 6 and code.isascii() and code.isdigit()):
        return "请输入短信中的6位数字验证码"
    now = env.clock.now()
    row = _latest(session, phone, purpose)
    if row is None or row.used_at is not None:
        return "请先点击【发送验证码】获取验证码"
    if now > row.expires_at:
        return "验证码已过期，请重新获取"
    if row.attempts >= env.settings.code_max_attempts:
        return "验证码错误次数过多，已失效，请重新获取"
    if not _matches(code, row.code_hash):
        row.attempts += 1
        left = env.settings.code_max_attempts - row.attempts
        return f"验证码错误，还可尝试{left}次" if left > 0 else "验证码错误次数过多，已失效，请重新获取"
    row.used_at = now
    return None
