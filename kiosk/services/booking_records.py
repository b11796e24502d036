"""The citizen's exam bookings, for 取消考试预约, 考试费缴纳 and 预约凭证."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Application, Booking, ExamSession, ExamSite
from ..domain.errors import NotFound
from ..domain.exam import SUBJECT_NAMES
from .booking import (BOOKING_STATUS_TEXT, MODE_TEXT, PLACED_PAID_TEXT, PLACED_UNPAID_TEXT, PRIORITY_TITLE, TITLE,
                      session_at)
from .env import Env


@dataclass(frozen=True)
class BookingView:
    id: int
    serial_no: str
    title: str
    subject: int
    licence_class: str
    status: str  # pending / placed / unplaced / cancelled / done
    priority: bool
    mode_text: str
    exam_at: datetime | None
    site_name: str
    site_address: str
    site_phone: str
    fee_paid_at: datetime | None
    unplaced_reason: str
    created_at: datetime
    asked: tuple[str, ...] = ()  # what was applied for: the range and site, or the chosen sessions

    @property
    def subject_name(self) -> str:
        return SUBJECT_NAMES[self.subject]

    @property
    def status_text(self) -> str:
        if self.status == "placed":
            return PLACED_PAID_TEXT if self.fee_paid_at else PLACED_UNPAID_TEXT
        return BOOKING_STATUS_TEXT.get(self.status, self.status)

    @property
    def when(self) -> str:
        """The exam time; 待安排 while the booking waits for allocation, '-' when it never got one."""
        if self.exam_at:
            return f"{self.exam_at:%Y-%m-%d %H:%M}"
        return "待安排" if self.status == "pending" else "-"


_WHO = ("姓名：", "准驾车型：", "考试科目：", "预约模式：")  # in the summary, but not what was asked for


def _asked(payload: dict | None) -> tuple[str, ...]:
    """The lines of the confirmation summary (kept in the application) that say what was asked for."""
    lines = (payload or {}).get("summary") or []
    return tuple(str(line) for line in lines if not str(line).startswith(_WHO))


def _view(b: Booking, serial: str, payload: dict | None, session: ExamSession | None,
          site: ExamSite | None) -> BookingView:
    return BookingView(
        b.id, serial, PRIORITY_TITLE if b.priority else TITLE, b.subject, b.licence_class, b.status, b.priority,
        MODE_TEXT["priority" if b.priority else b.mode],
        session_at(session.exam_date, session.start_time) if session else None,
        site.name if site else "", site.address if site else "", site.phone if site else "",
        b.fee_paid_at, b.unplaced_reason or "", b.created_at, _asked(payload))


def _query():  # type: ignore[no-untyped-def]
    return (select(Booking, Application.serial_no, Application.payload, ExamSession, ExamSite)
            .outerjoin(Application, Application.id == Booking.application_id)
            .outerjoin(ExamSession, ExamSession.id == Booking.session_id)
            .outerjoin(ExamSite, ExamSite.id == ExamSession.site_id))


def view_in(s: Session, account_id: int, booking_id: int) -> BookingView:
    row = s.execute(_query().where(Booking.id == booking_id, Booking.account_id == account_id)).first()
    if row is None:
        raise NotFound("未找到该考试预约")
    return _view(row[0], row[1] or "", row[2], row[3], row[4])


def bookings_in(s: Session, account_id: int, *, online_only: bool = True) -> list[tuple[Booking, BookingView]]:
    """Newest first; ``online_only`` leaves out bookings made before 12123 (no serial number)."""
    q = _query().where(Booking.account_id == account_id)
    if online_only:
        q = q.where(Booking.application_id.is_not(None))
    rows = s.execute(q.order_by(Booking.created_at.desc(), Booking.id.desc()).limit(100))
    return [(b, _view(b, serial or "", payload, sess, site)) for b, serial, payload, sess, site in rows]


def my_bookings(env: Env, account_id: int, *, online_only: bool = True) -> list[BookingView]:
    """Newest first; ``online_only`` leaves out bookings made before 12123 (no serial number)."""
    with env.db.read() as s:
        return [view for _, view in bookings_in(s, account_id, online_only=online_only)]


def booking(env: Env, account_id: int, booking_id: int) -> BookingView:
    with env.db.read() as s:
        return view_in(s, account_id, booking_id)
