"""The app inbox and the SMS outbox."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import Account, Message
from ..domain.ids import mask_phone
from .env import Env

SMS_SIGN = "【交管12123】"  # every SMS the kiosk sends starts with it


@dataclass(frozen=True)
class MessageView:
    id: int
    channel: str
    phone: str | None
    title: str
    body: str
    created_at: datetime
    read: bool


def _view(m: Message) -> MessageView:
    """An inbox message (never with a phone: the one its row may keep is the SMS's), or an SMS."""
    phone = None if m.channel == "inbox" else m.phone
    return MessageView(m.id, m.channel, phone, m.heading, m.text, m.created_at, m.read_at is not None)


def _sms_view(m: Message) -> MessageView:
    """An SMS: an 'sms' row, or an inbox message that went out as an SMS too (it keeps the phone;
    publication-day allocation writes one row for both), shown as the SMS: SMS_SIGN, its text."""
    if m.channel == "sms":
        return _view(m)
    return MessageView(m.id, "sms", m.phone, "", SMS_SIGN + m.text, m.created_at, False)


def titled(service: str, outcome: str) -> str:
    """An inbox title: the service, then what became of it, in full-width brackets, as decisions on
    applications were titled (学法减分（已办结）, 驾驶证电子版申领（审核不通过）): every message is titled so,
    科目二考试预约（预约成功）, 考试费缴纳（缴费成功）, 用户注册（注册成功）. Some named the service only
    (考试成绩, 学法减分), one the outcome only (注册成功): the list said what happened for some services only."""
    return f"{service}（{outcome}）"


def exam_booking(subject_name: str, outcome: str, kind: str = "考试预约") -> str:
    """科目二考试预约（预约成功）: a booking's messages name its subject (a citizen with two tells them apart),
    as their text does (您的科目二考试预约（业务流水号...）); ``kind``: 优先考试预约 for a priority booking."""
    return titled(f"{subject_name}{kind}", outcome)


def notify(session: Session, env: Env, account: Account, title: str, body: str, *, sms: bool = True) -> None:
    """An inbox message and (by default) an SMS to the account's bound phone."""
    now = env.clock.now()
    session.add(Message(channel="inbox", account_id=account.id, title=title, body=body, created_at=now))
    if sms and account.phone:
        env.sms.send(session, account.phone, SMS_SIGN + body, now, account.id)


def inbox(env: Env, account_id: int) -> list[MessageView]:
    with env.db.read() as s:
        rows = s.scalars(select(Message).where(Message.channel == "inbox", Message.account_id == account_id)
                         .order_by(Message.created_at.desc(), Message.id.desc()).limit(200))
        return [_view(m) for m in rows]


def unread_count(env: Env, account_id: int) -> int:
    with env.db.read() as s:
        return s.scalar(select(func.count()).select_from(Message).where(
            Message.channel == "inbox", Message.account_id == account_id, Message.read_at.is_(None))) or 0


def mark_read(env: Env, account_id: int, message_id: int) -> None:
    with env.db.write() as s:
        m = s.get(Message, message_id)
        if m is not None and m.account_id == account_id and m.read_at is None:
            m.read_at = env.clock.now()


def outbox(env: Env, phone: str | None = None, limit: int = 50) -> list[MessageView]:
    """The SMS sent (through the outbox gateway), newest first: 'sms' rows and the inbox messages
    that were sent as an SMS too (those with a phone)."""
    with env.db.read() as s:
        # Only an SMS has a phone: an 'sms' row, or an inbox message that also went out as one.
        q = select(Message).where(Message.phone == phone) if phone else select(Message).where(
            (Message.channel == "sms") | Message.phone.is_not(None))
        # newest first by time (the demo's history is added a person at a time: not in row order)
        rows = s.scalars(q.order_by(Message.created_at.desc(), Message.id.desc()).limit(limit))
        return [_sms_view(m) for m in rows]


def latest_sms_notification(env: Env, phone: str) -> tuple[int, str] | None:
    """Demo mode: the SMS to ``phone`` written last: its id and the text a phone would show for it.
    Last by row, not by time: a terminal whose clock is behind another's (demo clocks are set by
    hand) showed the other's later-dated SMS instead of the code it had just sent (tester)."""
    if not phone:
        return None
    with env.db.read() as s:
        m = s.scalars(select(Message).where(Message.phone == phone).order_by(Message.id.desc()).limit(1)).first()
        return (m.id, _on_phone(m)) if m is not None else None


def sms_notification(env: Env, phone: str, message_id: int) -> tuple[int, str] | None:
    """Demo mode: the SMS ``message_id`` to ``phone`` as latest_sms_notification gives it (a code
    still valid, shown again: kiosk.domain.errors.CodeStillValid); None if it is no SMS to that phone."""
    with env.db.read() as s:
        m = s.get(Message, message_id)
        return (m.id, _on_phone(m)) if m is not None and phone and m.phone == phone else None


def _on_phone(m: Message) -> str:
    return f"{mask_phone(m.phone or '')} 收到短信：{_sms_view(m).body}"
