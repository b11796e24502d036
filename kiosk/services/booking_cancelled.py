"""A booking cancelled meanwhile, said as the cancellation SMS says it: a kiosk that still showed
it (取消考试预约's 确认取消, 考试费缴纳's 确认支付) tells the citizen it was cancelled, when, and where
(at a counter, or on another kiosk: from the audit entry of the cancellation), not that it "ended"
or "needs no fee"."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Application, AuditEntry, Booking
from ..domain.exam import SUBJECT_NAMES
from . import fee_refunds
from .booking import PRIORITY_TITLE, TITLE
from .env import Env

COUNTER = "在车管所窗口"
ELSEWHERE = "在其他终端"
ACTIONS = {"exam_cancel": "", "exam_cancel_counter": COUNTER}  # audit action -> where it was done


def booking_name(subject: int, priority: bool) -> str:
    """科目三优先考试预约 or 科目三考试预约: a booking named as its own messages name it from the start
    (booking_submit: 科目三优先考试预约（预约成功）), so its cancellation is not of a 科目三优先预约 or of
    a 科目三考试预约 (tester: one priority booking went by three names)."""
    return f"{SUBJECT_NAMES[subject]}{PRIORITY_TITLE if priority else TITLE}"


def _cancellation(s: Session, b: Booking) -> tuple[str, str] | None:
    """(audit action, terminal id) of ``b``'s cancellation, None when there is no record of it (a
    booking from before 12123)."""
    token = f"预约编号{b.id}"  # both cancellations write it into the entry's detail, between spaces
    entries = s.execute(select(AuditEntry.action, AuditEntry.terminal_id, AuditEntry.detail)
                        .where(AuditEntry.account_id == b.account_id, AuditEntry.action.in_(list(ACTIONS)))
                        .order_by(AuditEntry.id.desc()).limit(50))
    return next(((action, terminal_id) for action, terminal_id, detail in entries
                 if token in (detail or "").split()), None)


def where_cancelled(s: Session, env: Env, b: Booking) -> str:
    """在车管所窗口, 在其他终端, or "" (this terminal, or no record of it: a booking from before 12123)."""
    found = _cancellation(s, b)
    if found is None:
        return ""
    action, terminal_id = found
    if ACTIONS[action]:
        return ACTIONS[action]
    return ELSEWHERE if terminal_id != env.terminal_id else ""


def cancelled_text(s: Session, env: Env, b: Booking) -> str:
    """您的科目三优先考试预约（业务流水号2612030000000012）已于2026-12-03 09:31在车管所窗口取消 (no final
    punctuation)."""
    app = s.get(Application, b.application_id) if b.application_id else None
    serial = app.serial_no if app else str(b.id)
    when = f"于{b.cancelled_at:%Y-%m-%d %H:%M}" if b.cancelled_at else ""
    return f"您的{booking_name(b.subject, b.priority)}（业务流水号{serial}）已{when}{where_cancelled(s, env, b)}取消"


def cancelled_meanwhile(env: Env, account_id: int, booking_ids: list[int]) -> list[str]:
    """A list read again no longer shows these bookings: the sentence of each one cancelled meanwhile
    (您的科目二考试预约（业务流水号...）已于...在车管所窗口取消。), in the order given, with what became
    of a fee paid for it, as the inbox says it (，考试费150元已原路退回。: tester, 考试费缴纳 said only the
    cancellation to a citizen who had just paid); nothing for one that left the list otherwise (placed,
    its exam over: the list's own rows say that)."""
    with env.db.read() as s:
        said = []
        for booking_id in booking_ids:
            b = s.get(Booking, booking_id)
            if b is not None and b.account_id == account_id and b.status == "cancelled":
                app = s.get(Application, b.application_id) if b.application_id else None
                fee = fee_refunds.receipt_refund((app.payload or {}).get("fee") if app is not None else None)
                said.append(cancelled_text(s, env, b) + (f"，{fee}。" if fee else "。"))
        return said


def cancelled_for_clerk(s: Session, b: Booking, applicant: str = "申请人") -> str:
    """A cancelled booking as the clerk is told of it: 该科目二考试预约已于2026-12-03 09:31由申请人在
    自助终端取消 (or 在车管所窗口; no final punctuation); ``applicant``: how the citizen is named. An
    online cancellation was made at a kiosk whichever terminal it was, as the clerk sees it."""
    was = booking_name(b.subject, b.priority)
    found = _cancellation(s, b)
    where = "" if found is None else ACTIONS[found[0]] or f"由{applicant}在自助终端"
    when = f"于{b.cancelled_at:%Y-%m-%d %H:%M}" if b.cancelled_at else ""
    return f"该{was}已{when}{where}取消"


def counter_refusal(s: Session, b: Booking) -> str:
    """Why the counter cannot cancel ``b`` (not pending or placed), told to the clerk: when and by whom
    it was cancelled, that it was not placed, or that its exam is over."""
    was = booking_name(b.subject, b.priority)
    if b.status == "cancelled":
        return cancelled_for_clerk(s, b) + "，无需再次取消"
    if b.status == "unplaced":
        reason = f"（{b.unplaced_reason}）" if b.unplaced_reason else ""
        return f"该{was}未安排考试{reason}，没有占用考位，无需取消"
    return f"该{was}的考试已结束，不能取消"
