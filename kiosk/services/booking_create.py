"""Exam booking, the write transaction itself: a few Core statements, no ORM unit of work.

Kept short because on SQLite every kiosk waits for it (one writer at a time): the seat is
taken with a conditional UPDATE (``priority_taken < priority_quota AND placed < seats``, plan
still open) whose row count decides; then the booking, its application (serial number), the
timeline entry, the audit entry and the inbox / SMS messages are inserted. The caller has
already validated the request (booking_submit) and passes what it read.
"""
from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from ..db.models import Application, ApplicationEvent, AuditEntry, Booking, ExamPlan, ExamSession, Message
from ..domain.errors import Conflict, DomainError
from .booking import OPEN_PLAN
from .env import Env
from .gateways import OutboxSmsGateway

_S = ExamSession.__table__


@dataclass(frozen=True)
class NewBooking:
    account_id: int
    phone: str | None
    permit_id: int
    subject: int
    licence_class: str
    priority: bool
    mode: str  # 'self' | 'system' (priority bookings are 'self')
    choices: Sequence[int]
    range_from: date | None
    range_to: date | None
    site_id: int | None
    ranking_time: datetime
    scope: object = None  # system mode: the SQL condition of the fitting sessions


_B, _A, _E, _M, _AU = (m.__table__ for m in (Booking, Application, ApplicationEvent, Message, AuditEntry))
# Built once: executing a ready statement with new parameters skips SQLAlchemy's construction work.
_OPEN = _S.c.plan_id.in_(select(ExamPlan.id).where(OPEN_PLAN))
_TAKE_PRIORITY = update(_S).where(_S.c.id == bindparam("sid"), _S.c.priority_taken < _S.c.priority_quota,
                                  _S.c.placed < _S.c.seats, _OPEN).values(
    priority_taken=_S.c.priority_taken + 1, placed=_S.c.placed + 1)
_COUNT_APPLICANT = update(_S).where(_S.c.id.in_(bindparam("ids", expanding=True)), _OPEN).values(
    applicants=_S.c.applicants + 1)
_INSERT_BOOKING = insert(_B).returning(_B.c.id)
_INSERT_APP = insert(_A).returning(_A.c.id)
_SET_SERIAL = update(_A).where(_A.c.id == bindparam("app_id")).values(serial_no=bindparam("serial"))
_INSERT_EVENT, _INSERT_AUDIT, _INSERT_MESSAGE = insert(_E), insert(_AU), insert(_M)


def take_seats(s: Session, b: NewBooking, now: datetime, seat_taken: str, closed: str) -> None:
    """Priority: take the seat or raise Conflict; normal: count the applicant in every chosen
    (or fitting) session, all still open, or raise DomainError."""
    conn, when = s.connection(), {"now": now, "today": now.date()}
    if b.priority:
        if conn.execute(_TAKE_PRIORITY, {"sid": b.choices[0], **when}).rowcount != 1:
            raise Conflict(seat_taken, "sessions")  # rolls back: the code stays unused
    elif b.mode == "self":
        if conn.execute(_COUNT_APPLICANT, {"ids": list(b.choices), **when}).rowcount != len(b.choices):
            raise DomainError(closed, "sessions")
    elif conn.execute(update(_S).where(b.scope).values(applicants=_S.c.applicants + 1)).rowcount == 0:  # type: ignore[arg-type]
        raise DomainError(closed)


def create(s: Session, env: Env, b: NewBooking, *, kind: str, title: str, status: str, note: str,
           payload: dict, audit_action: str, audit_detail: Callable[[str], str],
           message: Callable[[str], str]) -> tuple[int, str]:
    """Insert booking, application (+ serial), timeline, audit and messages; (booking id, serial).

    ``audit_detail`` and ``message`` are given the serial number."""
    now, conn = env.clock.now(), s.connection()
    app_id = conn.execute(_INSERT_APP, {
        "serial_no": "tmp-" + secrets.token_hex(8), "account_id": b.account_id, "kind": kind, "title": title,
        "status": status, "payload": payload, "terminal_id": env.terminal_id,
        "created_at": now, "updated_at": now}).scalar_one()
    serial = f"{now:%y%m%d}{app_id:010d}"  # as applications.create
    conn.execute(_SET_SERIAL, {"app_id": app_id, "serial": serial})
    booking_id = conn.execute(_INSERT_BOOKING, {  # the booking points to its application (no payload copy)
        "account_id": b.account_id, "permit_id": b.permit_id, "application_id": app_id, "subject": b.subject,
        "licence_class": b.licence_class, "priority": b.priority, "mode": b.mode, "choices": list(b.choices),
        "range_from": b.range_from, "range_to": b.range_to, "site_id": b.site_id, "ranking_time": b.ranking_time,
        "status": "placed" if b.priority else "pending", "session_id": b.choices[0] if b.priority else None,
        "created_at": now}).scalar_one()
    conn.execute(_INSERT_EVENT, {"application_id": app_id, "at": now, "status": status, "note": note})
    conn.execute(_INSERT_AUDIT, {"at": now, "actor": f"citizen:{b.account_id}", "role": "",
                               "terminal_id": env.terminal_id, "account_id": b.account_id, "action": audit_action,
                               "detail": audit_detail(serial)[:400]})
    body = message(serial)
    outbox = isinstance(env.sms, OutboxSmsGateway)
    conn.execute(_INSERT_MESSAGE, [{"channel": "inbox", "account_id": b.account_id, "phone": None, "title": title,
                               "body": body, "created_at": now, "read_at": None}]
                 + ([{"channel": "sms", "account_id": b.account_id, "phone": b.phone, "title": "",
                      "body": f"【交管12123】{body}", "created_at": now, "read_at": None}] if b.phone and outbox else []))
    if b.phone and not outbox:
        env.sms.send(s, b.phone, f"【交管12123】{body}", now, b.account_id)
    return booking_id, serial
