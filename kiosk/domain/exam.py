"""Exam booking eligibility (RULES.md "Exam booking"; L162 Art 39-52, ages from 令172).

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
from typing import Iterable, Sequence

from .ids import age_on, birth_date
from .licence import CLASS_NAMES, ONLINE_BOOKABLE

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


def format_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def format_days(days: Iterable[date]) -> str:
    """Several days, to be read at a glance: three or more in a row as one range (2026年12月5日至12月9日),
    the year only where it changes (2026年12月2日、12月3日、12月5日至12月9日、2027年1月4日)."""
    runs: list[list[date]] = []
    for day in sorted(set(days)):
        if runs and day - runs[-1][-1] == timedelta(days=1):
            runs[-1].append(day)
        else:
            runs.append([day])
    parts: list[str] = []
    year = None
    for run in runs:
        for first, last in ([(run[0], run[-1])] if len(run) >= 3 else [(d, d) for d in run]):
            text = format_date(first) if first.year != year else f"{first.month}月{first.day}日"
            if last != first:
                text += "至" + (format_date(last) if last.year != first.year else f"{last.month}月{last.day}日")
            parts.append(text)
            year = last.year
    return "、".join(parts)


def add_months(d: date, months: int) -> date:
    """Calendar months; the day is clamped to the month's end (1月31日 + 1 -> 2月28/29日)."""
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return date(year, month, min(d.day, (nxt - timedelta(days=1)).day))


def anniversary(d: date, years: int) -> date:
    """The same date ``years`` later; 2月29日 falls on 3月1日 in a common year (as age_on counts)."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return date(d.year + years, 3, 1)


def permit_valid_to(issued_on: date) -> date:
    """Valid 3 years: the last valid day is the day before the same date 3 years later."""
    return anniversary(issued_on, PERMIT_YEARS) - timedelta(days=1)


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


def retake_wait_reason(subject: int, history: SubjectHistory) -> str:
    """Why ``subject`` waits 10 days after its latest failed booking: both attempts failed, or the
    candidate did not come (缺考: there was no 补考 to fail)."""
    name = SUBJECT_NAMES[subject]
    if history.closed_by_no_show:
        return f"{name}本次预约考试缺考（按不合格处理），须{RETAKE_INTERVAL_DAYS}日后重新预约"
    return f"{name}本次预约的考试和补考均不合格，须{RETAKE_INTERVAL_DAYS}日后重新预约"


def used_up(histories: dict[int, SubjectHistory]) -> str:
    """The 5-booking limit reached in 科目二 or 科目三: what it means ("" while it is not)."""
    for s in SKILL_SUBJECTS:
        if s in histories and histories[s].failed_bookings >= MAX_FAILED_BOOKINGS:
            return (f"{SUBJECT_NAMES[s]}已预约考试{MAX_FAILED_BOOKINGS}次均不合格，"
                    "其他已考合格的科目成绩作废，请重新申请机动车驾驶证")
    return ""


def permit_used_up(permit: PermitFacts, attempts: Sequence[ExamAttempt]) -> str:
    """``used_up`` for the current application (attempts before its acceptance do not count)."""
    current, _ = _current(permit, attempts, ())
    return used_up({s: subject_history(current, s) for s in SKILL_SUBJECTS})


def _current(permit: PermitFacts, attempts: Iterable[ExamAttempt], bookings: Iterable[BookingFact]):
    start = permit.accepted_at
    return ([a for a in attempts if a.taken_at >= start], [b for b in bookings if b.created_at >= start])


def _deny(reason: str, earliest: date | None = None) -> Eligibility:
    return Eligibility(False, reason, earliest)


def _wait_until(opens: date, why: str, permit: PermitFacts, today: date) -> Eligibility | None:
    if opens <= today:
        return None
    if opens > permit.valid_to:
        return _deny(f"{why}，{format_date(opens)}起方可预约，已超出学习驾驶证明有效期（至{format_date(permit.valid_to)}）")
    return _deny(f"{why}，{format_date(opens)}起可以预约", opens)


def _age_check(id_number: str, licence_class: str, today: date) -> Eligibility | None:
    low, high = AGE_LIMITS[licence_class]
    label = f"{CLASS_NAMES[licence_class]}（{licence_class}）"
    age = age_on(id_number, today)
    if age < low:
        opens = anniversary(birth_date(id_number), low)
        return _deny(f"申请{label}准驾车型须年满{low}周岁，{format_date(opens)}起可以预约", opens)
    if high is not None and age > high:
        return _deny(f"申请{label}准驾车型的年龄上限为{high}周岁，您已不符合年龄条件")
    return None


def eligibility(
    id_number: str,
    permit: PermitFacts,
    attempts: Sequence[ExamAttempt],
    bookings: Sequence[BookingFact],
    subject: int,
    today: date,
) -> Eligibility:
    """May the holder of ``permit`` book ``subject`` (normal booking) on ``today``?

    Checks in this order, the first failing one is reported: online-bookable class, age,
    permit expired, permit used up by five failed 科目二/科目三 bookings, subject passed,
    prerequisites, an open booking for the subject, waiting period, 10-day re-booking.
    """
    if subject not in SUBJECTS:
        raise ValueError(f"unknown subject {subject!r}")
    name = SUBJECT_NAMES[subject]
    cls = permit.licence_class
    if cls not in ONLINE_BOOKABLE:
        return _deny(f"{CLASS_NAMES.get(cls, cls)}（{cls}）准驾车型不能在网上预约考试，请到车管所窗口办理")
    denied = _age_check(id_number, cls, today)
    if denied:
        return denied
    if today > permit.valid_to:
        return _deny(f"您的学习驾驶证明已于{format_date(permit.valid_to)}过期，已考合格的科目成绩作废，请重新申请")
    attempts, bookings = _current(permit, attempts, bookings)
    histories = {s: subject_history(attempts, s) for s in SUBJECTS}
    if void := used_up(histories):
        return _deny(void)
    if histories[subject].passed:
        return _deny(f"{name}已考试合格，无需再次预约")
    for pre in PREREQUISITES[subject]:
        if not histories[pre].passed:
            return _deny(f"须先通过{SUBJECT_NAMES[pre]}考试，才能预约{name}")
    if open_ := [b for b in bookings if b.subject == subject and b.status in OPEN_STATUSES]:
        # online only an application still waiting for allocation is cancelled; a seat already given
        # (优先预约, or placed by allocation) is given back at a counter, a day ahead at least
        how = ("请至少提前一日到车管所窗口取消原预约" if any(b.priority or b.status == "placed" for b in open_)
               else "请先取消原预约")
        return _deny(f"您已有一个未完成的{name}预约，不能重复预约；如需更改，{how}")
    days = wait_days(subject, cls, permit.holds_car_licence)
    if days:
        denied = _wait_until(
            permit.issued_on + timedelta(days=days), f"{name}须在取得学习驾驶证明满{days}日后预约", permit, today
        )
        if denied:
            return denied
    last_close = histories[subject].last_failed_close
    if subject in SKILL_SUBJECTS and last_close is not None:
        denied = _wait_until(
            last_close.date() + timedelta(days=RETAKE_INTERVAL_DAYS),
            retake_wait_reason(subject, histories[subject]),
            permit,
            today,
        )
        if denied:
            return denied
    return Eligibility(True, "", today)


def after_failed_booking(permit: PermitFacts, attempts: Sequence[ExamAttempt], subject: int) -> str:
    """What a booking that has just ended failed (``attempts`` include its last one) means for the
    next: the rule 科目确认 will apply, said in the result notice."""
    current, _ = _current(permit, attempts, ())
    history = subject_history(current, subject)
    if void := used_up({subject: history}):
        return void
    if subject in SKILL_SUBJECTS and history.last_failed_close is not None:
        opens = history.last_failed_close.date() + timedelta(days=RETAKE_INTERVAL_DAYS)
        if opens > permit.valid_to:
            return (f"须{RETAKE_INTERVAL_DAYS}日后重新预约，已超出学习驾驶证明有效期（至{format_date(permit.valid_to)}），"
                    "请重新申请")
        return f"须{RETAKE_INTERVAL_DAYS}日后重新预约，{format_date(opens)}起可以预约"
    return "可重新预约考试"


def last_booking_warning(permit: PermitFacts, attempts: Sequence[ExamAttempt], subject: int) -> str:
    """The warning before the 5th booking of 科目二/科目三 after four failed ones ("" otherwise)."""
    current, _ = _current(permit, attempts, ())
    if subject not in SKILL_SUBJECTS or subject_history(current, subject).failed_bookings != MAX_FAILED_BOOKINGS - 1:
        return ""
    return (f"这是您{SUBJECT_NAMES[subject]}第{MAX_FAILED_BOOKINGS}次预约考试，如考试和补考仍不合格，"
            "已考合格的科目成绩作废，须重新申请机动车驾驶证。")


def bookable_subjects(
    id_number: str,
    permit: PermitFacts,
    attempts: Sequence[ExamAttempt],
    bookings: Sequence[BookingFact],
    today: date,
) -> list[tuple[int, Eligibility]]:
    """Every subject with its eligibility, in subject order (for the 科目确认 step)."""
    return [(s, eligibility(id_number, permit, attempts, bookings, s, today)) for s in SUBJECTS]


def cancellation_check(booking: BookingFact, today: date) -> Eligibility:
    """May the citizen cancel ``booking`` online today?

    A pending application may be withdrawn until allocation; a placed normal booking up to
    the day before the exam; a priority booking only at a counter, a day ahead.
    """
    if booking.status not in OPEN_STATUSES:
        return _deny("该预约已结束，无需取消")
    if booking.priority:
        return _deny("优先预约不能在网上取消，因故不能参加考试的，请至少提前一日到车管所申请取消")
    if booking.status == "placed" and booking.exam_at is not None and booking.exam_at.date() <= today:
        return _deny("取消预约须在考试前一日及以前办理，今日已不能取消")
    return Eligibility(True, "", today)
