"""Exam booking, reading: 科目确认 (who, which class, which subjects), exam sites, the session
query of step 选择场次 and the applicant's current ranking (仅供参考)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..db.models import Booking, ExamPlan, ExamSession, ExamSite
from ..domain.dates import format_date
from ..domain.errors import DomainError
from ..domain.exam import SUBJECT_NAMES, SUBJECT_TITLES
from ..domain.exam_eligibility import bookable_subjects, permit_used_up
from ..domain.ids import mask_id, mask_name, mask_phone
from ..domain.priority import priority_eligibility, priority_why
from ..domain.ranking import rank_key, rank_position, ranking_time
from .booking import (PERMIT_VOID, age_note, check_range, class_label, exam_days, first_bookable_day, load_facts,
                      open_plan_filter, permit_end_text, same_day, site_city_filter, within_permit)
from .env import Env

MAX_ROWS = 400
NO_SUBJECT = "请先在【科目确认】中选择预约科目，再查询考试场次"


@dataclass(frozen=True)
class SubjectOption:
    subject: int
    title: str
    allowed: bool
    reason: str
    priority_allowed: bool
    priority_reason: str
    priority_note: str = ""  # why 切换至优先预约 is offered, or why not when only the subject's one chance is used


@dataclass(frozen=True)
class Overview:
    name_masked: str
    id_masked: str
    phone_masked: str
    licence_class: str
    class_text: str
    permit_text: str
    subjects: list[SubjectOption]

    @property
    def bookable(self) -> list[SubjectOption]:
        return [o for o in self.subjects if o.allowed]


@dataclass(frozen=True)
class SiteView:
    id: int
    name: str
    address: str
    phone: str

    @property
    def label(self) -> str:
        return f"{self.name}（{self.address}，电话{self.phone}）"


@dataclass(frozen=True)
class SessionRow:
    id: int
    exam_date: date
    start_time: time
    site_id: int
    site_name: str
    seats: int
    applicants: int
    priority_free: int

    @property
    def when(self) -> str:
        return f"{self.exam_date:%Y-%m-%d} {self.start_time:%H:%M}"


@dataclass(frozen=True)
class RankingView:
    position: int
    planned: int
    at: datetime
    rule_text: str
    rule_items: str = ""  # with the fourth rule: what its second and third item say (domain.ranking)

    @property
    def text(self) -> str:
        if self.planned == 0:  # "rank 1 of 0" would make no sense
            return "所选时间段和考场暂无考试计划名额，暂无排名"
        return f"当前排名 {self.position} / 计划 {self.planned}，仅供参考"


@dataclass(frozen=True)
class SessionQuery:
    rows: list[SessionRow]
    ranking: RankingView | None
    truncated: bool = False
    permit_until: date | None = None  # the range was cut at the learner permit's last valid day
    hidden_days: tuple[date, ...] = ()  # days with sessions left out: the citizen has an exam then
    permit_note: str = ""  # after permit_until when the age limit cut the permit (booking.age_note)

    unpublished: Unpublished | None = None  # an empty result whose range reaches past the plans published

    @property
    def hidden_text(self) -> str:
        """Why sessions of ``hidden_days`` are not listed ("" when none are left out)."""
        return f"{same_day(self.hidden_days)}，当天的场次未列出。" if self.hidden_days else ""


@dataclass(frozen=True)
class Unpublished:
    """The range queried (wholly or partly) lies after the last exam date of the plans published (open
    for booking now or before) for the subject and class, in the city (at the site chosen)."""
    subject: int
    last_day: date | None  # None: no plan published at all
    wholly: bool  # the whole range lies after it: no other reason applies
    at_site: bool

    @property
    def text(self) -> str:
        """科目三考试计划已公布至2026-12-23，此后的考试场次尚未公布 (no final punctuation)."""
        where, name = "该考场" if self.at_site else "", SUBJECT_NAMES[self.subject]
        if self.last_day is None:
            return f"{where}尚未公布{name}考试计划"
        return f"{where}{name}考试计划已公布至{format_date(self.last_day)}，此后的考试场次尚未公布"


def overview(env: Env, account_id: int) -> Overview:
    today = env.clock.now().date()
    with env.db.read() as s:
        f = load_facts(s, account_id)
    options = []
    for subject, elig in bookable_subjects(f.account.id_number, f.permit, f.attempts, f.bookings, today):
        prio = priority_eligibility(f.permit, f.bookings, subject, today)
        allowed = elig.allowed and prio.allowed
        note = priority_why(f.permit.valid_to, age_note(f.permit)) if allowed else ""
        if elig.allowed and not prio.allowed and priority_eligibility(f.permit, [], subject, today).allowed:
            note = prio.reason  # one who would qualify but for this subject's chance used: why there is no link
        options.append(SubjectOption(subject, SUBJECT_TITLES[subject], elig.allowed, elig.reason, allowed,
                                     elig.reason or prio.reason, note))
    issued = f.permit_row.issued_on
    void = PERMIT_VOID if permit_used_up(f.permit, f.attempts) else ""
    permit_text = (f"学习驾驶证明有效期至{permit_end_text(f.permit)}{void}" if issued
                   else f"驾驶证申请受理时间{format_date(f.permit_row.accepted_at.date())}（科目一合格后核发学习驾驶证明）")
    return Overview(mask_name(f.account.name), mask_id(f.account.id_number), mask_phone(f.account.phone or ""),
                    f.permit.licence_class, class_label(f.permit.licence_class), permit_text, options)


def sites(env: Env, account_id: int) -> list[SiteView]:
    """The exam sites of the city whose DMV accepted the learner's application."""
    with env.db.read() as s:
        return city_sites(s, load_facts(s, account_id).permit_row.city)


def city_sites(s: Session, city: str | None) -> list[SiteView]:
    """The exam sites of ``city`` (None: every site)."""
    return [SiteView(x.id, x.name, x.address, x.phone)
            for x in s.scalars(select(ExamSite).where(site_city_filter(city)).order_by(ExamSite.id))]


def _conditions(now: datetime, subject: int, cls: str, site_id: int | None, priority: bool, city: str | None) -> list:
    """What makes a session one of the step's (its date aside): subject, class, open plan, the city's
    site (the one chosen), and for 优先预约 a free priority seat."""
    cond = [ExamSession.subject == subject, ExamSession.classes.contains(cls), open_plan_filter(now),
            site_city_filter(city)]
    if site_id is not None:
        cond.append(ExamSession.site_id == site_id)
    if priority:
        cond += [ExamSession.priority_taken < ExamSession.priority_quota, ExamSession.placed < ExamSession.seats]
    return cond


def _joined(*columns):  # type: ignore[no-untyped-def]
    return (select(*columns).join(ExamPlan, ExamPlan.id == ExamSession.plan_id)
            .join(ExamSite, ExamSite.id == ExamSession.site_id))


def _session_rows(s, cond: list, date_from: date, date_to: date, busy: list[date]):  # type: ignore[no-untyped-def]
    q = _joined(ExamSession.id, ExamSession.exam_date, ExamSession.start_time, ExamSession.site_id, ExamSite.name,
                ExamSession.seats, ExamSession.applicants, ExamSession.priority_quota - ExamSession.priority_taken)
    q = q.where(*cond, ExamSession.exam_date.between(date_from, date_to))
    if busy:
        q = q.where(ExamSession.exam_date.not_in(busy))
    q = q.order_by(ExamSession.exam_date, ExamSession.start_time, ExamSession.site_id).limit(MAX_ROWS + 1)
    return [SessionRow(*r) for r in s.execute(q)]


def _days_with_sessions(s, cond: list, days: list[date]) -> tuple[date, ...]:  # type: ignore[no-untyped-def]
    """Those of ``days`` on which the step would have listed a session."""
    q = _joined(ExamSession.exam_date).where(*cond, ExamSession.exam_date.in_(days)).distinct()
    return tuple(sorted(s.scalars(q)))


def query_sessions(env: Env, account_id: int, subject: int, date_from: date | None, date_to: date | None,
                   site_id: int | None = None, priority: bool = False) -> SessionQuery:
    """Sessions of open plans in the range (and site), with the ranking among those who applied.
    Sessions on a day the citizen already has an exam are left out (booking_submit would refuse
    them, allocation would not place there) and those days are named in ``hidden_days``. A subject
    that is none of 科目一 to 科目四 (0: a 查询 sent before the wizard's 选择场次 had its subject) is
    refused with NO_SUBJECT, not left to a KeyError the citizen saw as 系统繁忙."""
    if subject not in SUBJECT_NAMES:
        raise DomainError(NO_SUBJECT)
    now = env.clock.now()
    date_from, date_to = check_range(date_from, date_to, now.date())
    with env.db.read() as s:
        f = load_facts(s, account_id)
        asked_to, date_to = date_to, within_permit(date_from, date_to, f.permit.valid_to, age_note(f.permit))
        city = f.permit_row.city
        cond = _conditions(now, subject, f.permit.licence_class, site_id, priority, city)
        # days of an exam already placed: their sessions are left out, and the days that had some said
        busy = sorted(d for d in exam_days(f.bookings) if date_from <= d <= date_to)
        rows = _session_rows(s, cond, date_from, date_to, busy)
        hidden = _days_with_sessions(s, cond, busy) if busy else ()
        truncated = len(rows) > MAX_ROWS
        rows = rows[:MAX_ROWS]
        planned = sum(r.seats for r in rows)  # of the sessions listed (a sum over the whole range: +5 ms)
        # only for an empty result (rare): 查询 that lists sessions pays nothing for it
        unpublished = None if rows else _unpublished(s, now, subject, f.permit.licence_class, site_id, city,
                                                     date_from, date_to)
        ranking = None
        if not priority:
            rt = ranking_time(subject, f.permit.accepted_at, f.attempts, f.bookings)
            ranking = RankingView(_position(s, account_id, subject, rt.at, date_from, date_to, site_id, city),
                                  planned, rt.at, rt.rule_text, rt.items)
    return SessionQuery(rows, ranking, truncated, date_to if date_to < asked_to else None, hidden, age_note(f.permit),
                        unpublished)


def _unpublished(s: Session, now: datetime, subject: int, cls: str, site_id: int | None, city: str | None,
                 date_from: date, date_to: date) -> Unpublished | None:
    """Whether the range reaches past the last exam date of the plans published so far (their
    booking opened, whether or not it has closed since) for the subject and class (city, site)."""
    cond = [ExamSession.subject == subject, ExamSession.classes.contains(cls), ExamPlan.booking_opens_at <= now,
            site_city_filter(city)]
    if site_id is not None:
        cond.append(ExamSession.site_id == site_id)
    last = s.scalar(_joined(func.max(ExamSession.exam_date)).where(*cond))
    if last is not None and date_to <= last:
        return None
    return Unpublished(subject, last, last is None or date_from > last, site_id is not None)


def first_session_day(env: Env, account_id: int, subject: int) -> date | None:
    """The first day, from the first bookable day on, with a session 查询 would list for ``subject``
    in any of the city's sites (the learner's class, its plan still open for booking, up to the permit's
    last day, not on a day of an exam already placed); None: there is none. Read once when step
    选择场次 opens for the subject: its default dates start there (not in every 查询).
    Walks ix_exam_sessions_query (subject, exam_date) in date order and stops at the first match, so
    only the sessions of closed plans before that day are looked at."""
    now = env.clock.now()
    first = first_bookable_day(now.date())
    with env.db.read() as s:
        f = load_facts(s, account_id)
        last = f.permit.valid_to
        if first > last:
            return None
        cond = _conditions(now, subject, f.permit.licence_class, None, False, f.permit_row.city)
        busy = sorted(d for d in exam_days(f.bookings) if first <= d <= last)
        q = _joined(ExamSession.exam_date).where(*cond, ExamSession.exam_date.between(first, last))
        if busy:
            q = q.where(ExamSession.exam_date.not_in(busy))
        return s.scalar(q.order_by(ExamSession.exam_date).limit(1))


def _position(s, account_id: int, subject: int, at: datetime, date_from: date, date_to: date,  # type: ignore[no-untyped-def]
              site_id: int | None, city: str | None) -> int:
    """1 + pending normal applications for an overlapping period that rank before this applicant."""
    ahead = (Booking.ranking_time < at) | and_(Booking.ranking_time == at, Booking.account_id < account_id)
    q = (select(Booking.ranking_time, Booking.account_id)
         .where(Booking.status == "pending", Booking.priority.is_(False), Booking.subject == subject,
                Booking.account_id != account_id, Booking.range_from <= date_to, Booking.range_to >= date_from, ahead))
    if site_id is not None:
        q = q.where(or_(Booking.site_id.is_(None), Booking.site_id == site_id))
    if city is not None:  # learners of another city take other sites
        q = q.where(or_(Booking.city.is_(None), Booking.city == city))
    keys = [rank_key(t, a) for t, a in s.execute(q.limit(100_000))]
    return rank_position(rank_key(at, account_id), keys)

def subject_name(subject: int) -> str:
    return SUBJECT_NAMES[subject]
