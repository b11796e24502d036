"""One-time SMS codes: from ``secrets``, 5 minutes, single use, dead after 5 wrong tries, a
resend only after 60 s, and at most 10 codes a day to one phone number (whatever they are for):
otherwise anyone at a kiosk could type another person's ID number and have a code sent to their
phone every minute, with 5 new guesses each time.

Only a keyed hash is stored, under a key of the terminal's data folder (kiosk.services.code_keys):
a code is checked by the terminal that sent it, and another terminal can tell a code it cannot
check from a wrong one.

Only the newest code of a phone and purpose is valid. A citizen who asked for a code on two kiosks
and types the first one is told it was replaced (``STALE``), not that it is wrong: it was sent to
their phone, so it is no guess, and it does not use up one of the newest code's tries. The same for
an older code already used (the previous sign-in's code, typed after signing out and in again). A code typed
here while the newest one came from another terminal is refused with where to use it (``ELSEWHERE``),
and is not counted either: this terminal could never accept that code. A code already used (on
the other kiosk) is told as used (``USED``), not as never sent.
"""
from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from ..db.driver import Driver, Prepared, Tx
from ..db.models import Message, SmsCode
from ..domain.errors import CodeRefused, CodeStillValid, DomainError, TooSoon
from ..domain.ids import mask_phone
from ..domain.typed import compact
from .code_keys import code_hash, hashed_here, matches, new_salt
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


_C = SmsCode.__table__
# The newest code row of a phone and purpose (insertion order: robust to a clock set back). Built
# once, like the statements below (the booking path runs them on every submission).
_LATEST_ID = (select(_C.c.id).where(_C.c.phone == bindparam("of_phone"), _C.c.purpose == bindparam("of_purpose"))
              .order_by(_C.c.id.desc()).limit(1).scalar_subquery())


def _latest(session: Session, phone: str, purpose: str, *, lock: bool = False) -> SmsCode | None:
    """The newest code row; with ``lock`` held until the transaction ends (PostgreSQL ``FOR UPDATE``)."""
    query = select(SmsCode).where(SmsCode.id == _LATEST_ID)
    return session.scalars(query.with_for_update() if lock else query,
                           {"of_phone": phone, "of_purpose": purpose}).first()


def send_code(session: Session, env: Env, phone: str, purpose: str, account_id: int | None = None) -> CodeSent:
    now = env.clock.now()
    wait = timedelta(seconds=env.settings.code_resend_seconds)
    last = _latest(session, phone, purpose)
    if last is not None and last.used_at is None and now < last.sent_at + wait:
        left = math.ceil((last.sent_at + wait - now).total_seconds())
        # No count of seconds in the text: it would stand still under the button's own countdown.
        if last.attempts >= env.settings.code_max_attempts:  # dead: there is no code to type
            raise TooSoon(DEAD, "code", left)
        if not hashed_here(env, last.code_hash):  # asked for on another kiosk: only that one can check it
            raise TooSoon(f"验证码已在其他终端发送至 {mask_phone(phone)}，只能在该终端使用；"
                          f"在本机办理，请在{RESEND}可用后重新获取", "code", left)
        # Not 请41秒后重新获取 either: the line stood at 41 while the button read 重新发送（37秒） (tester).
        # Still valid: a screen says so where the code went, and the demo phone bar shows its SMS again.
        raise CodeStillValid(f"验证码已发送至 {mask_phone(phone)}，请输入已收到的验证码；如未收到，请在{RESEND}可用后重新获取",
                             "code", left, phone=phone, phone_masked=mask_phone(phone), sent_at=last.sent_at,
                             expires_at=last.expires_at, sms_id=_code_sms_id(session, phone, purpose, last.sent_at))
    limit = env.settings.code_daily_limit
    today = datetime.combine(now.date(), time.min)
    if session.scalar(select(func.count()).where(_C.c.phone == phone, _C.c.sent_at >= today)) >= limit:
        raise DomainError(f"该手机号码今日获取验证码已达{limit}次，请明日再试。"
                          "如需立即办理，请到车管所窗口", "code")
    code = f"{secrets.randbelow(10**6):06d}"
    expires = now + timedelta(seconds=env.settings.code_ttl_seconds)
    session.add(SmsCode(phone=phone, purpose=purpose, code_hash=code_hash(env, code, new_salt(env)),
                        sent_at=now, expires_at=expires))
    minutes = env.settings.code_ttl_seconds // 60
    body = f"{_sms_start(purpose)}{code}，{minutes}分钟内有效。请勿将验证码告诉他人。"
    env.sms.send(session, phone, body, now, account_id)
    return CodeSent(phone, mask_phone(phone), now + wait, expires)


def _sms_start(purpose: str) -> str:
    """What a code's SMS says before the six digits."""
    return f"【交管12123】您正在办理{PURPOSE_TEXT.get(purpose, '业务')}，验证码"


def _code_sms_id(session: Session, phone: str, purpose: str, sent_at: datetime) -> int | None:
    """The outbox row of the SMS that carried the code sent at ``sent_at`` (None with no outbox row:
    another SMS gateway). Only for the demo phone bar; the code itself is kept only as a hash."""
    return session.scalar(select(Message.id).where(
        Message.phone == phone, Message.channel == "sms", Message.created_at == sent_at,
        Message.body.startswith(_sms_start(purpose), autoescape=True)).order_by(Message.id.desc()).limit(1))


RESEND = "【重新发送】"  # the 发送验证码 button once its countdown is over
NONE_SENT = "请先点击【发送验证码】获取验证码"
USED = "验证码已使用，请重新获取"
GONE = "验证码已失效，请重新获取"
DEAD = f"验证码错误次数过多，已失效，请在{RESEND}可用后重新获取"  # the wait may still run: no "at once"
EXPIRED = "验证码已过期，请重新获取"
STALE = "该验证码已失效，请使用最新收到的验证码"
STALE_ELSEWHERE = "该验证码已失效：您在其他终端获取了新的验证码，请到该终端输入，或在本机重新获取"
ELSEWHERE = "您最新收到的验证码是在其他终端获取的，只能在该终端使用；在本机办理请重新获取验证码"


def refusal(problem: str, field: str = "code") -> CodeRefused:
    """The error for a code refused with ``problem`` (consume_code, settle): whether the code sent
    is gone (a new one must be asked for), and whether one may be asked for at once (send_code has
    no resend wait after a used code)."""
    return CodeRefused(problem, field, gone=problem in (USED, GONE, DEAD, EXPIRED, STALE_ELSEWHERE, ELSEWHERE),
                       resend_now=problem in (USED, GONE))


NOT_SIX = "请输入短信中的6位数字验证码"  # too short (or not digits): what was typed stays, to be completed


def _format_problem(code: str) -> str | None:
    if not (len(code) == 6 and code.isascii() and code.isdigit()):
        return NOT_SIX
    return None


def _row_problem(row: SmsCode | None, now: datetime, env: Env, code: str) -> str | None:
    """Why the latest code row cannot be used at all (before a try is counted). A code used up
    (say on another kiosk, the citizen having asked for it on both) is no 请先点击【发送验证码】: a
    code was sent. ``USED`` when ``code`` is that code, else ``GONE`` (a typo of it, or a code
    another terminal made, which this one cannot check)."""
    if row is None:
        return NONE_SENT
    if row.used_at is not None:
        return USED if matches(env, code, row.code_hash) else GONE
    if now > row.expires_at:
        return EXPIRED
    if row.attempts >= env.settings.code_max_attempts:
        return DEAD
    return None


def _wrong(env: Env, attempts_after: int) -> str:
    left = env.settings.code_max_attempts - attempts_after
    return f"验证码错误，还可尝试{left}次" if left > 0 else DEAD


@dataclass(frozen=True)
class Precheck:
    """A code checked against a snapshot of its row, outside any write transaction (in
    parallel on every kiosk); ``settle`` makes it count."""

    phone: str
    purpose: str
    code: str
    problem: str | None  # decided from the snapshot alone (nothing to record)
    row_id: int | None = None
    attempts: int = 0
    matched: bool = False


# Run on the driver's cursor (kiosk.db.driver): every booking submission checks its code.
_LATEST_ROW = Prepared(select(_C.c.id, _C.c.attempts, _C.c.used_at, _C.c.expires_at, _C.c.code_hash).where(
    _C.c.id == _LATEST_ID))
_STILL_SAME = update(_C).where(_C.c.id == bindparam("row_id"), _C.c.used_at.is_(None),
                               _C.c.attempts == bindparam("attempts_before"), _C.c.expires_at >= bindparam("at"),
                               _C.c.id == _LATEST_ID)
_SETTLE_USED = Prepared(_STILL_SAME.values(used_at=bindparam("at")))
_SETTLE_WRONG = Prepared(_STILL_SAME.values(attempts=bindparam("attempts_after")))


# The codes of a phone and purpose sent before the newest one today, used or not: a replaced one,
# or one already used (the previous sign-in's code typed again). Each was sent to that phone for
# that purpose, so typing it is no guess. Only today's, and at most 20 (the daily limit is 10).
_OLDER = Prepared(select(_C.c.code_hash).where(
    _C.c.phone == bindparam("of_phone"), _C.c.purpose == bindparam("of_purpose"), _C.c.id < bindparam("newest"),
    _C.c.sent_at >= bindparam("since")).order_by(_C.c.id.desc()).limit(20))


def _not_newest(d: Driver, env: Env, phone: str, purpose: str, code: str, newest_id: int,
                newest_hash: str) -> str | None:
    """Why ``code``, which does not match the newest code, is no wrong guess (None: it is one).
    It matches a code sent before the newest one today (replaced, or used: the last sign-in's code
    typed again); or the newest came from another terminal."""
    here = hashed_here(env, newest_hash)
    since = datetime.combine(env.clock.now().date(), time.min)
    for row in d.all(_OLDER, of_phone=phone, of_purpose=purpose, newest=newest_id, since=since):
        if matches(env, code, row.code_hash):
            return STALE if here else STALE_ELSEWHERE
    return None if here else ELSEWHERE


def precheck(session: Session | Tx, env: Env, phone: str, purpose: str, code: str) -> Precheck:
    code = compact(code)
    d = Driver(session)
    row = d.first(_LATEST_ROW, of_phone=phone, of_purpose=purpose)
    # no usable code first (none sent, expired, dead): that is what to do next, whatever was typed
    problem = _row_problem(row, env.clock.now(), env, code) or _format_problem(code)  # type: ignore[arg-type]
    if problem or row is None:
        return Precheck(phone, purpose, code, problem)
    if matches(env, code, row.code_hash):
        return Precheck(phone, purpose, code, None, row.id, row.attempts, True)
    # a replaced code or one only another terminal can check: said as such, no try counted
    problem = _not_newest(d, env, phone, purpose, code, row.id, row.code_hash)
    return Precheck(phone, purpose, code, problem, row.id, row.attempts, False)


def settle(session: Session | Tx, env: Env, pre: Precheck) -> str | None:
    """In the write transaction: use up the code (or count the wrong try) only if its row is
    still the latest one and unchanged since ``precheck`` (one conditional UPDATE); otherwise
    check again against the row as it is now. Same answers as ``consume_code``; only ``Prepared``
    statements, so it runs in a ``Tx`` too."""
    d = Driver(session)
    while pre.problem is None:
        changed = d.run(_SETTLE_USED if pre.matched else _SETTLE_WRONG, row_id=pre.row_id,
                        attempts_before=pre.attempts, at=env.clock.now(), of_phone=pre.phone,
                        of_purpose=pre.purpose, attempts_after=pre.attempts + 1)
        if changed == 1:
            return None if pre.matched else _wrong(env, pre.attempts + 1)
        # It changed meanwhile (another try, a new code). With SQLite's write lock held the next
        # round settles; on PostgreSQL each further round means another kiosk changed the row.
        pre = precheck(session, env, pre.phone, pre.purpose, pre.code)
    return pre.problem


def consume_code(session: Session, env: Env, phone: str, purpose: str, code: str) -> str | None:
    """Use up a code. Returns None when it matched, otherwise the reason (the failed attempt is
    recorded in this session, so the caller must commit before raising). The row is locked first:
    two kiosks trying codes for one phone at once (PostgreSQL) each count their try, and a right
    code is used once."""
    code = compact(code)
    now = env.clock.now()
    row = _latest(session, phone, purpose, lock=True)
    problem = _row_problem(row, now, env, code) or _format_problem(code)  # as precheck: no usable code first
    if problem or row is None:
        return problem
    if not matches(env, code, row.code_hash):
        problem = _not_newest(Driver(session), env, phone, purpose, code, row.id, row.code_hash)
        if problem:
            return problem
        row.attempts += 1
        return _wrong(env, row.attempts)
    row.used_at = now
    return None
