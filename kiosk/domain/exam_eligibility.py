"""Who may book an exam subject, or cancel a booking, online (RULES.md "Exam booking"): the checks of
``eligibility`` in their order, the 5-booking limit, and what a failed booking means for the next.

Over the facts and the history reading of kiosk.domain.exam (its docstring says what counts); pure, as
that module is: ``today`` comes from the caller."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable, Sequence

from .dates import anniversary, format_date
from .exam import (AGE_LIMITS, MAX_FAILED_BOOKINGS, OPEN_STATUSES, PREREQUISITES, RETAKE_INTERVAL_DAYS, SKILL_SUBJECTS,
                   SUBJECT_NAMES, SUBJECTS, BookingFact, Eligibility, ExamAttempt, PermitFacts, SubjectHistory,
                   subject_history, wait_days)
from .ids import age_on, birth_date
from .licence import CLASS_NAMES, ONLINE_BOOKABLE


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
    prerequisites (all those not passed), an open booking for the subject, waiting period, 10-day re-booking.
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
    # every prerequisite not yet passed, in their order: 科目四 without 科目一 needs 科目三 too (it said
    # 须先通过科目一 alone, as if passing it were enough)
    if missing := [SUBJECT_NAMES[pre] for pre in PREREQUISITES[subject] if not histories[pre].passed]:
        return _deny(f"须先通过{'、'.join(missing)}考试，才能预约{name}")
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
