"""Counter: cancel an exam booking for the citizen in front of the clerk, or print its 预约凭证.

Online cancellation (kiosk.services.cancellation) only withdraws a normal application that is
still waiting for allocation. At a counter the clerk may also cancel a priority booking and a
normal booking after online cancellation has closed (placed, or booking closed on publication
day), but never later than one day before the exam (RULES.md). The seat or the application
count is released; the cancellation time becomes the ranking time (seed rule 3, applied by
kiosk.services.booking.booking_fact through ``cancelled_at``). A fee already paid is given back
through the bank it was paid with, once the cancellation is saved (kiosk.services.fee_refunds).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.orm import Session

from ..db.models import Account, Application, Booking, ExamPlan, ExamSession
from ..domain.errors import Conflict, DomainError, NotFound
from ..domain.exam import SUBJECT_NAMES
from . import applications, audit, certificates, fee_refunds, fees, messaging
from .booking import STATUS_CANCELLED
from .booking_cancelled import COUNTER, booking_name, cancelled_for_clerk, counter_refusal
from .cancellation import (cancel_title, cancelled_message, online_refusal, progress_note, ranking_note,
                           release_applicants)
from .counter_citizen import check_cancel_reason
from .env import Env
from .permissions import SERVE, actor, authorise, permitted
from .staff import StaffSession

NO_SYNC = {"synchronize_session": False}
TOO_LATE = "取消预约须在考试前一日及以前办理，今日已不能取消"
TOO_LATE_PRIORITY = "优先预约须至少在考试前一日到窗口申请取消，今日已不能取消"
REFUND_PROMISE = "已缴纳的考试费将予退还（原路退回）。"
ALSO_ONLINE = "本人也可在自助终端或交管12123自行取消。"


@dataclass(frozen=True)
class CounterCancelled:
    booking_id: int
    serial_no: str
    message: str
    name: str = ""  # the booking as it was booked (booking_cancelled.booking_name): 科目三优先考试预约


def cancel(env: Env, staff: StaffSession | None, account_id: int, booking_id: int, reason: str,
           gateway: fees.PaymentGateway | None = None) -> CounterCancelled:
    """``gateway``: the bank that gives a paid fee back (default: this terminal's, fees.terminal_gateway)."""
    permitted(env, staff, *SERVE, doing=audit.action_name("exam_cancel_counter"))
    reason = check_cancel_reason(reason)
    now = env.clock.now()
    with env.db.write() as s:
        role = authorise(s, env, staff, *SERVE, doing=audit.action_name("exam_cancel_counter"))
        b = s.get(Booking, booking_id, with_for_update=True)  # PostgreSQL: waits for allocation
        account = s.get(Account, account_id)
        if b is None or account is None or b.account_id != account_id:
            raise NotFound("未找到该考试预约")
        if b.status not in ("pending", "placed"):
            raise Conflict(counter_refusal(s, b))
        session = s.get(ExamSession, b.session_id) if b.session_id else None
        if session is not None and session.exam_date <= now.date():
            raise DomainError(TOO_LATE_PRIORITY if b.priority else TOO_LATE)
        if session is not None:
            values = {"placed": ExamSession.placed - 1}
            if b.priority:
                values["priority_taken"] = ExamSession.priority_taken - 1
            s.execute(update(ExamSession).where(ExamSession.id == session.id, ExamSession.placed > 0)
                      .values(**values), execution_options=NO_SYNC)
        else:
            release_applicants(s, b, ExamPlan.allocated_at.is_(None))  # pending: not yet allocated
        was = booking_name(b.subject, b.priority)  # as its SMS names it, in the audit entry too
        b.status, b.cancelled_at = "cancelled", now
        app = s.get(Application, b.application_id) if b.application_id else None
        serial = app.serial_no if app else ""
        refund = fee_refunds.owe(app, now) if b.fee_paid_at is not None else None
        promise = refund.promise if refund else ""
        # the kiosk's own words (cancellation.cancelled_message, progress_note), 在车管所窗口 added: the
        # booking named as when it was made, the new ranking time with its time
        note = progress_note(b.subject, now, COUNTER, promise)
        if app is not None:
            applications.transition(s, env, app, STATUS_CANCELLED, note)
        audit.record(s, env, actor=actor(staff), role=role, action="exam_cancel_counter",  # type: ignore[arg-type]
                     account_id=account.id, detail=f"{serial or '-'} 预约编号{b.id} {was} 事由：{reason}"
                                                   + (f" 退考试费{refund.amount}元" if refund else ""))
        messaging.notify(s, env, account, cancel_title(b.subject, b.priority),
                         cancelled_message(b, serial, now, COUNTER, promise))
    if refund is not None:  # the clerk hears what the bank did, not the promise made before it answered
        note = progress_note(b.subject, now, COUNTER) + fee_refunds.clerk_note(
            refund, *fee_refunds.give_back(env, refund, actor=actor(staff), role=role,  # type: ignore[arg-type]
                                           subject_name=SUBJECT_NAMES[b.subject], gateway=gateway))
    return CounterCancelled(b.id, serial, note, was)


def _own_booking(s: Session, account_id: int, booking_id: int) -> Booking:
    b = s.get(Booking, booking_id)
    if b is None or b.account_id != account_id:
        raise NotFound("未找到该考试预约")
    return b


def cancel_consequences(env: Env, staff: StaffSession | None, account_id: int, booking_id: int) -> str:
    """What cancelling the booking at the counter does, told to the clerk before 确认取消: the fee paid
    given back; the ranking time that becomes the cancellation time, for a priority booking too (the
    kiosk's own sentence, cancellation.ranking_note, of 该考生); while it may still be cancelled online, that
    the citizen may do it themselves."""
    permitted(env, staff, *SERVE, doing=audit.action_name("exam_cancel_counter"))
    now = env.clock.now()
    with env.db.read() as s:
        b = _own_booking(s, account_id, booking_id)
        text = REFUND_PROMISE if b.fee_paid_at is not None else ""
        # a priority booking too (seed rule 3: any successful booking cancelled by its user; cancel() says
        # so afterwards): its question adds what it loses besides (cancel_keeps_used)
        text += ranking_note(b.subject, now, whose="该考生")
        if b.status == "pending" and not online_refusal(s, b, now):
            text += ALSO_ONLINE
        return text


def cancelled_note(env: Env, staff: StaffSession | None, account_id: int, booking_id: int) -> str:
    """A booking on the clerk's screen cancelled meanwhile, said under the list: 该科目二考试预约已于
    2026-12-03 09:31由本人在自助终端取消。 (or 在车管所窗口, by another clerk); "" when it is not cancelled."""
    permitted(env, staff, *SERVE, doing=audit.action_name("citizen_lookup"))
    with env.db.read() as s:
        b = _own_booking(s, account_id, booking_id)
        return cancelled_for_clerk(s, b, applicant="本人") + "。" if b.status == "cancelled" else ""


def print_certificate(env: Env, staff: StaffSession | None, account_id: int,
                      booking_id: int) -> certificates.Certificate:
    """打印预约凭证: the kiosk's certificate (the same rule and text, kiosk.services.certificates), written
    where the kiosk writes it (<data_dir>/certificates/<database folder>/) for the clerk's printer, and
    audited. A booking without one (not 预约成功) is refused, nothing written or recorded."""
    with env.db.write() as s:
        role = authorise(s, env, staff, *SERVE, doing=audit.action_name("exam_certificate_print"))
        serial_no, text = certificates.text_in(s, account_id, booking_id)
        path = certificates.save(env, serial_no, text)
        audit.record(s, env, actor=actor(staff), role=role, action="exam_certificate_print", account_id=account_id,
                     detail=f"{serial_no or '-'} 预约编号{booking_id} 文件{path.name}")
    return certificates.Certificate(serial_no, text, path)

