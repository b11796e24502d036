"""The citizen's exam bookings, for 取消考试预约, 考试费缴纳 and 预约凭证."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Application, Booking, ExamResult, ExamSession, ExamSite
from ..domain.dates import ISO_DAY, format_range
from ..domain.errors import NotFound
from ..domain.exam import SUBJECT_NAMES
from .booking import (BOOKING_STATUS_TEXT, MODE_TEXT, PLACED_PAID_TEXT, PLACED_UNPAID_TEXT, PRIORITY_TITLE, TITLE,
                      session_at)
from .booking_publish import waiting_days
from .env import Env

# A result's status in 网办进度 (the booking's application); the booking lists say the same
PASSED, FAILED, NO_SHOW = "考试合格", "考试不合格", "缺考"


def result_status(passed: bool, no_show: bool) -> str:
    return NO_SHOW if no_show else PASSED if passed else FAILED


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
    # While waiting for allocation (pending), from the booking itself (bookings made before 12123 too):
    wanted_sessions: tuple[tuple[datetime, str], ...] = ()  # 自主选择场次: each chosen session's time and site
    wanted_range: tuple[date, date] | None = None  # 服从系统安排: the dates applied for
    wanted_place: str = ""  # 服从系统安排: the site chosen, else the city's sites (不限考场（重庆）)
    result: str = ""  # a finished (done) booking: how its last attempt ended (考试合格 / 考试不合格 / 缺考)
    # waiting for allocation: the publication days still to come (booking_publish.waiting_days)
    publish_days: tuple[date, ...] = ()

    @property
    def subject_name(self) -> str:
        return SUBJECT_NAMES[self.subject]

    @property
    def status_text(self) -> str:
        if self.status == "placed":
            return PLACED_PAID_TEXT if self.fee_paid_at else PLACED_UNPAID_TEXT
        if self.status == "done" and self.result:
            return self.result
        return BOOKING_STATUS_TEXT.get(self.status, self.status)

    @property
    def when(self) -> str:
        """The exam time; 待安排 while the booking waits for allocation, '-' when it never got one."""
        if self.exam_at:
            return f"{self.exam_at:%Y-%m-%d %H:%M}"
        return "待安排" if self.status == "pending" else "-"

    @property
    def wanted(self) -> tuple[str, ...]:
        """What a booking waiting for allocation asked for, one line per chosen session (date, time
        and site) or the range and where for 服从系统安排; nothing once placed or ended."""
        if self.status != "pending":
            return ()
        if self.wanted_sessions:
            return tuple(f"{at:%Y-%m-%d %H:%M} {site}" for at, site in self.wanted_sessions)
        if self.wanted_range:
            first, last = self.wanted_range
            return (f"{format_range(first, last, ISO_DAY)} {self.wanted_place}",)
        return ()


_WHO = ("姓名：", "准驾车型：", "考试科目：", "预约模式：")  # in the summary, but not what was asked for


# A one-day range kept by a booking made before format_range wrote it as that day alone.
_ONE_DAY = re.compile(r"^(预约时间段：)(.+)至\2$")


def _asked(payload: dict | None) -> tuple[str, ...]:
    """The lines of the confirmation summary (kept in the application) that say what was asked for."""
    lines = (payload or {}).get("summary") or []
    return tuple(_ONE_DAY.sub(r"\1\2", str(line)) for line in lines if not str(line).startswith(_WHO))


def _place(site: str | None, city: str | None) -> str:
    if site:
        return site
    return f"不限考场（{city}）" if city else "不限考场"


def _wanted(s: Session, bookings: list[Booking]) -> dict[int, dict]:
    """The ``wanted_*`` fields of the bookings waiting for allocation, read in one query for the
    sessions chosen and one for the sites named."""
    waiting = [b for b in bookings if b.status == "pending"]
    ids = {int(i) for b in waiting if b.mode == "self" for i in b.choices or ()}
    sessions = {row[0]: (session_at(row[1], row[2]), row[3]) for row in s.execute(
        select(ExamSession.id, ExamSession.exam_date, ExamSession.start_time, ExamSite.name)
        .join(ExamSite, ExamSite.id == ExamSession.site_id).where(ExamSession.id.in_(ids)))} if ids else {}
    site_ids = {b.site_id for b in waiting if b.mode == "system" and b.site_id is not None}
    sites = {row[0]: row[1] for row in s.execute(select(ExamSite.id, ExamSite.name).where(ExamSite.id.in_(site_ids)))} \
        if site_ids else {}
    wanted: dict[int, dict] = {}
    for b in waiting:
        if b.mode == "self":
            chosen = tuple(sessions[int(i)] for i in b.choices or () if int(i) in sessions)
            wanted[b.id] = {"wanted_sessions": chosen}
        elif b.range_from and b.range_to:
            wanted[b.id] = {"wanted_range": (b.range_from, b.range_to),
                            "wanted_place": _place(sites.get(b.site_id) if b.site_id else None, b.city)}
    return wanted


def _results(s: Session, bookings: list[Booking]) -> dict[int, dict]:
    """The ``result`` of each finished booking: its last attempt's outcome, in one query."""
    done = [b.id for b in bookings if b.status == "done"]
    if not done:
        return {}
    out: dict[int, dict] = {}
    for bid, passed, no_show in s.execute(
            select(ExamResult.booking_id, ExamResult.passed, ExamResult.no_show)
            .where(ExamResult.booking_id.in_(done)).order_by(ExamResult.taken_at, ExamResult.id)):
        out[bid] = {"result": result_status(passed, no_show)}  # in time order: the last one stays
    return out


def _extra(s: Session, bookings: list[Booking]) -> dict[int, dict]:
    """The fields of each booking's view read beside the booking: what it waits for, how it ended."""
    extra = _wanted(s, bookings)
    for bid, fields in _results(s, bookings).items():
        extra.setdefault(bid, {}).update(fields)
    for bid, days in waiting_days(s, bookings).items():
        extra.setdefault(bid, {})["publish_days"] = days
    return extra


def _view(b: Booking, serial: str, payload: dict | None, session: ExamSession | None,
          site: ExamSite | None, wanted: dict | None = None) -> BookingView:
    return BookingView(
        b.id, serial, PRIORITY_TITLE if b.priority else TITLE, b.subject, b.licence_class, b.status, b.priority,
        MODE_TEXT["priority" if b.priority else b.mode],
        session_at(session.exam_date, session.start_time) if session else None,
        site.name if site else "", site.address if site else "", site.phone if site else "",
        b.fee_paid_at, b.unplaced_reason or "", b.created_at, _asked(payload), **(wanted or {}))


def _query():  # type: ignore[no-untyped-def]
    return (select(Booking, Application.serial_no, Application.payload, ExamSession, ExamSite)
            .outerjoin(Application, Application.id == Booking.application_id)
            .outerjoin(ExamSession, ExamSession.id == Booking.session_id)
            .outerjoin(ExamSite, ExamSite.id == ExamSession.site_id))


def view_in(s: Session, account_id: int, booking_id: int) -> BookingView:
    row = s.execute(_query().where(Booking.id == booking_id, Booking.account_id == account_id)).first()
    if row is None:
        raise NotFound("未找到该考试预约")
    return _view(row[0], row[1] or "", row[2], row[3], row[4], _extra(s, [row[0]]).get(row[0].id))


def bookings_in(s: Session, account_id: int, *, online_only: bool = True) -> list[tuple[Booking, BookingView]]:
    """Newest first; ``online_only`` leaves out bookings made before 12123 (no serial number)."""
    q = _query().where(Booking.account_id == account_id)
    if online_only:
        q = q.where(Booking.application_id.is_not(None))
    rows = s.execute(q.order_by(Booking.created_at.desc(), Booking.id.desc()).limit(100)).all()
    wanted = _extra(s, [row[0] for row in rows])
    return [(b, _view(b, serial or "", payload, sess, site, wanted.get(b.id))) for b, serial, payload, sess, site in rows]


def my_bookings(env: Env, account_id: int, *, online_only: bool = True) -> list[BookingView]:
    """Newest first; ``online_only`` leaves out bookings made before 12123 (no serial number)."""
    with env.db.read() as s:
        return [view for _, view in bookings_in(s, account_id, online_only=online_only)]


def booking(env: Env, account_id: int, booking_id: int) -> BookingView:
    with env.db.read() as s:
        return view_in(s, account_id, booking_id)
