"""驾驶人考试预约结果公布: who has a seat in each session of an exam day whose results are published.

Seeds 000 and 001: after publication-day allocation the results are announced (公示), besides
网办进度 and the SMS. Only sessions of plans already allocated are listed; a session's list is
everyone holding a seat in it (placed by allocation, or by 优先预约), in ranking order. Names and
ID numbers are masked as everywhere on the kiosk (王*, 5001**********0426).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy import func, select

from ..db.models import Account, Booking, ExamPlan, ExamSession, ExamSite
from ..domain.exam import SUBJECT_NAMES
from ..domain.ids import mask_id, mask_name
from .booking import active_permit, parse_day, site_city_filter
from .booking_query import SiteView, city_sites
from .cancellation import still_open_candidates
from .env import Env

MAX_ROWS = 500
HOLDS_SEAT = ("placed", "done")  # a seat in the session: before and after the exam result


@dataclass(frozen=True)
class ResultRow:
    exam_date: date
    start: time
    site_name: str
    subject: int
    name: str  # masked
    id_number: str  # masked

    @property
    def subject_name(self) -> str:
        return SUBJECT_NAMES[self.subject]


@dataclass(frozen=True)
class ResultPage:
    day: date
    rows: list[ResultRow]
    total: int  # everyone listed for that day (and site); ``rows`` stops at MAX_ROWS

    @property
    def text(self) -> str:
        if not self.total:
            return f"{self.day:%Y-%m-%d} 暂无已公布的考试预约结果。预约结果在预约结果公布日安排考试后公布。"
        more = f"，下表显示前{len(self.rows)}人，请选择考试场地查看" if self.total > len(self.rows) else ""
        return f"{self.day:%Y-%m-%d} 考试预约成功共{self.total}人{more}。姓名和身份证明号码已部分隐藏。"


def sites(env: Env, account_id: int) -> list[SiteView]:
    """Exam sites to choose from: those of the city of the citizen's learner permit, else all."""
    with env.db.read() as s:
        permit = active_permit(s, account_id)
        return city_sites(s, permit.city if permit is not None else None)


@dataclass(frozen=True)
class Opening:
    """What the screen opens with: the sites to choose from and the exam date to show (default_day)."""
    sites: list[SiteView]
    day: date


def opening(env: Env, account_id: int) -> Opening:
    return Opening(sites(env, account_id), default_day(env, account_id))


def default_day(env: Env, account_id: int) -> date:
    """The exam date worth looking at first, from today on: the citizen's own next exam day (a seat
    they hold, or the first session a pending application may be placed in, published on its plan's
    publication day); else the first day with results published at the sites of their city (someone
    placed: a plan allocated with nobody to place has no list to show); else today."""
    today = env.clock.now().date()
    first = select(func.min(ExamSession.exam_date)).where(ExamSession.exam_date >= today)
    with env.db.read() as s:
        own = s.scalars(select(Booking).where(Booking.account_id == account_id,
                                              Booking.status.in_(("pending", "placed"))))
        days = [s.scalar(first.where(_sessions_of(b))) for b in own]
        if mine := [d for d in days if d is not None]:
            return min(mine)
        permit = active_permit(s, account_id)
        city = (first.join(ExamPlan, ExamPlan.id == ExamSession.plan_id)
                .join(ExamSite, ExamSite.id == ExamSession.site_id)
                .where(ExamPlan.allocated_at.is_not(None), ExamSession.placed > 0,
                       site_city_filter(permit.city if permit else None)))
        return s.scalar(city) or today


def _sessions_of(b: Booking) -> Any:
    """SQL condition: the session ``b`` holds a seat in, or those its pending application may still
    get (not those of a plan already allocated without it)."""
    return ExamSession.id == b.session_id if b.status == "placed" else still_open_candidates(b)


def published(env: Env, day_text: str, site_id: int | None = None) -> ResultPage:
    day = parse_day(day_text, "exam_date")
    # the day's published sessions first (index on subject, date), then their bookings (index on session)
    sessions = (select(ExamSession.id).join(ExamPlan, ExamPlan.id == ExamSession.plan_id)
                .where(ExamSession.subject.in_(tuple(SUBJECT_NAMES)), ExamSession.exam_date == day,
                       ExamPlan.allocated_at.is_not(None)))
    if site_id is not None:
        sessions = sessions.where(ExamSession.site_id == site_id)
    # status || '': SQLite would otherwise walk the status index, every seat of the year, not the day's
    where = (Booking.session_id.in_(sessions), Booking.status.concat("").in_(HOLDS_SEAT))
    q = (select(ExamSession.exam_date, ExamSession.start_time, ExamSite.name, ExamSession.subject, Account.name,
                Account.id_number)
         .select_from(Booking).join(ExamSession, ExamSession.id == Booking.session_id)
         .join(ExamSite, ExamSite.id == ExamSession.site_id).join(Account, Account.id == Booking.account_id)
         .where(*where)
         .order_by(ExamSession.start_time, ExamSite.id, ExamSession.subject, ExamSession.id,
                   Booking.ranking_time, Booking.account_id)  # ranking order (kiosk.domain.ranking.rank_key)
         .limit(MAX_ROWS))
    with env.db.read() as s:
        total = s.scalar(select(func.count()).select_from(Booking).where(*where)) or 0
        rows = [ResultRow(d, t, site, subj, mask_name(name), mask_id(ident)) for d, t, site, subj, name, ident
                in s.execute(q)]
    return ResultPage(day, rows, total)
