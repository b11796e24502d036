"""Dashboard: exam sessions today and in the coming week, per site and day (seats, applications
naming each session, placed, fill rate), the seats placed per exam day for the chart, and the
normal applications still waiting for their publication day, and the plans 逾期: their publication
day gone by and never allocated, with applicants waiting or a session still to come, counted per
publication day (allocation_preview.overdue_plans); a row with a session of such a plan says so
(SiteDay.overdue). Read-only, live figures.

``applicants`` is ExamSession.applicants of the sessions whose plan is not allocated yet: every
normal application still waiting that may be placed there, so one 服从系统安排 application counts at
each session its range covers. It is the 已申请人数 the citizen's 选择场次 shows while the plan is
open: placed and cancelled applications leave it (allocation_release, cancellation). Once a plan is
allocated its sessions' ExamSession.applicants stays as it was (it still counts those placed
elsewhere or not placed), so those sessions are left out, and a row whose sessions are all allocated
has None (nothing waits there any more). It is a figure of interest per session, never a number of
people; ``pending`` counts each waiting application once."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func, select

from ..db.models import Booking, ExamPlan, ExamSession, ExamSite
from . import allocation_preview
from .env import Env
from .permissions import DASHBOARD, active
from .staff import StaffSession

DAYS = 8  # today and the next seven days


@dataclass(frozen=True)
class SiteDay:
    day: date
    site: str
    sessions: int
    seats: int
    applicants: int | None  # waiting applications naming or covering these sessions (see the module's note)
    placed: int
    overdue: bool = False  # a session of the row is in a plan whose publication day has gone by unallocated

    @property
    def fill_rate(self) -> float:
        return self.placed / self.seats if self.seats else 0.0


@dataclass(frozen=True)
class DayCount:
    day: date
    seats: int
    placed: int


@dataclass(frozen=True)
class Dashboard:
    today: date
    rows: list[SiteDay]
    per_day: list[DayCount]
    bookings_made_today: int
    pending: int  # normal applications waiting for allocation, each once, whatever their dates
    # (publication day, plans) of the plans 逾期: the day before today, never allocated (overdue_plans)
    overdue: tuple[tuple[date, int], ...] = ()

    @property
    def totals(self) -> tuple[int, int]:
        """Seats and placed of the week."""
        return sum(r.seats for r in self.rows), sum(r.placed for r in self.rows)


def dashboard(env: Env, staff: StaffSession | None) -> Dashboard:
    active(env, staff, *DASHBOARD, doing="查看考试数据看板")
    now = env.clock.now()
    today, last = now.date(), now.date() + timedelta(days=DAYS - 1)
    with env.db.read() as s:
        waiting = ExamPlan.allocated_at.is_(None)  # the plan's applications not decided yet
        late = waiting & (ExamPlan.publish_on < today)  # 逾期: the row's sessions are from today on
        q = (select(ExamSession.exam_date, ExamSite.name, func.count(), func.sum(ExamSession.seats),
                    func.sum(case((waiting, 1), else_=0)), func.sum(case((waiting, ExamSession.applicants), else_=0)),
                    func.sum(ExamSession.placed), func.max(case((late, 1), else_=0)))
             .join(ExamSite, ExamSite.id == ExamSession.site_id)
             .join(ExamPlan, ExamPlan.id == ExamSession.plan_id)
             .where(ExamSession.exam_date.between(today, last))
             .group_by(ExamSession.exam_date, ExamSite.id, ExamSite.name)
             .order_by(ExamSession.exam_date, ExamSite.id))
        rows = [SiteDay(d, n, c, int(seats or 0), int(app or 0) if open_ else None, int(placed or 0), bool(late_))
                for d, n, c, seats, open_, app, placed, late_ in s.execute(q)]
        made = s.scalar(select(func.count()).select_from(Booking).where(
            Booking.created_at >= now.replace(hour=0, minute=0, second=0, microsecond=0))) or 0
        pending = s.scalar(select(func.count()).select_from(Booking).where(
            Booking.status == "pending", Booking.priority.is_(False))) or 0
        overdue = allocation_preview.overdue_plans(s, today)
    per_day = []
    for i in range(DAYS):
        d = today + timedelta(days=i)
        day_rows = [r for r in rows if r.day == d]
        per_day.append(DayCount(d, sum(r.seats for r in day_rows), sum(r.placed for r in day_rows)))
    return Dashboard(today, rows, per_day, made, pending, overdue)


def bar_chart(per_day: list[DayCount], width: int = 40) -> list[tuple[str, int, int, int]]:
    """(label, bar length in cells, placed, seats) per day: the bar is the day's placed seats, on
    the scale of the busiest day's seats. The screen draws the bars as coloured blank cells, so no
    block characters (East Asian ambiguous width) are needed."""
    peak = max((d.seats for d in per_day), default=0) or 1
    weekdays = "一二三四五六日"
    out = []
    for d in per_day:
        cells = round(d.placed * width / peak)
        out.append((f"{d.day:%m-%d} 周{weekdays[d.day.weekday()]}", max(cells, 1 if d.placed else 0), d.placed, d.seats))
    return out
