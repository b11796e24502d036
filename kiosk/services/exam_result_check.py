"""What 录入成绩 is about to save, read before the clerk is asked (a result cannot be changed once
recorded): whose result, which subject and attempt, the score and its verdict. Reads only; the
fields are checked as kiosk.services.exam_admin_results.record_one checks them (read_form), so a form it
would refuse is refused before the question, not after it. And who is still to have a result
recorded, today or on a day before (``awaiting``), for the clerk to choose rather than type each
18-digit ID number."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import case, func, select

from ..db.models import Account, Booking, ExamResult, ExamSession, ExamSite
from ..domain.exam import SUBJECT_NAMES, is_pass, pass_mark
from ..domain.ids import mask_id, mask_name
from . import audit, exam_results
from .booking import session_at
from .env import Env
from .exam_admin_results import read_form
from .permissions import EXAM, authorise
from .staff import StaffSession


@dataclass(frozen=True)
class Pending:
    candidate: str  # the name and ID number masked, as 已录入 says them
    subject: str  # 科目三
    attempt: int
    score: int | None
    no_show: bool
    passed: bool
    mark: int  # the pass mark
    exam: str = ""  # 2026-12-08 09:30（补考）: when the exam was taken, as the save records it (attempt_time)
    unpaid: bool = False  # the exam fee was never paid (said after saving too: FEE_UNPAID)
    site: str = ""  # 渝中考场: where

    @property
    def verdict(self) -> str:
        if self.no_show:
            return "缺考，按不合格处理"
        return f"{self.score}分，{'合格' if self.passed else '不合格'}（合格标准{self.mark}分）"


def preview_one(env: Env, staff: StaffSession | None, id_number: str, subject_text: str,
                score_text: str, attempt_text: str = "") -> Pending:
    with env.db.read() as s:
        authorise(s, env, staff, *EXAM, doing=audit.action_name("exam_result"))
    form = read_form(env, id_number, subject_text, score_text, attempt_text)
    attempt, score, no_show = form.attempt, form.score, form.no_show
    booking_id = exam_results.find_booking(env, id_number, form.subject)
    with env.db.read() as s:
        b = s.get(Booking, booking_id)
        account = s.get(Account, b.account_id) if b is not None else None
        assert b is not None and account is not None
        done, _ = exam_results.results_so_far(s, b.id, attempt)  # refused as the save would refuse it
        passed = not no_show and is_pass(b.subject, b.licence_class, score or 0)
        session = s.get(ExamSession, b.session_id) if b.session_id else None
        exam = site = ""
        if session is not None:  # the time the save will record (the retake's is not the session's start)
            taken_at = exam_results.attempt_time(session, done, env.clock.now())
            exam = f"{taken_at:%Y-%m-%d %H:%M}" + ("（补考）" if attempt == 2 else "")
            place = s.get(ExamSite, session.site_id)
            site = place.name if place is not None else ""
        return Pending(f"{mask_name(account.name)}（{mask_id(account.id_number)}）", SUBJECT_NAMES[b.subject],
                       attempt, score, no_show, passed, pass_mark(b.subject, b.licence_class), exam,
                       b.fee_paid_at is None, site)


# A day's candidates are a few hundred at most (its sessions' seats); past this the list says so
MAX_AWAITING = 500
# How far back the list looks for exams whose result was never recorded (a clerk catching up on a
# missed day): the sessions of these days are read, then their bookings through the session index.
# Every past placed booking would mean reading every booking that ever had a session (the status
# index holds only pending ones on SQLite); an older one is still found by typing the ID number.
EARLIER_DAYS = 30


@dataclass(frozen=True)
class Awaiting:
    """A placed booking with no closing result, of today or of the EARLIER_DAYS before: its exam and
    who takes it, as the counter's citizen file shows them to staff (the name and ID number whole)."""
    booking_id: int
    exam_date: date
    at: datetime  # when the attempt due is taken, as 录入成绩 records it (exam_results.due_time)
    site: str
    subject: int
    attempt: int  # the result due next: 1 初考, 2 补考 (the first attempt failed)
    name: str
    id_number: str

    @property
    def subject_name(self) -> str:
        return SUBJECT_NAMES.get(self.subject, str(self.subject))


@dataclass(frozen=True)
class AwaitingDay:
    day: date  # today
    rows: list[Awaiting] = field(default_factory=list)
    more: bool = False  # more than MAX_AWAITING: only the first (today's, then the latest days') are listed

    @property
    def earlier(self) -> int:
        """How many of the rows are of a day before today (a result not recorded on its day)."""
        return sum(1 for a in self.rows if a.exam_date < self.day)


def awaiting(env: Env, staff: StaffSession | None) -> AwaitingDay:
    """The placed bookings with no closing result (a pass, a no-show or the retake closes one) whose
    exam is today (the clock's date) or on one of the EARLIER_DAYS before: today's first, then the
    days before, latest first; within a day by the time the attempt due is taken, site, subject, then
    the order they were booked."""
    day = env.clock.now().date()
    since = day - timedelta(days=EARLIER_DAYS)
    with env.db.read() as s:
        authorise(s, env, staff, *EXAM, doing="查看待录入成绩的考生")
        # each listed booking's results so far, through the results' booking index (not a count of
        # every result ever recorded), and when the last was taken (a retake is due after it)
        mine = (ExamResult.booking_id == Booking.id)
        recorded = select(func.count(ExamResult.id)).where(mine).correlate(Booking).scalar_subquery()
        last = select(func.max(ExamResult.taken_at)).where(mine).correlate(Booking).scalar_subquery()
        sessions = select(ExamSession.id).where(ExamSession.exam_date.between(since, day))
        rows = s.execute(
            select(Booking.id, ExamSession.exam_date, ExamSession.start_time, ExamSite.name, Booking.subject,
                   recorded, last, Account.name, Account.id_number)
            .join(ExamSession, ExamSession.id == Booking.session_id)
            .join(ExamSite, ExamSite.id == ExamSession.site_id)
            .join(Account, Account.id == Booking.account_id)
            # the days' sessions first, then their bookings through the session index (on SQLite it
            # holds every booking that ever had a session, and the status index only pending ones)
            .where(Booking.session_id.in_(sessions), ExamSession.exam_date.between(since, day),
                   Booking.status == "placed")
            # today's first (the day's work, never cut off by a backlog), then the days before, latest first
            .order_by(case((ExamSession.exam_date == day, 0), else_=1), ExamSession.exam_date.desc(),
                      ExamSession.start_time, ExamSite.name, Booking.subject, Booking.id)
            .limit(MAX_AWAITING + 1)).all()
    found = [Awaiting(bid, on, exam_results.due_time(session_at(on, start), taken), site, subject, (n or 0) + 1,
                      name, id_number)
             for bid, on, start, site, subject, n, taken, name, id_number in rows]
    listed = sorted(found[:MAX_AWAITING], key=lambda a: (a.exam_date != day, -a.exam_date.toordinal(), a.at, a.site,
                                                         a.subject, a.booking_id))
    return AwaitingDay(day, listed, len(found) > MAX_AWAITING)
