"""Exam booking (考试预约): what the booking use cases share.

The use cases live in several modules: booking_query (科目确认, sites, sessions, ranking),
booking_submit (normal and priority booking), cancellation, allocation_service
(publication day), exam_results, fees (考试费缴纳) and certificates (预约凭证).

Mapping the database to the pure rules (kiosk.domain.exam / exam_eligibility / ranking / priority):
- Booking.status 'pending' is the domain's 'active'.
- A learner whose permit is not issued yet (before 科目一) is checked against a permit that
  counts from the acceptance day (the 3-year validity of the application), marked not issued
  (no 优先预约: there is no permit to run out).
- The permit's last valid day is cut at the class's upper age limit when read (permit_facts), and
  stored cut when the permit is issued (exam_results), so every rule and screen shows the same day.
- Online cancellation is only for a submitted normal application that is still waiting for
  allocation (issue 3: "online before booking closes"). The issue asks that the cancellation
  time becomes the new ranking time, so such a cancelled booking is passed to the ranking rule
  as a cancelled *successful* booking (预约申请成功): its ``exam_at`` is the first day it applied
  for (``range_from``, stored for both modes), and ``withdrawn`` says it was never placed, so
  the rule's wording on screen does not claim a 预约成功 that never happened.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, func, select, true
from sqlalchemy.orm import Session

from ..db.driver import Driver, Prepared, Tx
from ..db.models import Account, Booking, ExamPlan, ExamResult, ExamSession, ExamSite, LearnerPermit, Office
from ..domain.errors import DomainError, NotFound
from ..domain.dates import format_date, format_days
from ..domain.exam import BookingFact, ExamAttempt, PermitFacts, age_limit_note, capped_at_age_limit, permit_valid_to
from ..domain.ids import birth_date
from ..domain.licence import CLASS_NAMES
from ..domain.typed import date_or_error
from .date_examples import format_text

KIND = "exam_booking"
TITLE = "考试预约"
PRIORITY_TITLE = "优先考试预约"
CODE_PURPOSE = "exam_booking"

STATUS_PENDING = "受理中"
STATUS_PLACED = "预约成功"
STATUS_UNPLACED = "未安排"
STATUS_CANCELLED = "已取消"
STATUS_PAID = "已缴费"


def placed_text(day: str, start: str, site: str, address: str) -> str:
    """What a booking placed in a session says (no final 。: a message adds it): an allocation's result
    (allocation_sql.placed_note) and a priority booking's, in the same words."""
    return f"预约成功：{day} {start} {site}（{address}）。请缴纳考试费，携带身份证明按时参加考试，可打印预约凭证"

BOOKING_STATUS_TEXT = {
    "pending": "受理中（等待安排考试）",
    "placed": "预约成功",
    "unplaced": "未安排",
    "cancelled": "已取消",
    "done": "考试已结束",
}
# A placed booking's status, on every screen, says whether its fee is paid: the booking screens
# (BookingView.status_text) and 网办进度, for the booking's application (ApplicationView.status_text).
# The application's stored status stays 预约成功, then 已缴费: the steps its 办理过程 lists.
PLACED_UNPAID_TEXT = BOOKING_STATUS_TEXT["placed"] + "（未缴费）"
PLACED_PAID_TEXT = BOOKING_STATUS_TEXT["placed"] + "（已缴费）"
APPLICATION_STATUS_TEXT = {STATUS_PLACED: PLACED_UNPAID_TEXT, STATUS_PAID: PLACED_PAID_TEXT}
MODE_TEXT = {"self": "自主选择场次", "system": "服从系统安排", "priority": "优先预约"}
NO_PERMIT = "您没有正在办理的机动车驾驶证申请，不能预约考试。请先到驾校或车管所办理驾驶证申领"


@dataclass(frozen=True)
class Facts:
    """Read by ``load_facts``; ``account`` and ``permit_row`` are plain rows (attribute access)."""

    account: Any  # id, id_number, name, phone, registered_at
    permit_row: Any  # id, licence_class, accepted_at, issued_on, valid_to, holds_car_licence, city
    permit: PermitFacts
    attempts: list[ExamAttempt]
    bookings: list[BookingFact]
    stamp: tuple = ()  # see facts_stamp


def class_label(cls: str) -> str:
    return f"{cls}（{CLASS_NAMES.get(cls, cls)}）"


def session_at(exam_date: date, start: time) -> datetime:
    return datetime.combine(exam_date, start)


def attempt_of(r: Any) -> ExamAttempt:
    """An exam result (ORM row or driver row) as the rules see it."""
    return ExamAttempt(r.subject, r.taken_at, r.passed, r.score, r.no_show, r.booking_id)


def permit_facts(p: Any, birth: date | None = None) -> PermitFacts:
    """The permit row as the rules see it. Its last valid day is the stored one, cut at the class's
    upper age limit for the holder born on ``birth`` (a row stored before the cut, or by a tool that
    does not know it, is still read right); issued_on is None until 科目一 is passed."""
    issued = p.issued_on or p.accepted_at.date()
    valid_to, capped = p.valid_to or permit_valid_to(issued), False
    if birth is not None:
        valid_to, capped = capped_at_age_limit(valid_to, p.licence_class, birth)
    return PermitFacts(p.licence_class, issued, valid_to, p.accepted_at, p.holds_car_licence,
                       issued=p.issued_on is not None, age_limited=capped)


def age_note(permit: PermitFacts) -> str:
    """Said after the permit's last day wherever it shows, when the age limit cut it ("" otherwise)."""
    return age_limit_note(permit.licence_class) if permit.age_limited else ""


def permit_end_text(permit: PermitFacts) -> str:
    """The permit's last valid day as 学习驾驶证明有效期至 shows it, with why when the age limit cut it."""
    return format_date(permit.valid_to) + age_note(permit)


# Beside the learner permit's 有效期 on every screen that shows it once the domain's permit_used_up
# says it is void (five 科目二 or 科目三 bookings of this application failed): the counter's citizen
# file (exam_results.outcomes_in), the citizen's 考试预约 header (booking_query.overview) and 驾驶证信息.
PERMIT_VOID = "（已作废）"


def booking_fact(b: Any, placed_at: datetime | None) -> BookingFact:
    status = "active" if b.status == "pending" else b.status
    exam_at, withdrawn = placed_at, False
    if b.status == "cancelled" and exam_at is None and not b.priority and b.range_from is not None:
        exam_at, withdrawn = datetime.combine(b.range_from, time(0)), True
    return BookingFact(b.subject, status, b.priority, b.created_at, b.cancelled_at, exam_at, withdrawn)


def account_of(s: Session, account_id: int) -> Account:
    account = s.get(Account, account_id)
    if account is None or account.registered_at is None:
        raise NotFound("账户不存在或未注册")
    return account


# The facts every booking step reads, as statements built once and run on the driver's cursor
# (kiosk.db.driver): the booking path reads them on every submission.
_AID = bindparam("aid")
_FACT_ACCOUNT = Prepared(select(Account.id, Account.id_number, Account.name, Account.phone, Account.registered_at).where(
    Account.id == _AID))
# The account's active permit: the latest accepted one.
_ACTIVE_PERMIT = (select(LearnerPermit.id).where(LearnerPermit.account_id == _AID, LearnerPermit.active)
                  .order_by(LearnerPermit.accepted_at.desc(), LearnerPermit.id.desc()).limit(1))
_FACT_PERMIT = Prepared(select(
    LearnerPermit.id, LearnerPermit.licence_class, LearnerPermit.accepted_at, LearnerPermit.issued_on,
    LearnerPermit.valid_to, LearnerPermit.holds_car_licence, LearnerPermit.city)
    .where(LearnerPermit.id == _ACTIVE_PERMIT.scalar_subquery()))
_FACT_RESULTS = Prepared(select(ExamResult.id, ExamResult.subject, ExamResult.taken_at, ExamResult.passed,
                                ExamResult.score, ExamResult.no_show, ExamResult.booking_id).where(ExamResult.account_id == _AID))
_FACT_BOOKINGS = Prepared(select(Booking.id, Booking.status, Booking.session_id, Booking.subject, Booking.priority,
                                  Booking.created_at, Booking.cancelled_at, Booking.range_from, ExamSession.exam_date,
                                  ExamSession.start_time)
                           .outerjoin(ExamSession, ExamSession.id == Booking.session_id)
                           .where(Booking.account_id == _AID).order_by(Booking.id))
_STAMP_REST = (select(func.count(ExamResult.id).label("results"), func.max(ExamResult.id).label("last_result"),
                      _ACTIVE_PERMIT.scalar_subquery().label("permit"))
               .where(ExamResult.account_id == _AID).subquery())
# One row per booking (or one row with NULL booking columns), each carrying the other facts.
_STAMP = Prepared(select(_STAMP_REST, Booking.id, Booking.status, Booking.session_id)
                  .outerjoin(Booking, Booking.account_id == _AID).order_by(Booking.id))


def active_permit(s: Session, account_id: int) -> LearnerPermit | None:
    return s.scalars(select(LearnerPermit).where(LearnerPermit.id == _ACTIVE_PERMIT.scalar_subquery()),
                     {"aid": account_id}).first()


def load_facts(s: Session, account_id: int) -> Facts:
    d = Driver(s)
    account = d.first(_FACT_ACCOUNT, aid=account_id)
    if account is None or account.registered_at is None:
        raise NotFound("账户不存在或未注册")
    row = d.first(_FACT_PERMIT, aid=account_id)
    if row is None:
        raise DomainError(NO_PERMIT)
    results = d.all(_FACT_RESULTS, aid=account_id)
    attempts = [attempt_of(r) for r in results]
    rows = d.all(_FACT_BOOKINGS, aid=account_id)
    facts = [booking_fact(b, session_at(b.exam_date, b.start_time) if b.session_id else None) for b in rows]
    stamp = (tuple((b.id, b.status, b.session_id) for b in rows),
             (len(results), max((r.id for r in results), default=None), row.id))
    return Facts(account, row, permit_facts(row, birth_date(account.id_number)), attempts, facts, stamp)


_LOCK_ACCOUNT = Prepared(select(Account.id).where(Account.id == _AID).with_for_update())


def lock_account(s: Session | Tx, account_id: int) -> None:
    """PostgreSQL: one booking write per citizen at a time, so two kiosks booking for the same person
    cannot both pass the checks; the second waits, then sees the first booking. SQLite already lets
    one writer in at a time (BEGIN IMMEDIATE), so nothing runs there."""
    d = Driver(s)
    if d.dialect_name != "sqlite":
        d.first(_LOCK_ACCOUNT, aid=account_id)


def facts_stamp(s: Session, account_id: int) -> tuple:
    """What ``load_facts`` decided from, read again in one statement: the account's bookings (with
    status and session), exam results and active permit. An unchanged stamp means the facts hold."""
    rows = Driver(s).all(_STAMP, aid=account_id)
    return (tuple((r[3], r[4], r[5]) for r in rows if r[3] is not None), tuple(rows[0][:3]))


def open_plan_filter(now: datetime):  # type: ignore[no-untyped-def]
    """SQL condition: the plan takes bookings now (window open, not yet published or allocated)."""
    return (ExamPlan.booking_opens_at <= now) & (ExamPlan.publish_on > now.date()) & ExamPlan.allocated_at.is_(None)


# The same condition for statements built once: parameters ``now`` and ``today``.
OPEN_PLAN = ((ExamPlan.booking_opens_at <= bindparam("now")) & (ExamPlan.publish_on > bindparam("today"))
             & ExamPlan.allocated_at.is_(None))


def _site_in(city):  # type: ignore[no-untyped-def]
    return ExamSite.office_id.in_(select(Office.id).where(Office.city == city))


def site_city_filter(city: str | None):  # type: ignore[no-untyped-def]
    """SQL condition on ExamSite: a site of the permit's city (None: every site)."""
    return true() if city is None else _site_in(city)


# The same for statements built once: parameter ``city``.
SITE_IN_CITY = _site_in(bindparam("city"))


EMPTY_DAY = {"date_from": "请输入开始日期", "date_to": "请输入结束日期", "exam_date": "请输入考试日期"}


def parse_day(text: str, field: str, example: date | None = None) -> date:
    """The day typed in ``field``; an empty field is asked for by its name, not with the format, which
    names the field's ``example`` (the one it shows: example_range, booking_results' opening day)."""
    if not text.strip():
        raise DomainError(EMPTY_DAY.get(field, "请输入日期"), field)
    return date_or_error(text, field, format_text(example, "日期（年-月-日）" if example else "日期"))


def after_permit(valid_to: date, note: str = "") -> str:
    """``note``: age_note of the permit (its last day cut at the age limit)."""
    return f"学习驾驶证明有效期至{format_date(valid_to)}{note}，只能预约此前（含当日）的考试场次"


def exam_days(bookings: Iterable[BookingFact]) -> set[date]:
    """The days on which the citizen already has an exam (a booking placed in a session): no session
    of another subject on those days is offered or accepted (one subject's exam a day, as allocation)."""
    return {b.exam_at.date() for b in bookings if b.status == "placed" and b.exam_at is not None}


def same_day(days: Iterable[date]) -> str:
    """Why sessions on ``days`` are not for this citizen; the step's list and its refusal both say it."""
    return f"您{format_days(days)}已有其他科目的考试，同一天只能安排一个科目的考试"


def within_permit(date_from: date, date_to: date, valid_to: date, note: str = "") -> date:
    """The end of a range cut at the permit's last valid day; a range that starts after it is refused."""
    if date_from > valid_to:
        raise DomainError(after_permit(valid_to, note), "date_from")
    return min(date_to, valid_to)


def first_bookable_day(today: date) -> date:
    """The earliest exam day a booking may ask for: tomorrow (today's plans closed days ago)."""
    return today + timedelta(days=1)


SPAN_DAYS = 13  # 开始日期 to 结束日期: two weeks, in 选择场次's own dates and its examples


def example_range(today: date) -> tuple[date, date]:
    """An 开始日期 and a 结束日期 check_range accepts ``today``, shown as 选择场次's examples (and named
    by its format messages): from the first bookable day, two weeks."""
    first = first_bookable_day(today)
    return first, first + timedelta(days=SPAN_DAYS)


def check_range(date_from: date | None, date_to: date | None, today: date) -> tuple[date, date]:
    """The range typed at 选择场次 (and stored by 服从系统安排): it starts no earlier than the first
    bookable day, so no summary or record shows days already past."""
    if date_from is None:
        raise DomainError(EMPTY_DAY["date_from"], "date_from")
    if date_to is None:
        raise DomainError(EMPTY_DAY["date_to"], "date_to")
    first = first_bookable_day(today)
    if date_from < first:
        raise DomainError(f"开始日期最早为{format_date(first)}", "date_from")
    if date_to < date_from:
        raise DomainError("结束日期不能早于开始日期", "date_to")
    if (date_to - date_from).days > 92:
        raise DomainError("查询时间段不能超过3个月，请缩短时间段", "date_to")
    return date_from, date_to

