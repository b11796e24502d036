"""Before publication-day allocation (kiosk.services.allocation_service.run): what it would take up,
for the clerk's confirmation, and the earlier publication days still waiting, which should go first."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..db.models import Booking, ExamPlan, ExamSession
from .allocation_service import closed_at, refuse_ahead
from .env import Env

_S = ExamSession.__table__


@dataclass(frozen=True)
class Preview:
    """What ``run(env, day)`` would take up, for the clerk's confirmation."""

    date: date
    plans: int
    sessions: int
    applications: int  # pending normal applications of those subjects whose range reaches those days (at most)
    # earlier publication days with plans still to allocate, applied in or with exams still to come
    # (the list's note calls them 逾期: a day nobody applied in went unsaid in the question, tester)
    earlier: tuple[date, ...] = ()
    allocated: int = 0  # the day's plans allocated already (by another counter or `kiosk allocate`)


def preview(env: Env, day: date) -> Preview:
    refuse_ahead(day, env.clock.now().date())
    with env.db.read() as s:
        plans = select(ExamPlan.id).where(ExamPlan.publish_on == day, ExamPlan.allocated_at.is_(None))
        n_plans = s.scalar(select(func.count()).select_from(plans.subquery()))
        sessions, first, last = s.execute(select(func.count(), func.min(_S.c.exam_date), func.max(_S.c.exam_date))
                                          .where(_S.c.plan_id.in_(plans))).one()
        subjects = list(s.scalars(select(_S.c.subject).distinct().where(_S.c.plan_id.in_(plans))))
        pending = 0
        if sessions:
            pending = s.scalar(select(func.count()).select_from(Booking).where(
                Booking.status == "pending", Booking.priority.is_(False), Booking.subject.in_(subjects),
                Booking.range_from <= last, Booking.range_to >= first, Booking.created_at < closed_at(day)))
        earlier = earlier_days(s, day, ahead_from=env.clock.now().date())
        done = s.scalar(select(func.count()).select_from(ExamPlan).where(
            ExamPlan.publish_on == day, ExamPlan.allocated_at.is_not(None))) if not n_plans else 0
    return Preview(day, n_plans, sessions, pending, earlier, done)


def nothing_to_allocate(day: date, allocated: bool) -> str:
    """The day has no plan left to allocate: allocated already (another counter, `kiosk allocate`,
    the daily timer), or none publishes on it. One wording for the counter and the command line
    (the counter said （可能已安排过） where it knew)."""
    return f"{day:%Y-%m-%d} 没有待安排的考试计划" + ("（已安排过，本次未作更改）" if allocated else "")


def earlier(env: Env, day: date) -> tuple[date, ...]:
    """``earlier_days`` in a read of its own (the CLI, before a run: the preview's counts unneeded)."""
    with env.db.read() as s:
        return earlier_days(s, day)


def earlier_days(s: Session, day: date, ahead_from: date | None = None) -> tuple[date, ...]:
    """Publication days before ``day`` whose plans are still to allocate (a day forgotten) and have
    applicants waiting, or (``ahead_from``) a session on that day or later, nobody applied or not.
    They should go first: an application whose range reaches several days' plans is placed by the
    earliest."""
    return tuple(s.scalars(select(ExamPlan.publish_on).distinct().join(ExamSession).where(
        *_waiting(day, ahead_from)).order_by(ExamPlan.publish_on)))


def overdue_plans(s: Session, today: date) -> tuple[tuple[date, int], ...]:
    """The plans ``earlier_days(s, today, ahead_from=today)`` finds (逾期: publication day gone by,
    never allocated, applicants waiting or a session still to come), counted per publication day:
    ((2026-12-03, 18), ...). The 考试数据看板 names them (it named only days with applicants waiting:
    a forgotten day nobody had applied in yet went unsaid, while 考试计划与安排 listed it as 逾期)."""
    return tuple((d, n) for d, n in s.execute(
        select(ExamPlan.publish_on, func.count(ExamPlan.id.distinct())).join(ExamSession)
        .where(*_waiting(today, today)).group_by(ExamPlan.publish_on).order_by(ExamPlan.publish_on)))


def _waiting(day: date, ahead_from: date | None) -> tuple:
    """earlier_days' conditions on ExamPlan joined to ExamSession."""
    which = ExamSession.applicants > 0
    if ahead_from is not None:
        which = or_(which, ExamSession.exam_date >= ahead_from)
    return ExamPlan.publish_on < day, ExamPlan.allocated_at.is_(None), which


def listed_days(days: Sequence[date]) -> str:
    """Publication days as the clerk reads them: at most 5, then 等 (2026-12-05、2026-12-06等)."""
    return "、".join(f"{d:%Y-%m-%d}" for d in days[:5]) + ("等" if len(days) > 5 else "")


def earlier_text(days: tuple[date, ...]) -> str:
    """What the clerk is told of ``earlier_days`` ('' when there are none)."""
    if not days:
        return ""
    return f"注意：更早的预约结果公布日{listed_days(days)}尚有未安排的考试计划，宜先按公布日先后安排。"
