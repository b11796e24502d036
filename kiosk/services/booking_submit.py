"""Exam booking, writing: step 确认并提交 of the normal and the priority wizard. The request and
its validation (BookingRequest, _plan) are in booking_validate.

Normal booking (self or system mode) creates a pending application (受理中) that waits for
the publication day. Priority booking takes the seat at once with a conditional UPDATE, so
two kiosks racing for the last priority seat cannot both win.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from ..db.driver import Tx
from ..domain.dates import format_date
from ..domain.exam import SUBJECT_NAMES
from ..domain.exam_eligibility import last_booking_warning
from ..domain.ids import mask_phone
from ..domain.ranking import ranking_time
from . import booking_create, codes, messaging
from .booking_confirmed import still_as_shown
from .booking_create import SessionsGone
from .booking_same_day import only_on, same_day_notes, waiting_on
from .booking_publish import publish_days, publish_rows, publish_text
from .booking import (CODE_PURPOSE, KIND, MODE_TEXT, PRIORITY_TITLE, STATUS_PENDING, STATUS_PLACED, TITLE,
                      facts_stamp, first_bookable_day, load_facts, lock_account, placed_text)
# The request and its validation; BookingRequest and _plan are named here too (booking_submit.BookingRequest).
from .booking_validate import SEAT_TAKEN, BookingRequest, _Plan, _plan
from .env import Env
from .gateways import OutboxSmsGateway

ACCEPTED = "考试预约申请已受理，系统将在预约结果公布日按排名安排考试，结果将通过网办进度、短信和消息通知您"


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
        note = placed_text(f"{day:%Y-%m-%d}", f"{start:%H:%M}", name, address)  # as an allocation's result
    else:
        status = STATUS_PENDING
        note = ACCEPTED
    subject = SUBJECT_NAMES[req.subject]
    booking_id, serial = booking_create.create(  # 网办进度 lists it with its subject: two bookings told apart
        s, env, new, kind=KIND, title=f"{title}（{subject}）", status=status, note=note,
        payload={"subject": req.subject, "mode": req.mode, "summary": [f"{k}：{v}" for k, v in plan.summary]},
        audit_action="exam_priority" if priority else "exam_booking",
        audit_detail=lambda serial: f"{serial} {subject} {MODE_TEXT[req.mode]}",
        message=lambda serial: booking_message(subject, title, serial, note), now=now,
        inbox_title=messaging.exam_booking(subject, status, title))
    return BookingDone(booking_id, serial, title, status, note, plan.summary)
