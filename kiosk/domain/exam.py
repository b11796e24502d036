"""Exam booking (RULES.md "Exam booking"; L162 Art 39-52, ages from 令172): the subjects and the
figures, the facts the rules read, and how a subject's history is read. The checks themselves
(who may book or cancel) are in kiosk.domain.exam_eligibility.

Pure rules over plain values: nothing here reads the clock or a database; every
function takes ``today`` (a date) from the caller.

Subjects are the ints 1..4: 1 科目一, 2 科目二 (场地驾驶技能), 3 科目三 (道路驾驶技能),
4 科目四 (科目三安全文明驾驶常识, booked after the road test is passed).

Modelling choices (documented so callers know what to pass in):
- Only history of the current application counts: attempts taken and bookings created
  before ``permit.accepted_at`` belong to an earlier, lapsed application and are ignored.
- A no-show is a failed attempt. Every booking gives one exam and one retake; the
  attempts of a subject are read in time order and *two consecutive fails close a booking
  as failed* (a pass closes it as passed). The closing fail starts the 10-day interval
  before 科目二/科目三 may be re-booked.
- Five failed bookings of 科目二 or 科目三 use up the permit (5-booking limit): no subject
  may then be booked and the other passed subjects are void, the citizen must re-apply.
- Waiting periods count from ``permit.issued_on``: "满N日" means booking opens on
  issued_on + N days. Ages are whole years on ``today`` (``以上/以下`` include the bound).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable

from .dates import anniversary

SUBJECT_1, SUBJECT_2, SUBJECT_3, SUBJECT_4 = 1, 2, 3, 4
SUBJECTS = (SUBJECT_1, SUBJECT_2, SUBJECT_3, SUBJECT_4)
SUBJECT_NAMES = {1: "科目一", 2: "科目二", 3: "科目三", 4: "科目四"}
SUBJECT_TITLES = {
    1: "科目一（道路交通安全法律、法规和相关知识）",
    2: "科目二（场地驾驶技能）",
    3: "科目三（道路驾驶技能）",
    4: "科目四（安全文明驾驶常识）",
}
# Subjects with the 10-day re-booking interval and the 5-booking limit.
SKILL_SUBJECTS = (SUBJECT_2, SUBJECT_3)
# A subject may be booked only once these are passed.
PREREQUISITES = {1: (), 2: (1,), 3: (1,), 4: (1, 3)}

PERMIT_YEARS = 3
RETAKE_INTERVAL_DAYS = 10
MAX_FAILED_BOOKINGS = 5
FULL_MARKS = 100

_HEAVY = ("A1", "A2", "A3", "B1", "B2")
# Days after the learner permit before booking (L162 Art 44-45). D E F are not in
# RULES.md for 科目二; they follow the light-vehicle figure. C6 科目三 follows C1.
SUBJECT2_WAIT_DAYS = {c: 20 for c in _HEAVY + ("C6",)} | {
    c: 10 for c in ("C1", "C2", "C3", "C4", "C5", "D", "E", "F", "M", "N", "P")
}
SUBJECT3_WAIT_DAYS = {c: 40 for c in _HEAVY} | {c: 20 for c in ("C2", "C5", "C3", "C4", "D", "E", "F")} | {
    c: 30 for c in ("C1", "C6", "M", "N", "P")
}
SUBJECT3_WAIT_DAYS_WITH_CAR_LICENCE = 30  # heavy classes, already holding a car licence

# (min age, max age or None), both inclusive (令172).
AGE_LIMITS: dict[str, tuple[int, int | None]] = (
    {c: (18, None) for c in ("C1", "C2", "C5", "F")}
    | {c: (18, 70) for c in ("D", "E")}
    | {"C6": (20, 70)}
    | {c: (18, 63) for c in ("C3", "C4", "M")}
    | {c: (20, 63) for c in ("A3", "B1", "B2", "N", "P")}
    | {c: (22, 63) for c in ("A1", "A2")}
)


@dataclass(frozen=True, slots=True)
class PermitFacts:
    """The learner permit (学习驾驶证明) of the current application."""

    licence_class: str
    issued_on: date
    valid_to: date  # last valid day; see permit_valid_to()
    accepted_at: datetime  # when the first application was accepted (受理)
    holds_car_licence: bool = False
    # False before 科目一 is passed: issued_on and valid_to then stand in from the acceptance day
    issued: bool = True
    # valid_to is the day before the class's upper age limit is passed (see permit_end), not 3 years
    age_limited: bool = False


@dataclass(frozen=True, slots=True)
class ExamAttempt:
    subject: int
    taken_at: datetime
    passed: bool
    score: int | None = None
    no_show: bool = False
    booking_id: int | None = None  # the booking the attempt belongs to (None: not known)

    @property
    def failed(self) -> bool:
        return self.no_show or not self.passed


@dataclass(frozen=True, slots=True)
class BookingFact:
    """status: 'active' (submitted, waiting for allocation), 'placed' (seat given),
    'unplaced' (allocation found no seat), 'cancelled', 'done' (exam held)."""

    subject: int
    status: str
    priority: bool
    created_at: datetime
    cancelled_at: datetime | None = None
    exam_at: datetime | None = None
    withdrawn: bool = False  # cancelled while waiting for allocation (never given a seat)


@dataclass(frozen=True, slots=True)
class Eligibility:
    """allowed: may book now; reason: Chinese sentence when not allowed, "" otherwise;
    earliest: today when allowed, the first day booking opens when only time stands in
    the way, None when waiting will not help."""

    allowed: bool
    reason: str = ""
    earliest: date | None = None


OPEN_STATUSES = ("active", "placed")

def permit_valid_to(issued_on: date) -> date:
    """Valid 3 years: the last valid day is the day before the same date 3 years later."""
    return anniversary(issued_on, PERMIT_YEARS) - timedelta(days=1)


def age_limit_last_day(licence_class: str, birth: date) -> date | None:
    """The last day on which the holder is within the class's upper age limit (AGE_LIMITS, inclusive:
    63 means up to the day before the 64th birthday); None for a class without one."""
    high = AGE_LIMITS.get(licence_class, (0, None))[1]
    return None if high is None else anniversary(birth, high + 1) - timedelta(days=1)


def capped_at_age_limit(valid_to: date, licence_class: str, birth: date) -> tuple[date, bool]:
    """L162: 学习驾驶证明的有效期为三年，但有效期截止日期不得超过申请年龄条件上限. (``valid_to`` cut at the
    age limit's last day, whether it was cut): so the sessions, the 10-day checks and the priority
    window, which all read the permit's last day, follow from it."""
    last = age_limit_last_day(licence_class, birth)
    if last is not None and last <= valid_to:
        return last, True
    return valid_to, False


def permit_end(issued_on: date, licence_class: str, birth: date) -> tuple[date, bool]:
    """The last valid day of a permit issued on ``issued_on``: 3 years, cut at the age limit."""
    return capped_at_age_limit(permit_valid_to(issued_on), licence_class, birth)


def age_limit_note(licence_class: str) -> str:
    """Said after the permit's end where it shows, when that end comes from the age limit."""
    return f"（不超过申请年龄上限{AGE_LIMITS[licence_class][1]}周岁）"


def pass_mark(subject: int, licence_class: str) -> int:
    if subject == SUBJECT_2 and licence_class not in _HEAVY + ("C6",):
        return 80
    return 90


def is_pass(subject: int, licence_class: str, score: int) -> bool:
    return score >= pass_mark(subject, licence_class)


def wait_days(subject: int, licence_class: str, holds_car_licence: bool = False) -> int:
    """Days after the learner permit before ``subject`` may be booked (0 for 科目一/四)."""
    if subject == SUBJECT_2:
        return SUBJECT2_WAIT_DAYS[licence_class]
    if subject == SUBJECT_3:
        if holds_car_licence and licence_class in _HEAVY:
            return SUBJECT3_WAIT_DAYS_WITH_CAR_LICENCE
        return SUBJECT3_WAIT_DAYS[licence_class]
    return 0


ATTEMPTS_PER_BOOKING = 2  # the exam and one 补考 (令172)


@dataclass(frozen=True, slots=True)
class SubjectHistory:
    passed: bool
    failed_bookings: int  # bookings closed by two fails or a no-show
    last_failed_close: datetime | None  # the fail that closed the latest failed booking
    closed_by_no_show: bool = False  # that fail was a no-show (缺考), not a second failed attempt


def subject_history(attempts: Iterable[ExamAttempt], subject: int) -> SubjectHistory:
    """A booking ends failed with its second failed attempt, or at once with a no-show (缺考: the
    booking's exam ends, 令172). Attempts are counted per booking; those whose booking is not known
    count as one run of consecutive attempts."""
    passed = False
    failed_bookings = 0
    fails: dict[int | None, int] = {}
    last_close: datetime | None = None
    no_show = False
    for a in sorted((a for a in attempts if a.subject == subject), key=lambda a: a.taken_at):
        if not a.failed:
            passed = True
            fails[a.booking_id] = 0
            continue
        fails[a.booking_id] = fails.get(a.booking_id, 0) + 1
        if a.no_show or fails[a.booking_id] == ATTEMPTS_PER_BOOKING:
            failed_bookings += 1
            last_close, no_show = a.taken_at, a.no_show
            fails[a.booking_id] = 0
    return SubjectHistory(passed, failed_bookings, last_close, no_show)
