"""已申请人数 (ExamSession.applicants) kept true when a clerk changes an open plan.

A normal application is counted in the sessions it may be placed in, in the plans open when it
was submitted (booking_create.take_seats); placing or cancelling it releases exactly those
(allocation_release, cancellation.release_applicants), worked out again from the plan's window
and sessions. So a clerk's change may not move that ground under the counts:
- a session added to an open plan starts with the 服从系统安排 applications already waiting
  that it fits (those a release will count it among; 自主选择 ones cannot have chosen it), and
  so does a session whose classes change, or every session of a plan whose window changes (both
  only allowed while nobody is counted there);
- a plan's booking window no longer changes once anyone has applied in it (they were told its
  result-publication day at 确认并提交, too).
"""
from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import func, literal, or_, select
from sqlalchemy.orm import Session

from ..db.models import Booking, ExamPlan, ExamSession, ExamSite, Office

WINDOW_LOCKED = "该考试计划已有考生申请，不能再更改开放预约日期和结果公布日期（考生已被告知结果公布日）"


def has_applicants(s: Session, plan: ExamPlan) -> bool:
    return s.scalar(select(ExamSession.id).where(ExamSession.plan_id == plan.id, ExamSession.applicants > 0)
                    .limit(1)) is not None


def waiting_for(s: Session, x: ExamSession, plan: ExamPlan) -> int:
    """The pending 服从系统安排 applications counted in ``x`` by cancellation.candidates(counted=True):
    its subject and class, a range over its day, its site (or its city, or any site), made while
    its plan was open. None for a plan already allocated: nobody waits for it any more."""
    if plan.allocated_at is not None:
        return 0
    site = s.get(ExamSite, x.site_id)
    assert site is not None
    city = s.scalar(select(Office.city).where(Office.id == site.office_id))
    return s.scalar(select(func.count()).select_from(Booking).where(
        Booking.status == "pending", Booking.priority.is_(False), Booking.mode == "system",
        Booking.subject == x.subject, Booking.range_from <= x.exam_date, Booking.range_to >= x.exam_date,
        literal(x.classes).contains(Booking.licence_class),
        or_(Booking.site_id == site.id, (Booking.site_id.is_(None) & (Booking.city.is_(None) | (Booking.city == city)))),
        Booking.created_at >= plan.booking_opens_at,
        Booking.created_at < datetime.combine(plan.publish_on, time.min))) or 0
