"""Exam booking, writing: step 确认并提交 of the normal and the priority wizard.

Normal booking (self or system mode) creates a pending application (受理中) that waits for
the publication day. Priority booking takes the seat at once with a conditional UPDATE, so
two kiosks racing for the last priority seat cannot both win.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from ..db.driver import Driver, Prepared, Tx
from ..db.models import ExamPlan, ExamSession, ExamSite
from ..domain.errors import DomainError
from ..domain.dates import format_date, format_range
from ..domain.exam import SUBJECT_NAMES
from ..domain.exam_eligibility import eligibility, last_booking_warning
from ..domain.ids import mask_name, mask_phone
from ..domain.priority import priority_eligibility
from ..domain.ranking import ranking_time
from . import booking_create, codes
from .booking_confirmed import ShownSession, changed, still_as_shown
from .booking_create import SessionsGone
from .booking_same_day import only_on, same_day_notes, waiting_on
from .booking_order import mode_note, tried_order
from .booking_publish import publish_days, publish_rows, publish_text
from .booking import (CODE_PURPOSE, KIND, MODE_TEXT, PRIORITY_TITLE, STATUS_PENDING, STATUS_PLACED, TITLE, Facts,
                      OPEN_PLAN, SITE_IN_CITY, after_permit, age_note, check_range, class_label, exam_days, facts_stamp,
                      first_bookable_day, load_facts,
                      lock_account, same_day, within_permit)
from .env import Env
from .gateways import OutboxSmsGateway

MAX_CHOICES = 20
ACCEPTED = "考试预约申请已受理，系统将在预约结果公布日按排名安排考试，结果将通过网办进度、短信和消息通知您"
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


@dataclass(frozen=True)
class Checked:
    summary: list[tuple[str, str]]
    phone_masked: str
    publish_on: date | None = None  # a normal application: the first result-publication day it takes part in
    publish_text: str = ""  # that day, or the days of the several plans its sessions belong to


@dataclass(frozen=True)
class BookingDone:
    booking_id: int
    serial_no: str
    title: str
    status: str
    note: str
    summary: list[tuple[str, str]] = field(default_factory=list)


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


def _start_still_allowed(env: Env, req: BookingRequest) -> None:
    """服从系统安排 confirmed before midnight: at 预约 its range may start today, no longer bookable.
    Refused as sessions gone (not next to 开始日期, which 确认并提交 has not), so the code is checked
    for the next try and the wizard queries again from a start allowed now."""
    first = first_bookable_day(env.clock.now().date())
    if req.mode == "system" and req.date_from is not None and req.date_from < first:
        raise SessionsGone(f"所选时间段的开始日期{format_date(req.date_from)}已不可预约（开始日期最早为"
                           f"{format_date(first)}），请重新查询后提交", "range")


def send_code(env: Env, account_id: int) -> codes.CodeSent:
    with env.db.write() as s:
        f = load_facts(s, account_id)
        return codes.send_code(s, env, f.account.phone or "", CODE_PURPOSE, account_id)


def check(env: Env, account_id: int, req: BookingRequest) -> Checked:
    """Validate the request for step 确认并提交 (nothing is saved)."""
    with env.db.read() as s:
        plan = _plan(s, env, account_id, req)
        rt = ranking_time(req.subject, plan.facts.permit.accepted_at, plan.facts.attempts, plan.facts.bookings)
        summary = list(plan.summary)
        if warning := last_booking_warning(plan.facts.permit, plan.facts.attempts, req.subject):
            summary.append(("特别提示", warning))  # its sentence ends with 。 (domain.exam_eligibility)
        days: list[date] = []
        if req.mode == "priority":
            day = plan.sessions[0][1]
            for b, _ in waiting_on(s, account_id, {day}):
                # its sessions all on that day: there is no other to place it in (tester: it said 只在其他场次中安排)
                then = ("该申请所选场次均在这一天，将不能安排考试，结果公布后可重新预约其他场次" if only_on(s, b, day)
                        else "该申请不会再安排在这一天，只在其他场次中安排")
                summary.append(("特别提示", f"您的{SUBJECT_NAMES[b.subject]}考试预约申请（受理中）包含{format_date(day)}的场次。"
                                f"优先预约成功后，{then}（同一天只安排一个科目的考试）。"))
            summary.append(("温馨提示", PRIORITY_NO_ONLINE_CANCEL))
        else:
            summary.append(("排序时间", f"{rt.at:%Y-%m-%d %H:%M}（{rt.rule_text}）"))
            own = {x[1] for x in plan.sessions} if req.mode == "self" else (req.date_from, plan.range_to)
            summary += same_day_notes(s, account_id, req.subject, req.mode, own)  # type: ignore[arg-type]
            days = publish_days(s, env, req, plan)
            summary += publish_rows(days)
        text = publish_text(days)
        return Checked(summary, mask_phone(plan.facts.account.phone or ""), days[0] if days else None, text)


PRIORITY_NO_ONLINE_CANCEL = "优先预约成功即安排考试，不能在网上取消；因故不能参加考试的，请至少提前一日到车管所申请取消。"


def submit(env: Env, account_id: int, req: BookingRequest, code: str) -> BookingDone:
    """Check the SMS code and book (a wrong code is still counted).

    Validation and the code check run in a read transaction, in parallel on every kiosk; the
    write transaction (one kiosk at a time on SQLite) then only settles the code with a
    conditional UPDATE, checks in one statement that the facts behind the validation did not
    change meanwhile (otherwise validates again) and books with a few Core statements.

    Both transactions run only ``Prepared`` statements, straight on a pooled driver connection
    (``Database.fast``), which halves the CPU a submission costs. An SMS gateway other than the
    outbox is handed a Session to send with, so with one the usual Session transactions run."""
    fast = isinstance(env.sms, OutboxSmsGateway)  # another gateway is handed a Session to send with
    gone: SessionsGone | None = None
    with env.db.fast(write=False) if fast else env.db.read() as s:
        facts = load_facts(s, account_id)  # read once: a refusal below still needs the phone
        try:
            _start_still_allowed(env, req)
            plan: _Plan | None = _plan(s, env, account_id, req, facts)
        except SessionsGone as exc:  # the code is still checked: is it good for the next try?
            plan, gone = None, exc
        pre = codes.precheck(s, env, facts.account.phone or "", CODE_PURPOSE, code)
    if pre.problem is not None:
        raise codes.refusal(pre.problem)
    if gone is not None and pre.matched:  # the right code, not used up: it serves for the next try
        raise gone.with_code(True) from None
    with env.db.fast(write=True) if fast else env.db.write() as s:
        # A wrong code counts as a failed try even when the sessions are gone: otherwise this path
        # would tell right from wrong codes without limit.
        problem = codes.settle(s, env, pre)
        if problem is None and gone is not None:  # the row changed meanwhile and then matched: used up
            raise gone.with_code(False) from None
        if problem is None:
            assert plan is not None
            try:
                return book(s, env, account_id, req, plan)
            except SessionsGone as late:  # the transaction rolls back: the right code stays unused
                raise late.with_code(True) from None
    raise codes.refusal(problem)


def book(s: Session | Tx, env: Env, account_id: int, req: BookingRequest, plan: _Plan) -> BookingDone:
    """The booking transaction: ``plan`` was read before; validate again if its facts changed."""
    lock_account(s, account_id)
    if facts_stamp(s, account_id) != plan.facts.stamp:
        plan = _plan(s, env, account_id, req)
    return _create(s, env, plan, req)


def booking_message(subject_name: str, title: str, serial: str, note: str) -> str:
    """The inbox message (and SMS, after the signature) a booking sends when it is made. A result
    (预约成功：...) follows the serial number as an allocation's does (kiosk.services.allocation_sql)."""
    return f"您的{subject_name}{title}（业务流水号{serial}）{'' if note.startswith(PLACED) else '：'}{note}。"


PLACED = "预约成功："  # a priority booking's note (not 优先预约成功: the title already says 优先考试预约: tester)


def _create(s: Session | Tx, env: Env, plan: _Plan, req: BookingRequest) -> BookingDone:
    now, f = env.clock.now(), plan.facts
    priority = req.mode == "priority"
    rt = ranking_time(req.subject, f.permit.accepted_at, f.attempts, f.bookings)
    ids = [x[0] for x in plan.sessions]
    days = [x[1] for x in plan.sessions]
    system = req.mode == "system"
    new = booking_create.NewBooking(
        f.account.id, f.account.phone, f.permit_row.id, req.subject, f.permit.licence_class, priority,
        "system" if system else "self", ids, req.date_from if system else min(days),
        plan.range_to if system else max(days), req.site_id if system else None, rt.at, f.permit_row.city)
    booking_create.take_seats(s, new, now, SEAT_TAKEN)
    still_as_shown(s, req.confirmed)  # changed after the read transaction: rolled back, the code unused
    title = PRIORITY_TITLE if priority else TITLE
    if priority:
        _sid, day, start, name, address, _publish = plan.sessions[0]
        status = STATUS_PLACED
        note = f"{PLACED}{day:%Y-%m-%d} {start:%H:%M} {name}（{address}），请按时参加考试，并在考试前缴纳考试费"
    else:
        status = STATUS_PENDING
        note = ACCEPTED
    subject = SUBJECT_NAMES[req.subject]
    booking_id, serial = booking_create.create(  # 网办进度 lists it with its subject: two bookings told apart
        s, env, new, kind=KIND, title=f"{title}（{subject}）", status=status, note=note,
        payload={"subject": req.subject, "mode": req.mode, "summary": [f"{k}：{v}" for k, v in plan.summary]},
        audit_action="exam_priority" if priority else "exam_booking",
        audit_detail=lambda serial: f"{serial} {subject} {MODE_TEXT[req.mode]}",
        message=lambda serial: booking_message(subject, title, serial, note), now=now)
    return BookingDone(booking_id, serial, title, status, note, plan.summary)
