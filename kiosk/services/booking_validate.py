"""Exam booking, the request and its validation: what step 确认并提交 checks against the account's
facts (eligibility, priority, the date range or the sessions chosen), read before the write
transaction and read again in it when the facts changed (booking_submit.book).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from ..db.driver import Driver, Prepared, Tx
from ..db.models import ExamPlan, ExamSession, ExamSite
from ..domain.errors import DomainError
from ..domain.dates import format_range
from ..domain.exam import SUBJECT_NAMES
from ..domain.exam_eligibility import eligibility
from ..domain.ids import mask_name
from ..domain.priority import priority_eligibility
from . import booking_create
from .booking_confirmed import ShownSession, changed
from .booking_create import SessionsGone
from .booking_order import mode_note, tried_order
from .booking import (MODE_TEXT, OPEN_PLAN, SITE_IN_CITY, Facts, after_permit, age_note, check_range, class_label,
                      exam_days, load_facts, same_day, within_permit)
from .env import Env

MAX_CHOICES = 20
SEAT_TAKEN = "您选择的场次优先预约名额刚刚已被约满，本次预约未成功。请选择其他场次后再提交"


@dataclass(frozen=True)
class BookingRequest:
    subject: int
    mode: str  # 'self' | 'system' | 'priority'
    session_ids: tuple[int, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    site_id: int | None = None
    # the chosen sessions as listed to the citizen (the kiosk): refused at 下一步 and 预约 when one
    # changed since (booking_confirmed); none given (CLI, tests, bench): not checked
    confirmed: tuple[ShownSession, ...] = ()


@dataclass
class _Plan:
    facts: Facts
    sessions: list[tuple]  # (id, exam_date, start_time, site name, address, publish_on), in the order tried
    summary: list[tuple[str, str]]
    range_to: date | None = None  # 服从系统安排: the range's end, cut at the permit's last valid day


_SESSION_ROW = (  # built once, as in booking_create
    select(ExamSession.id, ExamSession.exam_date, ExamSession.start_time, ExamSite.name, ExamSite.address,
           ExamSession.priority_quota - ExamSession.priority_taken, ExamSession.seats - ExamSession.placed,
           ExamPlan.publish_on, ExamSession.site_id)
    .join(ExamPlan, ExamPlan.id == ExamSession.plan_id).join(ExamSite, ExamSite.id == ExamSession.site_id)
    .where(ExamSession.id == bindparam("sid"), ExamSession.subject == bindparam("subject"),
           ExamSession.classes.contains(bindparam("cls")), OPEN_PLAN))
# Keyed by "the permit names a city": then only sessions at that city's sites.
_SESSION = {False: Prepared(_SESSION_ROW), True: Prepared(_SESSION_ROW.where(SITE_IN_CITY))}


def _sessions(s: Session | Tx, env: Env, req: BookingRequest, cls: str, city: str | None) -> list[tuple]:
    """The sessions chosen in the order allocation tries them (``tried_order``), each with its
    publication day last."""
    ids = list(dict.fromkeys(req.session_ids))
    if not ids:
        raise DomainError("请至少选择一个考试场次", "sessions")
    if req.mode == "priority" and len(ids) > 1:
        raise DomainError("优先预约只能选择一个考试场次", "sessions")
    if len(ids) > MAX_CHOICES:
        raise DomainError(f"最多可选择{MAX_CHOICES}个考试场次", "sessions")
    now, d = env.clock.now(), Driver(s)
    where = {"city": city} if city is not None else {}
    found = [d.first(_SESSION[city is not None], sid=i, subject=req.subject, cls=cls, now=now, today=now.date(),
                     **where) for i in ids]
    if None in found:
        raise booking_create.sessions_gone(d, [i for i, row in zip(ids, found) if row is None], now.date(), cls,
                                           req.subject)
    if (moved := changed(req.confirmed, {r[0]: (r[1], r[2], r[8], r[3]) for r in found})) is not None:
        raise moved
    if req.mode == "priority" and (found[0][5] <= 0 or found[0][6] <= 0):
        raise SessionsGone(SEAT_TAKEN)
    return tried_order([(*r[:5], r[7]) for r in found])


_SITE_NAME = Prepared(select(ExamSite.name).where(ExamSite.id == bindparam("site")))


def _plan(s: Session | Tx, env: Env, account_id: int, req: BookingRequest, f: Facts | None = None) -> _Plan:
    """Validate ``req`` against the account's facts (``f``: already read in this transaction)."""
    today = env.clock.now().date()
    f = f or load_facts(s, account_id)
    if req.mode not in MODE_TEXT:
        raise DomainError("请选择预约模式")
    elig = eligibility(f.account.id_number, f.permit, f.attempts, f.bookings, req.subject, today)
    if not elig.allowed:
        raise DomainError(elig.reason)
    if req.mode == "priority":
        prio = priority_eligibility(f.permit, f.bookings, req.subject, today)
        if not prio.allowed:
            raise DomainError(prio.reason)
    cls = f.permit.licence_class
    summary = [("姓名", mask_name(f.account.name)), ("准驾车型", class_label(cls)), ("考试科目", SUBJECT_NAMES[req.subject]),
               ("预约模式", MODE_TEXT[req.mode])]
    sessions: list[tuple] = []
    range_to = None
    if req.mode == "system":
        range_to = within_permit(*check_range(req.date_from, req.date_to, today), f.permit.valid_to,
                                 age_note(f.permit))
        d = Driver(s)
        site = d.first(_SITE_NAME, site=req.site_id) if req.site_id is not None else None
        fitting = booking_create.fitting_params(req.subject, req.date_from, range_to, cls,  # type: ignore[arg-type]
                                                req.site_id, f.permit_row.city, env.clock.now())
        key = req.site_id is not None, "city" in fitting
        if d.first(booking_create.FIRST_FITTING[key], **fitting) is None:
            raise booking_create.range_gone(d, key, fitting)
        _refuse_only_busy_days(d, key, fitting, exam_days(f.bookings))
        summary += [("预约时间段", format_range(req.date_from, range_to)),  # type: ignore[arg-type]
                    ("考试场地", site.name if site else "不限考场（服从系统安排）")]
    else:
        sessions = _sessions(s, env, req, cls, f.permit_row.city)
        if any(day > f.permit.valid_to for _sid, day, *_rest in sessions):
            raise DomainError(after_permit(f.permit.valid_to, age_note(f.permit)), "sessions")
        busy = exam_days(f.bookings)
        if clash := sorted(day for _sid, day, *_rest in sessions if day in busy):
            raise DomainError(f"{same_day(clash[:1])}，请选择其他日期的场次", "sessions")
        for n, (_sid, day, start, name, address, _publish) in enumerate(sessions, 1):
            label = "考试场次" if len(sessions) == 1 else f"场次{n}"
            summary.append((label, f"{day:%Y-%m-%d} {start:%H:%M} {name}（{address}）"))
        if len(sessions) > 1:  # not two exams (tester: an older citizen may think so); no line of its own (80x24)
            summary[3] = ("预约模式", f"{MODE_TEXT[req.mode]}{mode_note([x[-1] for x in sessions])}")
    return _Plan(f, sessions, summary, range_to)


def _refuse_only_busy_days(d: Driver, key: tuple[bool, bool], fitting: dict, busy: set[date]) -> None:
    """服从系统安排: refused when every fitting session falls on a day the citizen already has an exam
    (the step lists none of them, and allocation would never place the application there)."""
    if not any(fitting["date_from"] <= day <= fitting["date_to"] for day in busy):
        return  # the usual case: no second query
    days = {r[0] for r in d.all(booking_create.FITTING_DAYS[key], **fitting)}
    if days and days <= busy:
        raise DomainError(f"{same_day(sorted(days))}，所选时间段内没有其他日期可预约的考试场次，"
                          "请更改时间段或考场后重新查询")
