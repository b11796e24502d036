"""Exam booking, the write transaction itself: a few Core statements, no ORM unit of work.

Kept short because on SQLite every kiosk waits for it (one writer at a time), and run on the
driver's cursor with statements compiled once (kiosk.db.driver): the seat is
taken with a conditional UPDATE (``priority_taken < priority_quota AND placed < seats``, plan
still open) whose row count decides; then the booking, its application (serial number), the
timeline entry, the audit entry and the inbox / SMS messages are inserted. The caller has
already validated the request (booking_submit) and passes what it read.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, bindparam, insert, select, update
from sqlalchemy.orm import Session

from ..db.driver import Driver, Prepared
from ..db.models import Application, ApplicationEvent, AuditEntry, Booking, ExamPlan, ExamSession, ExamSite, Message
from ..domain.errors import Conflict
from ..domain.dates import format_days, format_month_day
from ..domain.exam import SUBJECT_NAMES
from .booking import OPEN_PLAN, SITE_IN_CITY
from .applications import placeholder_serial, serial_for
from .env import Env
from .gateways import OutboxSmsGateway
from .messaging import SMS_SIGN

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
    city: str | None = None  # the permit's: sessions at that city's sites only


_B, _A, _E, _M, _AU = (m.__table__ for m in (Booking, Application, ApplicationEvent, Message, AuditEntry))


def _insert(table, *names: str):  # type: ignore[no-untyped-def]
    return insert(table).values({n: bindparam(n) for n in names})


# Built once and run on the driver's cursor (kiosk.db.driver): every kiosk waits for this transaction.
_OPEN = _S.c.plan_id.in_(select(ExamPlan.id).where(OPEN_PLAN))
_TAKE_PRIORITY = Prepared(update(_S).where(
    _S.c.id == bindparam("sid"), _S.c.priority_taken < _S.c.priority_quota, _S.c.placed < _S.c.seats, _OPEN).values(
    priority_taken=_S.c.priority_taken + 1, placed=_S.c.placed + 1))
_COUNT_APPLICANT = Prepared(update(_S).where(_S.c.id == bindparam("sid"), _OPEN).values(applicants=_S.c.applicants + 1))


_CLOSED = _S.c.plan_id.in_(select(ExamPlan.id).where(ExamPlan.publish_on <= bindparam("today")))


def _fitting(at_site: bool, in_city: bool, plans=_OPEN):  # type: ignore[no-untyped-def]
    """服从系统安排: the open sessions of the subject and class in the range (at the site, in the city);
    ``plans``: of the plans that condition picks instead (_CLOSED: those closed on their publication day)."""
    cond = [_S.c.subject == bindparam("subject"), _S.c.exam_date.between(bindparam("date_from"), bindparam("date_to")),
            _S.c.classes.contains(bindparam("cls")), plans]
    if at_site:
        cond.append(_S.c.site_id == bindparam("site"))
    if in_city:
        cond.append(_S.c.site_id.in_(select(ExamSite.id).where(SITE_IN_CITY)))
    return and_(*cond)


# Keyed by (a site was chosen, the permit names a city); parameters: see fitting_params.
_KEYS = [(at, city) for at in (False, True) for city in (False, True)]
FIRST_FITTING = {k: Prepared(select(_S.c.id).where(_fitting(*k)).limit(1)) for k in _KEYS}
_COUNT_FITTING = {k: Prepared(update(_S).where(_fitting(*k)).values(applicants=_S.c.applicants + 1)) for k in _KEYS}
# The days of those sessions (run only when the citizen already has an exam in the range).
FITTING_DAYS = {k: Prepared(select(_S.c.exam_date).distinct().where(_fitting(*k))) for k in _KEYS}
# PostgreSQL: an UPDATE locks its rows in scan order (heap or index, not id); these lock them in id
# order first, as allocation and the other bookings do, so two transactions never wait on each other.
_LOCK_FITTING = {k: Prepared(select(_S.c.id).where(_fitting(*k)).order_by(_S.c.id).with_for_update()) for k in _KEYS}
# The result-publication days of those sessions' plans, earliest first (step 确认并提交 names them).
PUBLISH_DAYS = {k: Prepared(select(ExamPlan.publish_on).distinct().where(
    ExamPlan.id.in_(select(_S.c.plan_id).where(_fitting(*k)))).order_by(ExamPlan.publish_on)) for k in _KEYS}
# Those sessions' (day, publication day): read instead when the citizen already has an exam in the range.
DAY_AND_PUBLISH = {k: Prepared(select(_S.c.exam_date, ExamPlan.publish_on).distinct()
                               .join(ExamPlan, ExamPlan.id == _S.c.plan_id).where(_fitting(*k))) for k in _KEYS}


# Why a request is refused for sessions that no longer take it: the publication days of the plans of
# the range's fitting sessions that have closed; a chosen session's day and its plan's (closed or not).
_CLOSED_PUBLISH_DAYS = {k: Prepared(select(ExamPlan.publish_on).distinct().where(
    ExamPlan.id.in_(select(_S.c.plan_id).where(_fitting(*k, plans=_CLOSED)))).order_by(ExamPlan.publish_on))
    for k in _KEYS}
_SESSION_PLAN = Prepared(select(_S.c.exam_date, ExamPlan.publish_on, _S.c.start_time, ExamSite.name, _S.c.classes,
                                _S.c.subject)
                         .join(ExamPlan, ExamPlan.id == _S.c.plan_id).join(ExamSite, ExamSite.id == _S.c.site_id)
                         .where(_S.c.id == bindparam("sid")))
GONE = "所选场次已截止预约或不可预约，请重新查询后选择"
RANGE_GONE = "所选时间段内没有可预约的考试场次，请更改时间段或考场后重新查询"
CODE_STILL_VALID = "（验证码仍然有效）"


class SessionsGone(Conflict):
    """The sessions asked for no longer take the booking (their plan closed on its publication day,
    the last priority seat went, the session was withdrawn): the citizen picks others. ``code_valid``:
    the SMS code typed was checked and is still unused, so it serves for the next try; the message
    then says so (CODE_STILL_VALID). ``changed``: chosen sessions still listed but no longer as the
    citizen saw them (booking_confirmed), to be chosen again rather than kept marked."""

    def __init__(self, message: str, field: str | None = "sessions", code_valid: bool = False,
                 changed: tuple[int, ...] = ()) -> None:
        super().__init__(message + (CODE_STILL_VALID if code_valid else ""), field)
        self.reason, self.code_valid, self.changed = message, code_valid, changed

    def with_code(self, valid: bool) -> "SessionsGone":
        return SessionsGone(self.reason, self.field, valid, self.changed)


def _closed_on(publish_days: list[date]) -> str:
    several = len(publish_days) > 1
    return f"已{'分别' if several else ''}于{format_days(publish_days)}（预约结果公布日）截止网上预约"


def sessions_gone(d: Driver, session_ids: Sequence[int], today: date, cls: str = "",
                  subject: int | None = None) -> SessionsGone:
    """The chosen sessions ``session_ids`` (some no longer take bookings): those whose plan closed
    on its publication day named with that day (2026-12-07的场次已于2026年12月5日（预约结果公布日）截止
    网上预约); those a counter changed meanwhile so that they no longer fit the learner's class ``cls``
    or the subject named with what changed (所选场次（12月20日 13:30 渝中考场）已不再接受C1车型考试: it
    said GONE, as if closed); else (withdrawn, say) GONE."""
    by_day: dict[date, set[date]] = {}  # publication day -> exam days
    other_class: list[str] = []  # the sessions no longer for ``cls``
    other_subject: list[str] = []
    for sid in dict.fromkeys(session_ids):
        row = d.first(_SESSION_PLAN, sid=sid)
        if row is None:
            continue
        exam_day, publish, start, site, classes, its_subject = row
        label = f"{format_month_day(exam_day)} {start:%H:%M} {site}"
        if publish <= today:
            by_day.setdefault(publish, set()).add(exam_day)
        elif subject is not None and its_subject != subject:
            other_subject.append(label)
        elif cls and cls not in classes:
            other_class.append(label)
    said = [f"{'、'.join(f'{day:%Y-%m-%d}' for day in sorted(days))}的场次{_closed_on([publish])}"
            for publish, days in sorted(by_day.items())]
    if other_class:
        said.append(f"所选场次（{'、'.join(other_class)}）已不再接受{cls}车型考试")
    if other_subject:
        said.append(f"所选场次（{'、'.join(other_subject)}）已不再是{SUBJECT_NAMES[subject]}考试")  # type: ignore[index]
    if not said:
        return SessionsGone(GONE)
    return SessionsGone("；".join(said) + "，请重新查询后选择其他场次")


def range_gone(d: Driver, key: tuple[bool, bool], params: dict) -> SessionsGone:
    """服从系统安排 with no open session left in the range (``params``: see fitting_params): when
    sessions of the range closed on their plans' publication day, said with that day; else RANGE_GONE."""
    days = [r[0] for r in d.all(_CLOSED_PUBLISH_DAYS[key], **params)]
    if not days:
        return SessionsGone(RANGE_GONE, "range")
    return SessionsGone(f"所选时间段内的场次{_closed_on(days)}，请更改时间段或考场后重新查询", "range")


def fitting_params(subject: int, date_from: date, date_to: date, cls: str, site: int | None, city: str | None,
                   now: datetime) -> dict:
    params = {"subject": subject, "date_from": date_from, "date_to": date_to, "cls": cls, "now": now,
              "today": now.date()}
    if site is not None:
        params["site"] = site
    if city is not None:
        params["city"] = city
    return params
_INSERT_APP = Prepared(_insert(_A, "serial_no", "account_id", "kind", "title", "status", "payload", "terminal_id",
                               "created_at", "updated_at").returning(_A.c.id))
_SET_SERIAL = Prepared(update(_A).where(_A.c.id == bindparam("app_id")).values(serial_no=bindparam("serial")))
_INSERT_BOOKING = Prepared(_insert(
    _B, "account_id", "permit_id", "application_id", "subject", "licence_class", "priority", "mode", "choices",
    "range_from", "range_to", "site_id", "ranking_time", "status", "session_id", "created_at", "city")
    .returning(_B.c.id))
_INSERT_EVENT = Prepared(_insert(_E, "application_id", "at", "status", "note"))
_INSERT_AUDIT = Prepared(_insert(_AU, "at", "actor", "role", "terminal_id", "account_id", "action", "detail"))
_INSERT_MESSAGE = Prepared(_insert(_M, "channel", "account_id", "phone", "title", "body", "created_at"))


def take_seats(s: Session, b: NewBooking, now: datetime, seat_taken: str) -> None:
    """Priority: take the seat or raise SessionsGone(``seat_taken``); normal: count the applicant in
    every chosen (or fitting) session, all still open, or raise SessionsGone saying why not. Raised,
    it rolls the transaction back: the SMS code settled before stays unused."""
    d, today = Driver(s), now.date()
    if b.priority:
        if d.run(_TAKE_PRIORITY, sid=b.choices[0], now=now, today=today) != 1:
            raise SessionsGone(seat_taken)
    elif b.mode == "self":  # in id order, as allocation and other bookings do: no deadlock on PostgreSQL
        if sum(d.run(_COUNT_APPLICANT, sid=sid, now=now, today=today) for sid in sorted(b.choices)) != len(b.choices):
            raise sessions_gone(d, b.choices, today, b.licence_class, b.subject)
    else:
        key = b.site_id is not None, b.city is not None
        params = fitting_params(b.subject, b.range_from, b.range_to, b.licence_class, b.site_id, b.city,  # type: ignore[arg-type]
                                now)
        if d.dialect_name == "postgresql":  # SQLite: BEGIN IMMEDIATE already lets one writer in
            d.all(_LOCK_FITTING[key], **params)
        if d.run(_COUNT_FITTING[key], **params) == 0:
            raise range_gone(d, key, params)


def create(s: Session, env: Env, b: NewBooking, *, kind: str, title: str, status: str, note: str,
           payload: dict, audit_action: str, audit_detail: Callable[[str], str],
           message: Callable[[str], str], now: datetime, inbox_title: str) -> tuple[int, str]:
    """Insert booking, application (+ serial), timeline, audit and messages; (booking id, serial).

    ``audit_detail`` and ``message`` are given the serial number; ``title`` is the application's
    (网办进度: 考试预约（科目二）), ``inbox_title`` the message's (科目二考试预约（受理中）). ``now``: the instant take_seats
    used, so the booking's created_at says which plans were open when it was counted (a running
    clock read twice may cross a plan's opening second in between)."""
    d = Driver(s)
    app_id = d.first(_INSERT_APP, serial_no=placeholder_serial(), account_id=b.account_id, kind=kind,
                     title=title, status=status, payload=payload, terminal_id=env.terminal_id, created_at=now,
                     updated_at=now)[0]
    serial = serial_for(now, app_id)
    d.run(_SET_SERIAL, app_id=app_id, serial=serial)
    booking_id = d.first(  # the booking points to its application (no payload copy)
        _INSERT_BOOKING, account_id=b.account_id, permit_id=b.permit_id, application_id=app_id, subject=b.subject,
        licence_class=b.licence_class, priority=b.priority, mode=b.mode, choices=list(b.choices),
        range_from=b.range_from, range_to=b.range_to, site_id=b.site_id, ranking_time=b.ranking_time,
        status="placed" if b.priority else "pending", session_id=b.choices[0] if b.priority else None,
        created_at=now, city=b.city)[0]
    d.run(_INSERT_EVENT, application_id=app_id, at=now, status=status, note=note)
    d.run(_INSERT_AUDIT, at=now, actor=f"citizen:{b.account_id}", role="", terminal_id=env.terminal_id,
          account_id=b.account_id, action=audit_action, detail=audit_detail(serial)[:400])
    body = message(serial)
    d.run(_INSERT_MESSAGE, channel="inbox", account_id=b.account_id, phone=None, title=inbox_title, body=body,
          created_at=now)
    if b.phone:  # as messaging.notify, with the outbox row written here on the driver
        if isinstance(env.sms, OutboxSmsGateway):
            d.run(_INSERT_MESSAGE, channel="sms", account_id=b.account_id, phone=b.phone, title="",
                  body=SMS_SIGN + body, created_at=now)
        else:
            env.sms.send(s, b.phone, SMS_SIGN + body, now, b.account_id)
    return booking_id, serial
