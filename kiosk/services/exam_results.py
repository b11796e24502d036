"""Recording exam results (考试成绩), so retakes, the 10-day interval and the 5-booking limit work.

Each booking gives one exam and one retake (RULES.md): a fail on the first attempt keeps the
booking placed for the retake; a pass, a second attempt or a no-show (缺考, counted as a fail)
closes it ('done'). Passing 科目一 issues the learner permit (学习驾驶证明, valid 3 years).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Account, Application, Booking, ExamResult, ExamSession, LearnerPermit
from ..domain.errors import DomainError, NotFound
from ..domain.exam import ATTEMPTS_PER_BOOKING, SUBJECT_1, SUBJECT_NAMES, is_pass, pass_mark, permit_end
from ..domain.exam_eligibility import after_failed_booking, permit_used_up
from ..domain.ids import birth_date, mask_id, mask_name, normalize_id_number
from ..domain.typed import half_width
from . import applications, audit, messaging
from .exam_booking_ref import booking_name
from .booking import attempt_of, permit_facts, session_at
from .booking_records import result_status
from .env import Env

RETAKE_GAP = timedelta(hours=1)
RESULT_TITLE = "考试成绩"  # a result's inbox title, with the result (result_title)


def result_title(status: str) -> str:
    """考试成绩（考试合格）, （考试不合格）, （缺考）: the status 网办进度 shows."""
    return messaging.titled(RESULT_TITLE, status)
RETAKE_WORDS = ("2", "补考")  # 考试次数 of a retake, as typed in the form or a CSV file
# Neither RULES.md nor the seeds make the fee a condition of the exam (fees are local configuration):
# a result is recorded all the same, and the clerk is told.
FEE_UNPAID = "该考生本次考试的考试费尚未缴纳"
# How the counter form and CSV say which attempt; the command line says it its own way (--retake).
SAY_RETAKE, SAY_FIRST = "考试次数请填2（补考）", "（考试次数填1）"


@dataclass(frozen=True)
class ExamOutcomes:
    """``void``: the sentence 科目确认 tells a citizen once five 科目二 or 科目三 bookings failed
    ("" otherwise), for the clerk to pass on. (How each finished booking ended is in its
    BookingView.result, read with the bookings.)"""

    void: str = ""


def outcomes_in(s: Session, account_id: int, permit: LearnerPermit | None) -> ExamOutcomes:
    """ExamOutcomes of ``account_id`` within a read the caller holds (the counter's citizen file),
    ``permit``: its active learner permit (booking.active_permit), read there already."""
    rows = list(s.scalars(select(ExamResult).where(ExamResult.account_id == account_id)
                          .order_by(ExamResult.taken_at, ExamResult.id)))
    void = permit_used_up(permit_facts(permit), [attempt_of(r) for r in rows]) if permit is not None else ""
    return ExamOutcomes(void)

def parse_attempt(text: str) -> int:
    """考试次数 as typed: empty or 1 (初考) -> 1; 2 or 补考 -> 2."""
    text = half_width(text).strip()
    if text in ("", "1", "初考"):
        return 1
    if text in RETAKE_WORDS:
        return 2
    raise DomainError("考试次数须为1（初考）或2（补考）", "attempt")


def _check_attempt(asked: int | None, attempt: int, first: ExamResult | None) -> None:
    """The clerk says which attempt this is, so a line imported twice is not taken for the retake."""
    if asked is None or asked == attempt:
        return
    if first is not None:
        score = "缺考" if first.no_show else f"{first.score}分"
        raise DomainError(f"该考生本次预约的第1次考试成绩已录入（{score}，{first.taken_at:%Y-%m-%d %H:%M}），"
                          f"未重复录入；如为补考成绩，{SAY_RETAKE}", "attempt")
    raise DomainError(f"该考生本次预约还没有第1次考试成绩，请先录入第1次成绩{SAY_FIRST}", "attempt")


def results_so_far(s: Session, booking_id: int, asked: int | None) -> tuple[list[ExamResult], int]:
    """The booking's results recorded so far (oldest first) and the attempt the next one is; refused
    when both are recorded, or when ``asked`` (the clerk's 考试次数) is not that attempt."""
    done = list(s.scalars(select(ExamResult).where(ExamResult.booking_id == booking_id)
                          .order_by(ExamResult.taken_at)))
    if len(done) >= ATTEMPTS_PER_BOOKING:
        raise DomainError("本次预约的考试和补考均已录入成绩")
    attempt = len(done) + 1
    _check_attempt(asked, attempt, done[0] if done else None)
    return done, attempt


@dataclass(frozen=True)
class Recorded:
    booking_id: int
    attempt: int
    passed: bool
    score: int | None
    no_show: bool
    booking_status: str
    message: str
    candidate: str = ""  # whose result: the name and ID number masked, for the clerk to check
    warning: str = ""  # for the clerk, not the citizen: FEE_UNPAID when the booking's exam fee was never paid
    serial_no: str = ""  # the booking's 业务流水号 ("" for a booking without an application)

    @property
    def name(self) -> str:
        """The booking as the clerk knows it (exam_booking_ref.booking_name), as the audit entry says it."""
        return booking_name(self.serial_no, self.booking_id)


def _holder_id(s: Session, env: Env, id_number: str) -> int | None:
    """The account of the holder of ``id_number`` (None: no such candidate)."""
    return s.scalar(select(Account.id).where(
        Account.id_number == normalize_id_number(id_number, today=env.clock.now().date())))


def date_mismatch(subject: int, booked: date, day: date) -> DomainError:
    """A result said to be of ``day`` (a results file's 考试日期) for a booking whose exam is on ``booked``."""
    return DomainError(f"该考生的{SUBJECT_NAMES[subject]}考试安排在{booked:%Y-%m-%d}，"
                       f"与考试日期{day:%Y-%m-%d}不符，未录入", "exam_date")


def find_booking(env: Env, id_number: str, subject: int, day: date | None = None) -> int:
    """The placed booking of ``subject`` for the holder of ``id_number``. ``day``: the exam's day as a
    results file says it; with no booking placed and the latest one's results all in, a day that is
    none of the subject's exams is refused as not the booking's day (record refuses a placed booking's
    other day), not as 成绩均已录入, which stays for the day of an exam recorded (tester: a line of
    12-08 for a booking of 12-07 was told its results were all in)."""
    with env.db.read() as s:
        account_id = _holder_id(s, env, id_number)
        if account_id is None:
            raise NotFound("未找到该身份证明号码的考生")
        bid = s.scalar(select(Booking.id).where(Booking.account_id == account_id, Booking.subject == subject,
                                                Booking.status == "placed").order_by(Booking.id.desc()).limit(1))
        name = SUBJECT_NAMES.get(subject, subject)
        if bid is None:
            booked = (select(Booking.status, ExamSession.exam_date)
                      .outerjoin(ExamSession, ExamSession.id == Booking.session_id)
                      .where(Booking.account_id == account_id, Booking.subject == subject,
                             Booking.status != "cancelled"))
            latest = s.execute(booked.order_by(Booking.id.desc()).limit(1)).first()
            if latest is not None and latest.status == "done":  # its results are in (passed, or both attempts used)
                if (day is not None and latest.exam_date is not None
                        and s.execute(booked.where(ExamSession.exam_date == day).limit(1)).first() is None):
                    raise date_mismatch(subject, latest.exam_date, day)
                raise DomainError(f"该考生最近一次{name}预约的考试已结束，成绩均已录入；再次考试须重新预约")
            raise NotFound(f"该考生没有已安排的{name}考试")
        return bid


def recorded_already(env: Env, id_number: str, subject: int, attempt: int, score: int | None, no_show: bool,
                     day: date | None) -> bool:
    """Whether this very result is recorded: ``attempt`` of the holder's latest ``subject`` booking (not
    cancelled; with ``day``, the latest whose exam was that day) has this score (or 缺考). A results file
    imported again once its bad lines were fixed: its lines saved the first time are skipped, not
    refused (kiosk.services.exam_admin_results.import_csv)."""
    with env.db.read() as s:
        account_id = _holder_id(s, env, id_number)
        q = select(Booking.id).where(Booking.account_id == account_id, Booking.subject == subject,
                                     Booking.status != "cancelled")
        if day is not None:
            q = q.join(ExamSession, ExamSession.id == Booking.session_id).where(ExamSession.exam_date == day)
        bid = s.scalar(q.order_by(Booking.id.desc()).limit(1)) if account_id is not None else None
        done = list(s.scalars(select(ExamResult).where(ExamResult.booking_id == bid)
                              .order_by(ExamResult.taken_at))) if bid is not None else []
    if len(done) < attempt:
        return False
    r = done[attempt - 1]
    return (r.no_show, r.score) == (no_show, None if no_show else score)


def _check_taken_at(taken_at: datetime, starts: datetime, first: datetime | None) -> None:
    """An exam is taken on its session's day, not before the session starts; a retake after the first attempt."""
    if taken_at < starts:
        raise DomainError(f"考试时间{taken_at:%Y-%m-%d %H:%M}早于该场次开考时间{starts:%Y-%m-%d %H:%M}，不能录入成绩")
    if taken_at.date() != starts.date():
        raise DomainError(f"考试时间{taken_at:%Y-%m-%d %H:%M}须在该场次的考试日{starts:%Y-%m-%d}")
    if first is not None and taken_at <= first:
        raise DomainError(f"补考时间{taken_at:%Y-%m-%d %H:%M}须晚于第1次考试时间{first:%Y-%m-%d %H:%M}")


def due_time(starts: datetime, first: datetime | None) -> datetime:
    """When an attempt is taken unless the clerk says otherwise: the session's start ``starts`` for the
    first; RETAKE_GAP after the first attempt (taken at ``first``), not before the start, for the retake.
    The list of candidates still to have a result (exam_result_check.awaiting) says this time too."""
    return starts if first is None else max(starts, first) + RETAKE_GAP


def attempt_time(session: ExamSession, done: list[ExamResult], now: datetime,
                 taken_at: datetime | None = None) -> datetime:
    """When the attempt after ``done`` (the booking's results so far, results_so_far) was taken, as
    ``record`` saves it: ``taken_at`` when given (kiosk exam-result --at); else the session's start
    for the first attempt, and RETAKE_GAP after the first (not before the session's start) for the
    retake. Refused when that time is still to come or breaks _check_taken_at. The question before
    录入成绩 (exam_result_check) says this time, so the clerk is asked about the time saved."""
    starts = session_at(session.exam_date, session.start_time)
    first = done[-1].taken_at if done else None
    taken_at = taken_at or due_time(starts, first)
    if taken_at > now:
        raise DomainError(f"考试时间{taken_at:%Y-%m-%d %H:%M}还未到，不能录入成绩")
    _check_taken_at(taken_at, starts, first)
    return taken_at


def _next_booking(s: Session, b: Booking) -> str:
    s.flush()  # the result just added counts
    permit = s.get(LearnerPermit, b.permit_id)
    if permit is None:
        return "可重新预约考试"
    attempts = [attempt_of(r) for r in s.scalars(select(ExamResult).where(ExamResult.account_id == b.account_id))]
    return after_failed_booking(permit_facts(permit, _birth(s, b)), attempts, b.subject)


def _birth(s: Session, b: Booking) -> date:
    """The birth date of the booking's holder (the permit's end is cut at the class's age limit)."""
    return birth_date(s.get_one(Account, b.account_id).id_number)


def result_message(note: str) -> str:
    """The inbox message (and SMS, after the signature) of an exam result: its 网办进度 note."""
    return f"{note}。"


def result_note(s: Session, b: Booking, attempt: int, score: int | None, no_show: bool,
                taken_at: datetime) -> tuple[str, str]:
    """(status, note) of 网办进度 for the result of ``attempt`` of booking ``b``, just added to ``s``
    (``b.status`` already says whether it closed the booking). The note starts with the exam's time:
    网办进度 dates the entry when the result was recorded, which a citizen would read as the exam's."""
    name = SUBJECT_NAMES[b.subject]
    mark = pass_mark(b.subject, b.licence_class)
    passed = not no_show and is_pass(b.subject, b.licence_class, score or 0)
    status = result_status(passed, no_show)
    if no_show and attempt == 2:  # absent from the retake itself: there is no retake to miss
        text = f"{name}补考缺考，按考试不合格处理，本次预约的考试和补考均不合格"
    elif no_show:
        text = f"{name}考试缺考，按考试不合格处理，本次预约的考试结束（缺考不能参加补考）"
    elif passed:
        text = f"{name}考试成绩{score}分，合格（合格标准{mark}分）"
    else:
        text = f"{name}{'补考' if attempt == 2 else '考试'}成绩{score}分，不合格（合格标准{mark}分）"
        text += "，本次预约的考试和补考均不合格" if b.status == "done" else "，可参加本次预约的补考"
    if b.status == "done" and not passed:  # what it means for the next booking: the 10-day wait, or the fifth failure
        text += "；" + _next_booking(s, b)
    if passed and b.subject == SUBJECT_1:
        text += "，已核发学习驾驶证明"
    return status, f"考试时间{taken_at:%Y-%m-%d %H:%M}，{text}"


def check_entry(score: int | None, no_show: bool) -> None:
    """A score of 0 to 100 or 缺考, one of the two: checked before any booking is looked up, so the
    CLI's --id-number form says what is wrong with --score 101 as its --booking form does (tester)."""
    if no_show == (score is not None):
        raise DomainError("请录入考试成绩或标记缺考（二者选一）", "score")
    if score is not None and not 0 <= score <= 100:
        raise DomainError("考试成绩应为0到100之间的整数", "score")


def record(env: Env, booking_id: int, *, score: int | None = None, no_show: bool = False,
           taken_at: datetime | None = None, attempt: int | None = None, exam_date: date | None = None,
           actor: str = "system", role: str = "") -> Recorded:
    """``attempt``: 1 or 2 as the clerk says (refused when it is not the next one); None: the next.
    ``exam_date``: the day of the exam as a results file says (refused when the booking's is another)."""
    check_entry(score, no_show)
    now = env.clock.now()
    with env.db.write() as s:
        b = s.get(Booking, booking_id, with_for_update=True)  # PostgreSQL: one result per booking
        if b is None:
            raise NotFound("未找到该考试预约")
        if b.status != "placed" or b.session_id is None:
            raise DomainError("该预约不是待考状态（须为预约成功且尚未结束），不能录入成绩")
        session = s.get(ExamSession, b.session_id)
        assert session is not None
        if exam_date is not None and session.exam_date != exam_date:
            raise date_mismatch(b.subject, session.exam_date, exam_date)
        done, attempt = results_so_far(s, b.id, attempt)
        taken_at = attempt_time(session, done, now, taken_at)
        passed = not no_show and is_pass(b.subject, b.licence_class, score or 0)
        s.add(ExamResult(booking_id=b.id, account_id=b.account_id, subject=b.subject, taken_at=taken_at,
                         score=None if no_show else score, passed=passed, no_show=no_show))
        closes = passed or no_show or attempt >= ATTEMPTS_PER_BOOKING
        if closes:
            b.status = "done"
        if passed and b.subject == SUBJECT_1:
            permit = s.get(LearnerPermit, b.permit_id)
            if permit is not None and permit.issued_on is None:
                permit.issued_on = taken_at.date()
                permit.valid_to = permit_end(permit.issued_on, permit.licence_class, _birth(s, b))[0]
        status, text = result_note(s, b, attempt, score, no_show, taken_at)
        app = s.get(Application, b.application_id) if b.application_id else None
        if app is not None:
            applications.transition(s, env, app, status, text)
        account = s.get(Account, b.account_id)
        assert account is not None
        serial = app.serial_no if app is not None else ""
        # named by the application's 业务流水号, as the clerk sees it everywhere (the booking id only without one)
        audit.record(s, env, actor=actor, role=role, action="exam_result", account_id=account.id,
                     detail=f"{booking_name(serial, b.id)} 第{attempt}次 {'缺考' if no_show else f'{score}分'}")
        messaging.notify(s, env, account, result_title(status), result_message(text))
        return Recorded(b.id, attempt, passed, score, no_show, b.status, text,
                        f"{mask_name(account.name)}（{mask_id(account.id_number)}）",
                        FEE_UNPAID if b.fee_paid_at is None else "", serial)
