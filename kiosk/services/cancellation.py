"""取消考试预约: a normal application may be cancelled online while it waits for allocation
(before booking closes: not on the publication day of a plan it may be placed in, even before the
allocation has run); the cancellation time becomes the new ranking time (seed rule 3).
Priority bookings and bookings already placed are cancelled at a counter, a day ahead."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from ..db.models import Application, Booking, ExamPlan, ExamSession, ExamSite
from ..domain.errors import Conflict, DomainError, NotFound
from ..domain.exam import SUBJECT_NAMES
from ..domain.exam_eligibility import cancellation_check
from . import applications, audit, booking_records, messaging
from .booking_cancelled import booking_name, cancelled_text
from .booking import (PRIORITY_TITLE, STATUS_CANCELLED, TITLE, account_of, booking_fact, open_plan_filter,
                      site_city_filter)
from .env import Env

PLACED_REFUSAL = ("预约结果已公布，本预约已不能在网上取消。因故不能参加考试的，"
                  "请至少提前一日携带身份证明到车管所窗口申请取消预约")
CLOSED_REFUSAL = ("今日为预约结果公布日，该考试计划已截止预约，正在按排名安排考试，本预约已不能在网上取消。"
                  "预约结果公布后，因故不能参加考试的，请至少提前一日携带身份证明到车管所窗口申请取消预约")


@dataclass(frozen=True)
class CancelPreview:
    booking_id: int
    serial_no: str
    allowed: bool
    message: str  # the refusal, or what cancelling will do to the ranking time


@dataclass(frozen=True)
class Choice:
    booking: booking_records.BookingView
    refusal: str  # why it cannot be cancelled online (the reason cancel() would give); "" when it can


@dataclass(frozen=True)
class Cancelled:
    serial_no: str
    cancelled_at: datetime
    message: str


def _booking(s: Session, env: Env, account_id: int, booking_id: int, *, lock: bool = False) -> Booking:
    """``lock``: to change it (PostgreSQL: a cancellation on another kiosk waits its turn). One
    cancelled meanwhile (on another kiosk, at a counter) is refused as such: the screen that still
    offered it reads the list again."""
    b = s.get(Booking, booking_id, with_for_update=lock)
    if b is None or b.account_id != account_id:
        raise NotFound("未找到该考试预约")
    if b.status == "cancelled":
        raise Conflict(cancelled_text(s, env, b) + "，无需再次取消。")
    return b


def online_refusal(s: Session, b: Booking, now: datetime) -> str:
    """Why ``b`` cannot be cancelled online now (at a kiosk, on 12123); "" when it can."""
    check = cancellation_check(booking_fact(b, None), now.date())
    if not check.allowed:
        return check.reason
    if b.status != "pending":
        return PLACED_REFUSAL
    if _awaits_allocation(s, b, now):
        return CLOSED_REFUSAL
    return ""


def _awaits_allocation(s: Session, b: Booking, now: datetime) -> bool:
    """Does ``b`` reach a plan whose publication day has come but whose allocation has not run yet?
    That plan stopped taking bookings on the internet that day (seed 000), so the application is
    about to be placed or not: it can no longer be withdrawn online."""
    closed = select(ExamPlan.id).where(ExamPlan.publish_on <= now.date(), ExamPlan.allocated_at.is_(None))
    q = select(ExamSession.id).where(candidates(b), ExamSession.plan_id.in_(closed)).limit(1)
    return s.scalar(q) is not None


def ranking_note(subject: int, now: datetime, *, done: bool = False, whose: str = "您") -> str:
    """Before the citizen confirms (``done`` False) and after the cancellation. ``whose``: the
    citizen's 您 at a kiosk; the counter's question says 该考生 (counter_bookings.cancel_consequences),
    the 网办进度 entry 其 (after 申请人于...取消预约). The question names the time it is asked only as
    现在, as a hint: the time saved is when it is answered (tester: asked at 09:38, confirmed and saved
    at 09:39, the question had promised 09:38)."""
    if done:
        return (f"{whose}{SUBJECT_NAMES[subject]}考试预约的排序时间已变为本次取消预约的时间"
                f"（{now:%Y-%m-%d %H:%M}），重新预约时按此时间排序。")
    return (f"取消后，{whose}{SUBJECT_NAMES[subject]}考试预约的排序时间将变为确认取消的时间"
            f"（现在是{now:%Y-%m-%d %H:%M}），重新预约时排名可能靠后。")


def _serial(s: Session, b: Booking) -> str:
    app = s.get(Application, b.application_id) if b.application_id else None
    return app.serial_no if app else ""


def choices(env: Env, account_id: int) -> list[Choice]:
    """The citizen's open bookings (waiting for allocation, or placed), newest first, each with the
    reason it cannot be cancelled online, so a screen offers cancelling only where it works."""
    now = env.clock.now()
    with env.db.read() as s:
        return [Choice(view, online_refusal(s, b, now)) for b, view in booking_records.bookings_in(s, account_id)
                if b.status in ("pending", "placed")]


def preview(env: Env, account_id: int, booking_id: int) -> CancelPreview:
    now = env.clock.now()
    with env.db.read() as s:
        b = _booking(s, env, account_id, booking_id)
        refusal = online_refusal(s, b, now)
        return CancelPreview(b.id, _serial(s, b), not refusal, refusal or ranking_note(b.subject, now) + "确认取消吗？")


def cancel(env: Env, account_id: int, booking_id: int) -> Cancelled:
    now = env.clock.now()
    with env.db.write() as s:
        account = account_of(s, account_id)
        b = _booking(s, env, account_id, booking_id, lock=True)
        refusal = online_refusal(s, b, now)
        if refusal:
            raise DomainError(refusal)
        b.status, b.cancelled_at = "cancelled", now
        release_applicants(s, b, open_plan_filter(now))
        serial = _serial(s, b)
        app = s.get(Application, b.application_id) if b.application_id else None
        if app is not None:
            applications.transition(s, env, app, STATUS_CANCELLED, progress_note(b.subject, now))
        audit.record(s, env, actor=f"citizen:{account_id}", action="exam_cancel", account_id=account_id,
                     detail=f"{serial} 预约编号{b.id}")
        messaging.notify(s, env, account, cancel_title(b.subject, b.priority), cancelled_message(b, serial, now))
        return Cancelled(serial, now, ranking_note(b.subject, now, done=True))


def cancel_title(subject: int, priority: bool = False) -> str:
    """科目二考试预约（已取消）, 科目三优先考试预约（已取消）: named by its subject, kind and outcome, as the
    booking's other messages are (科目三优先考试预约（预约成功）)."""
    return messaging.exam_booking(SUBJECT_NAMES[subject], STATUS_CANCELLED, PRIORITY_TITLE if priority else TITLE)


def cancelled_message(b: Booking, serial: str, now: datetime, where: str = "", promise: str = "") -> str:
    """The SMS and inbox message of a cancellation, online (``where`` "") or at a counter (在车管所窗口):
    您的科目三优先考试预约（业务流水号...）已在车管所窗口取消。 then a paid fee's ``promise``, then the new
    ranking time with its time (ranking_note), said once (the counter's said 已于09:39 and then only
    本次取消的时间: tester)."""
    return (f"您的{booking_name(b.subject, b.priority)}（业务流水号{serial or b.id}）已{where}取消。"
            f"{promise}{ranking_note(b.subject, now, done=True)}")


def progress_note(subject: int, now: datetime, where: str = "", promise: str = "") -> str:
    """网办进度's entry of a cancellation, online or at a counter (``where`` 在车管所窗口), in the third
    person throughout (it is read at the counter too): 申请人于...取消预约。其科目二考试预约的排序时间..."""
    return (f"申请人于{now:%Y-%m-%d %H:%M}{where}取消预约。{promise}"
            + ranking_note(subject, now, done=True, whose="其"))


def release_applicants(s: Session, b: Booking, plans: ColumnElement[bool]) -> None:
    """The application no longer counts among the applicants of its sessions in the plans that
    ``plans`` selects (online: plans still open; at a counter: plans not yet allocated)."""
    q = update(ExamSession).where(ExamSession.applicants > 0, ExamSession.plan_id.in_(select(ExamPlan.id).where(plans)),
                                  candidates(b, counted=True))
    s.execute(q.values(applicants=ExamSession.applicants - 1), execution_options={"synchronize_session": False})


def still_open_candidates(b: Booking) -> ColumnElement[bool]:
    """SQL condition on ExamSession: the sessions the pending application ``b`` may still be placed
    in (its candidates, in plans not allocated yet)."""
    return candidates(b) & ExamSession.plan_id.in_(select(ExamPlan.id).where(ExamPlan.allocated_at.is_(None)))


def candidates(b: Booking, counted: bool = False) -> ColumnElement[bool]:
    """SQL condition on ExamSession: the sessions the application of ``b`` may be placed in.

    服从系统安排: sessions of its subject and class in its range (at its site, else in its permit's
    city), of plans that had not closed yet when it was submitted (allocation_service.closed_at: a
    plan closing that day never offered it). ``counted``: only those it was counted in when it was
    submitted (booking_create: plans already open then), not those of a plan opened later."""
    if b.mode == "self":
        return ExamSession.id.in_(list(b.choices or []))
    still_open = select(ExamPlan.id).where(ExamPlan.publish_on > b.created_at.date())
    if counted:
        still_open = still_open.where(ExamPlan.booking_opens_at <= b.created_at)
    cond = ((ExamSession.subject == b.subject) & ExamSession.exam_date.between(b.range_from, b.range_to)
            & ExamSession.classes.contains(b.licence_class) & ExamSession.plan_id.in_(still_open))
    if b.site_id is not None:
        return cond & (ExamSession.site_id == b.site_id)
    if b.city is not None:
        cond = cond & ExamSession.site_id.in_(select(ExamSite.id).where(site_city_filter(b.city)))
    return cond
