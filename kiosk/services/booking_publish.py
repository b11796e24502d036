"""Exam booking, step 确认并提交 of a normal application: the day(s) its result is published on; and
the days still to come for a booking waiting for allocation (``waiting_days``: 考试预约凭证 says them).

One day: that day, when online booking closes and the ranking decides. Several (服从系统安排 over
a range, or chosen sessions in different plans): a short row of the days, then one short 温馨提示
of how they follow one another. It was one long row that read, for an elderly citizen, as a rule
book: 2026年12月5日至12月9日、12月11日（共6个公布日。时间段内的场次分属不同的考试计划，在各自的
公布日依次按排名安排，已安排成功的不再参加之后的安排）.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.driver import Driver
from ..db.models import Booking, ExamPlan, ExamSession
from ..domain.dates import format_date, format_days
from . import booking_create
from .booking import exam_days
from .env import Env

if TYPE_CHECKING:
    from .booking_validate import BookingRequest, _Plan

ROW = "预约结果公布日"
ONE_DAY = "（当天截止网上预约，按排名安排考试）"
SEVERAL_DAYS = "将在以上公布日依次按排名安排，安排成功后不再参加之后的安排。"


def publish_rows(days: list[date]) -> list[tuple[str, str]]:
    """The summary rows that say ``days`` (none: no row)."""
    if len(days) == 1:
        return [(ROW, f"{format_date(days[0])}{ONE_DAY}")]
    if days:
        return [(ROW, publish_text(days)), ("温馨提示", SEVERAL_DAYS)]
    return []


def publish_text(days: list[date]) -> str:
    """The publication day(s) in one phrase: 2026年12月5日, or 2026年12月5日至12月9日、12月11日（共6天）, as
    the summary row says them."""
    if len(days) <= 1:
        return "".join(map(format_date, days))
    return f"{format_days(days)}（共{len(days)}天）"


def publish_days(s: Session, env: Env, req: BookingRequest, plan: _Plan) -> list[date]:
    """The publication days of the open plans the application may be placed in, earliest first:
    服从系统安排: every plan with a fitting session in the range on a day the citizen has no exam yet
    (选择场次 does not list the others, and allocation never places a second exam on a day; tester:
    王芳's 12-07 科目三 left 2026年12月5日, which publishes only 12-07, among her 科目二 days);
    自主选择: each chosen session's (read with the session)."""
    if req.mode == "system":
        fitting = booking_create.fitting_params(req.subject, req.date_from, plan.range_to,  # type: ignore[arg-type]
                                                plan.facts.permit.licence_class, req.site_id,
                                                plan.facts.permit_row.city, env.clock.now())
        key = req.site_id is not None, "city" in fitting
        busy = {day for day in exam_days(plan.facts.bookings) if req.date_from <= day <= plan.range_to}  # type: ignore[operator]
        if not busy:  # the usual case: one query for the days
            return [r[0] for r in Driver(s).all(booking_create.PUBLISH_DAYS[key], **fitting) if r[0]]
        rows = Driver(s).all(booking_create.DAY_AND_PUBLISH[key], **fitting)
        return sorted({publish for day, publish in rows if publish and day not in busy})
    return sorted({x[-1] for x in plan.sessions})


def waiting_days(s: Session, bookings: list[Booking]) -> dict[int, tuple[date, ...]]:
    """The publication days, earliest first, of the plans not yet allocated that each booking waiting
    for allocation (pending, not priority) may still be placed in (cancellation.still_open_candidates:
    自主选择场次, its chosen sessions; 服从系统安排, the fitting sessions in its range). None known (the
    last allocation ran): the booking is left out."""
    # not at the top: cancellation imports booking_records, which imports this module
    from .cancellation import still_open_candidates

    out: dict[int, tuple[date, ...]] = {}
    for b in bookings:
        if b.status != "pending" or b.priority:
            continue
        days = tuple(s.scalars(select(ExamPlan.publish_on).distinct()
                               .join(ExamSession, ExamSession.plan_id == ExamPlan.id)
                               .where(still_open_candidates(b)).order_by(ExamPlan.publish_on)))
        if days:
            out[b.id] = days
    return out
