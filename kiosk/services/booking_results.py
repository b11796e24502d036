"""驾驶人考试预约结果公布: who has a seat in each session of an exam day whose results are published.

Seeds 000 and 001: after publication-day allocation the results are announced (公示), besides
网办进度 and the SMS. Only sessions of plans already allocated are listed; a session's list is
everyone holding a seat in it (placed by allocation, or by 优先预约), in ranking order. Names and
ID numbers are masked as everywhere on the kiosk (王*, 5001**********0426).

A citizen sees the sites of their own city only (home_city: as 考试预约's 选择场次 lists those of
their learner permit's city): a Chongqing citizen was offered the 连云港 sites (tester). A day
without results says which recent days have them (最近已公布：...).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy import func, select

from ..db.models import Account, Booking, DrivingLicence, ExamPlan, ExamSession, ExamSite, Office
from ..domain.exam import SUBJECT_NAMES
from ..domain.ids import mask_id, mask_name
from .booking import active_permit, parse_day, site_city_filter
from .booking_query import SiteView, city_sites
from .cancellation import still_open_candidates
from .env import Env

MAX_ROWS = 500
RECENT = 3  # the days with results a day without them names
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
    recent: tuple[date, ...] = ()  # with no one listed: the latest days that have results (recent_days)

    @property
    def text(self) -> str:
        if not self.total:
            said = f"{self.day:%Y-%m-%d} 暂无已公布的考试预约结果。"
            if self.recent:
                return said + "最近已公布：" + "、".join(f"{d:%Y-%m-%d}" for d in self.recent) + "。"
            return said + "预约结果在预约结果公布日安排考试后公布。"
        more = f"，下表显示前{len(self.rows)}人，请选择考试场地查看" if self.total > len(self.rows) else ""
        return f"{self.day:%Y-%m-%d} 考试预约成功共{self.total}人{more}。姓名和身份证明号码已部分隐藏。"


def home_city(s: Any, account_id: int) -> str | None:
    """The citizen's city, as 考试预约 knows it: their learner permit's (its 发证机关's, as 选择场次
    lists its sites), else that of their latest booking, else their driving licence's 发证机关's
    (重庆市公安局交通管理局: 重庆); None when none says (every site)."""
    permit = active_permit(s, account_id)
    if permit is not None and permit.city:
        return permit.city
    booked = s.scalar(select(Booking.city).where(Booking.account_id == account_id, Booking.city.is_not(None))
                      .order_by(Booking.created_at.desc(), Booking.id.desc()).limit(1))
    if booked:
        return booked
    # the office city the 发证机关 names (domain.licence.city_of_authority), found by the database: one
    # row, however many offices there are. The city is a column, not a literal (contains' autoescape
    # does not apply): its % and _ are escaped in SQL, or a city named with them matched as wildcards
    named = DrivingLicence.issuing_authority.like("%" + _like_literal(Office.city) + "%", escape=LIKE_ESCAPE)
    return s.scalar(select(Office.city).join(DrivingLicence, named)
                    .where(DrivingLicence.account_id == account_id).order_by(Office.city).limit(1))


LIKE_ESCAPE = "/"


def _like_literal(column: Any) -> Any:
    """``column``'s value as a LIKE pattern matching only itself (with ``escape=LIKE_ESCAPE``)."""
    for char in (LIKE_ESCAPE, "%", "_"):  # the escape character first
        column = func.replace(column, char, LIKE_ESCAPE + char)
    return column


def sites(env: Env, account_id: int) -> list[SiteView]:
    """Exam sites to choose from: those of the citizen's city (home_city), else all."""
    with env.db.read() as s:
        return city_sites(s, home_city(s, account_id))


@dataclass(frozen=True)
class Opening:
    """What the screen opens with: the sites to choose from, the exam date to show (default_day) and
    the citizen's city, whose sites 全部考场 means (None: every site)."""
    sites: list[SiteView]
    day: date
    city: str | None = None


def opening(env: Env, account_id: int) -> Opening:
    with env.db.read() as s:
        city = home_city(s, account_id)
        return Opening(city_sites(s, city), _default_day(s, env, account_id, city), city)


def default_day(env: Env, account_id: int) -> date:
    with env.db.read() as s:
        return _default_day(s, env, account_id, home_city(s, account_id))


def _default_day(s: Any, env: Env, account_id: int, city: str | None) -> date:
    """The exam date worth looking at first: the citizen's own next exam day (a seat they hold, or
    the first session a pending application may be placed in, published on its plan's publication
    day); else the first day from today on with results published at the sites of their city
    (someone placed: a plan allocated with nobody to place has no list to show); else the latest
    such day before today (today without results answered 暂无 and named no day that had them,
    tester); else today."""
    today = env.clock.now().date()
    first = select(func.min(ExamSession.exam_date)).where(ExamSession.exam_date >= today)
    own = s.scalars(select(Booking).where(Booking.account_id == account_id,
                                          Booking.status.in_(("pending", "placed"))))
    days = [s.scalar(first.where(_sessions_of(b))) for b in own]
    if mine := [d for d in days if d is not None]:
        return min(mine)
    ahead = s.scalar(first.where(ExamSession.id.in_(_with_results(city))))
    if ahead is not None:
        return ahead
    before = _result_days(s, city, 1, before=today)
    return before[0] if before else today


def _with_results(city: str | None, site_id: int | None = None) -> Any:
    """SQL: the ids of the sessions with results published at ``site_id``, else at the sites of
    ``city`` (None: any)."""
    at = ExamSite.id == site_id if site_id is not None else site_city_filter(city)
    return (select(ExamSession.id).join(ExamPlan, ExamPlan.id == ExamSession.plan_id)
            .join(ExamSite, ExamSite.id == ExamSession.site_id)
            .where(ExamPlan.allocated_at.is_not(None), ExamSession.placed > 0, at))


def _result_days(s: Any, city: str | None, limit: int, before: date | None = None,
                 site_id: int | None = None) -> list[date]:
    """The latest exam days (before ``before``, if given) with results published at ``site_id``, else
    in ``city``."""
    q = select(ExamSession.exam_date).where(ExamSession.id.in_(_with_results(city, site_id)))
    if before is not None:
        q = q.where(ExamSession.exam_date < before)
    return list(s.scalars(q.distinct().order_by(ExamSession.exam_date.desc()).limit(limit)))


def _sessions_of(b: Booking) -> Any:
    """SQL condition: the session ``b`` holds a seat in, or those its pending application may still
    get (not those of a plan already allocated without it)."""
    return ExamSession.id == b.session_id if b.status == "placed" else still_open_candidates(b)


def published(env: Env, day_text: str, site_id: int | None = None, city: str | None = None,
              example: date | None = None) -> ResultPage:
    """Everyone with a seat on the day typed, at ``site_id`` (None: every site of ``city``; None:
    of every city); none: the page names the latest days that have results (RECENT of them).
    ``example``: the day the field shows as its example, which its format message names."""
    day = parse_day(day_text, "exam_date", example)
    # the day's published sessions first (index on subject, date), then their bookings (index on session)
    sessions = (select(ExamSession.id).join(ExamPlan, ExamPlan.id == ExamSession.plan_id)
                .where(ExamSession.subject.in_(tuple(SUBJECT_NAMES)), ExamSession.exam_date == day,
                       ExamPlan.allocated_at.is_not(None)))
    if site_id is not None:
        sessions = sessions.where(ExamSession.site_id == site_id)
    elif city is not None:
        sessions = sessions.where(ExamSession.site_id.in_(select(ExamSite.id).where(site_city_filter(city))))
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
        recent = () if total else tuple(_result_days(s, city, RECENT, site_id=site_id))
    return ResultPage(day, rows, total, recent)
