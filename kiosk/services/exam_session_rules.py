"""考试管理: the checks a session form and its plan's booking window must pass before save_session
(kiosk.services.exam_admin, whose docstring lists the rules) writes anything: each field read as typed,
the window's order and the 10 days' notice, exam hours, no overlap at a site, and what a session already
applied for (or held) may no longer change."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import ExamPlan, ExamSession
from ..domain.errors import Conflict, DomainError, FormProblems, NotFound
from ..domain.exam import SUBJECT_NAMES
from ..domain.licence import CLASSES, parse_classes
from ..domain.typed import parse_time, required_date
from .date_examples import format_text

if TYPE_CHECKING:
    from .exam_admin import SessionForm

MIN_PUBLISH_DAYS = 10
SESSION_MINUTES = 180
FIRST_START, LAST_START = time(7, 0), time(18, 0)  # exam hours: a 3-hour session ends by 21:00
# the session form's fields in the form's order: several problems are told in it (FieldErrors)
FIELDS = ("site", "exam_date", "start_time", "subject", "classes", "seats", "priority_quota", "opens_on", "publish_on")


EXAMPLE_NOTICE_DAYS = MIN_PUBLISH_DAYS + 4  # the example's exam day: a few days more than the notice asks
EXAMPLE_PUBLISH_DAYS = 2  # the example's results published this long before its exam day (as the demo's plans)


def example_plan(today: date) -> dict[str, date]:
    """A new plan's 开放预约日期, 结果公布日期 and 考试日期 (by field) the session form accepts ``today``
    (in_order, notice), shown as 考试日期's example and named by the format messages: booking opens
    today, the exam EXAMPLE_NOTICE_DAYS on, the results EXAMPLE_PUBLISH_DAYS before it."""
    exam = today + timedelta(days=EXAMPLE_NOTICE_DAYS)
    return {"opens_on": today, "publish_on": exam - timedelta(days=EXAMPLE_PUBLISH_DAYS), "exam_date": exam}


def typed_day(text: str, field: str, label: str, example: date | None = None) -> date:
    """Nothing typed: 请输入{label}; not a date: 请按 {example} 的格式输入{label} (date_examples)."""
    return required_date(text, field, label, format_text(example, label))


def _int(text: str, field: str, label: str, low: int, high: int) -> int:
    if not text.strip():  # nothing typed: asked for, as a date is
        raise DomainError(f"请输入{label}", field)
    try:
        value = int(text.strip())
    except ValueError:
        raise DomainError(f"{label}须为整数", field) from None
    if not low <= value <= high:
        raise DomainError(f"{label}须在{low}到{high}之间", field)
    return value


def _time(text: str) -> time:
    if not text.strip():
        raise DomainError("请输入开考时间", "start_time")
    start = parse_time(text)
    if start is None:
        raise DomainError("请按 08:30 的格式输入开考时间", "start_time")
    if not FIRST_START <= start <= LAST_START:
        end = (datetime.combine(date.min, LAST_START) + timedelta(minutes=SESSION_MINUTES)).time()
        raise DomainError(f"开考时间须在{FIRST_START:%H:%M}到{LAST_START:%H:%M}之间"
                          f"（每场考试{SESSION_MINUTES // 60}小时，最晚{end:%H:%M}结束）", "start_time")
    return start


PAST_SESSION = "该场次考试日期已过，不能修改"
STARTED_SESSION = "该场次考试已开始，不能修改"
ALLOCATED_SESSION = "该计划已安排考试，不能修改"


def locked(exam_day: date, start: time, now: datetime, allocated: bool = False) -> tuple[str, str] | None:
    """Why a session can no longer be changed, or None: its exam day has gone by, or it is the exam
    day and the session has started (its start time come), or its plan is ``allocated`` (results
    published: its applications are decided, its seats and quota no longer offered to anyone). Before
    the start, the day itself still may. (PAST_SESSION, STARTED_SESSION or ALLOCATED_SESSION, the same
    with the day, the time or the allocation that decided it)."""
    if exam_day < now.date():
        return PAST_SESSION, f"{PAST_SESSION}（考试日期{exam_day:%Y-%m-%d}，今天是{now:%Y-%m-%d}）"
    if exam_day == now.date() and now.time() >= start:
        return STARTED_SESSION, f"{STARTED_SESSION}（开考时间{exam_day:%Y-%m-%d} {start:%H:%M}，现在是{now:%H:%M}）"
    if allocated:
        return ALLOCATED_SESSION, f"{ALLOCATED_SESSION}（预约结果已公布，考位和优先预约名额不再变动）"
    return None


def not_past(x: ExamSession | None, now: datetime) -> None:
    """A session whose exam day has gone by, that has started on its day, or whose plan is allocated,
    is kept as it was held: its seats, quota, time and classes, and its plan's booking window, no longer
    change (before its start on the day itself, in a plan still to allocate, they still may). Before
    the allocation the quota keeps to the priority seats taken and the seats to those placed
    (exam_admin.save_session), as the CHECK constraints on exam_sessions demand."""
    reason = locked(x.exam_date, x.start_time, now, x.plan.allocated_at is not None) if x is not None else None
    if reason is not None:
        raise DomainError(reason[1], "session")


def held(s: Session, session_id: int) -> ExamSession | None:
    """The session being edited, read with its plan locked, the plan first as an allocation run locks
    them (PostgreSQL: FOR UPDATE; SQLite's write transaction, BEGIN IMMEDIATE, keeps other writers out
    already): what unchanged_since compares is what the save overwrites. None: no such session."""
    plan_id = s.scalar(select(ExamSession.plan_id).where(ExamSession.id == session_id))
    if plan_id is None:
        return None
    s.get(ExamPlan, plan_id, with_for_update=True)
    return s.get(ExamSession, session_id, with_for_update=True)


# the session form's words for what an edit may change (exam_admin._values' keys)
EDIT_LABELS = {"开考": "开考时间", "车型": "准考车型", "考位": "考位数", "优先名额": "优先预约名额",
               "开放预约": "开放预约日期", "公布": "结果公布日期"}


def changes(before: Iterable[tuple[str, str]], after: Mapping[str, str]) -> list[str]:
    """Each value that differs, in the form's words: 考位数由30改为40 (no arrow: it is an
    ambiguous-width character in CJK terminals). One wording for the save line, the audit entry
    (exam_admin.edit_text) and the refusal of a stale edit (unchanged_since)."""
    return [f"{EDIT_LABELS.get(k, k)}由{v}改为{after.get(k)}" for k, v in before if after.get(k) != v]


def unchanged_since(loaded: tuple[tuple[str, str], ...] | None, now: dict[str, str]) -> None:
    """An edit saves over the values its form loaded, or is refused (Conflict, said by the form): the
    form would otherwise put back what another counter saved since (the values it still shows)."""
    changed = changes(loaded or (), now)
    if changed:
        raise Conflict(f"该场次已被其他工作人员修改（{'，'.join(changed)}），请重新查询后再修改", "session")


def checked(f: SessionForm, today: date, overlap: Callable[[date, time, int], None] | None = None,
            new_plan: Callable[[date, int], bool] | None = None) -> tuple[date, time, int, str, int, int]:
    """The fields checked without the database, every wrong one told at once (FieldErrors); a form
    refused for them is told the window's rules too where its typed dates judge them (typed_window),
    a new session's opening day gone by when ``new_plan(exam_day, subject)`` says its plan is new
    (opens_from_today), and ``overlap(exam_day, start, subject)``'s problem when the site, the day,
    the time and the subject it needs are right (tester: 与本考场08:30开考的科目二场次时间重叠 came a
    round later)."""
    problems = FormProblems()
    if f.site_id is None:
        problems.add("请选择考场", "site")
    examples = example_plan(today)
    exam_day = problems.check(typed_day, f.exam_date, "exam_date", "考试日期", examples["exam_date"])
    if exam_day is not None and exam_day < today and f.session_id is None:
        problems.add(f"考试日期已过（今天是{today:%Y-%m-%d}），请输入今天以后的日期", "exam_date")
    start = problems.check(_time, f.start_time)
    subject = problems.check(_int, f.subject, "subject", "科目", 1, 4)
    classes = problems.check(_classes, f.classes)
    seats = problems.check(_int, f.seats, "seats", "考位数", 1, 999)
    quota = problems.check(_int, f.priority_quota, "priority_quota", "优先预约名额", 0, 999)
    if seats is not None and quota is not None and quota > seats:
        problems.add("优先预约名额不能超过考位数", "priority_quota")
    # left empty: asked for (or the plan's taken) once the plan is known
    opens, publish = (problems.check(typed_day, text, field, label, examples[field]) if text.strip() else None
                      for text, field, label in ((f.opens_on, "opens_on", "开放预约日期"),
                                                 (f.publish_on, "publish_on", "结果公布日期")))
    if problems.problems:  # refused in this round: not a second round for the window's own rules
        typed_window(problems, opens, publish, exam_day, today)
        if (opens is not None and opens < today and f.session_id is None and new_plan is not None
                and exam_day is not None and subject is not None and new_plan(exam_day, subject)):
            problems.check(opens_from_today, opens, today)
        if overlap is not None and f.site_id is not None and None not in (exam_day, start, subject):
            problems.check(overlap, exam_day, start, subject)
    problems.raise_found(FIELDS)
    assert None not in (exam_day, start, subject, classes, seats, quota)
    return exam_day, start, subject, classes, seats, quota  # type: ignore[return-value]


def _classes(text: str) -> str:
    try:
        classes = "".join(parse_classes(text))
    except ValueError:
        raise DomainError(f"准考车型有误，应为 {'、'.join(CLASSES)} 中的一个或几个，如 C1C2", "classes") from None
    if not classes:
        raise DomainError("请输入准考车型，如 C1C2", "classes")
    return classes


def existing(s: Session, session_id: int | None, site_id: int, day: date, subject: int, start: time,
              classes: str) -> ExamSession | None:
    if session_id is None:
        return None
    x = s.get(ExamSession, session_id)
    if x is None:
        raise NotFound("未找到该考试场次")
    if (x.site_id, x.exam_date, x.subject) != (site_id, day, subject):
        raise DomainError("已建场次不能更改考场、考试日期和科目；如需调整，请新建场次", "exam_date")
    if (x.start_time, x.classes) != (start, classes) and (x.applicants or x.placed):
        raise DomainError("该场次已有人预约，不能再更改开考时间和准考车型", "start_time")
    return x


def window(f: SessionForm, plan: ExamPlan | None, subject: int) -> tuple[date, date]:
    """The typed booking window; both dates left empty: the existing plan's (a new session joins it).
    A date left empty is asked for with the reason: no plan gives it, or only both empty take the plan's."""
    if plan is not None and not f.opens_on.strip() and not f.publish_on.strip():
        return plan.booking_opens_at.date(), plan.publish_on

    def typed(text: str, field: str, label: str) -> date:
        if text.strip():
            return typed_day(text, field, label)
        if plan is None:
            raise DomainError(f"该考场当日{SUBJECT_NAMES[subject]}还没有考试计划，请填写{label}", field)
        raise DomainError(f"请填写{label}（两项均留空即沿用该考试计划的日期）", field)

    return typed(f.opens_on, "opens_on", "开放预约日期"), typed(f.publish_on, "publish_on", "结果公布日期")


def same_window(plan: ExamPlan, opens: date, publish: date) -> None:
    """A new session joins the plan of its office, day and subject: it cannot move the booking
    window of the sessions already in it (change that by editing one of them)."""
    if (plan.booking_opens_at.date(), plan.publish_on) == (opens, publish):
        return
    raise DomainError(f"该考场当日{SUBJECT_NAMES[plan.subject]}已有考试计划，开放预约日期为"
                      f"{plan.booking_opens_at:%Y-%m-%d %H:%M}，结果公布日期为{plan.publish_on:%Y-%m-%d}；"
                      "新场次须与之相同（两项均留空即沿用）", "opens_on" if plan.booking_opens_at.date() != opens else "publish_on")


def typed_window(problems: FormProblems, opens: date | None, publish: date | None, exam_day: date | None,
                 today: date) -> None:
    """The window's order and 10 days' notice, judged from the typed dates alone for a form refused
    for other fields (checked), so they are told in the same round. Not with a date missing or
    wrong, but the window's two dates' own order is told with the exam date left out or wrong
    (tester: 开放 12-20 after 公布 12-10 was said only once 2026-13-40 was corrected); the notice only for an
    opening day from today on: an earlier one may be that of the plan the session joins, which keeps
    its window (check_window's ``unchanged``) and the notice it had."""
    if opens is None:
        return
    if publish is not None:
        problems.check(in_order, opens, publish, exam_day)
    if exam_day is None:
        return
    if opens >= today:
        problems.check(notice, opens, publish, exam_day, today)


def opens_from_today(opens: date, today: date) -> None:
    """A new plan's 开放预约日期 is today or later: a day gone by would open booking at once, unasked
    (the plan a new session joins, or one being edited, keeps the day it opened: check_window)."""
    if opens < today:
        raise DomainError(f"开放预约日期不能早于今天（{today:%Y-%m-%d}）", "opens_on")


def in_order(opens: date, publish: date, exam_day: date | None) -> None:
    """The window's order; with no exam day (not typed, or wrong), of the window's two dates alone."""
    if not (opens < publish if exam_day is None else opens < publish < exam_day):
        raise DomainError("须满足：开放预约日期 < 预约结果公布日期 < 考试日期", "publish_on")


def notice(opens: date, publish: date | None, exam_day: date, today: date) -> None:
    """Published (booking open) at least MIN_PUBLISH_DAYS before the exam; results not published in the past."""
    published = max(opens, today)  # a plan opened in the past is published today
    latest = exam_day - timedelta(days=MIN_PUBLISH_DAYS)
    if (opens < today or latest < today) and (exam_day - published).days < MIN_PUBLISH_DAYS:
        # no opening day left to suggest (the latest one is past): the exam day itself is too close
        if exam_day < today:
            raise DomainError(f"考试日期已过（今天是{today:%Y-%m-%d}）", "exam_date")
        raise DomainError(f"考试日期过近：今天公布的考试计划，考试日期最早为"
                          f"{today + timedelta(days=MIN_PUBLISH_DAYS):%Y-%m-%d}", "exam_date")
    if (exam_day - published).days < MIN_PUBLISH_DAYS:
        raise DomainError(f"考试计划须至少在考试前{MIN_PUBLISH_DAYS}日公布（开放预约），"
                          f"最晚应于{latest:%Y-%m-%d}开放预约", "opens_on")
    if publish is not None and publish < today:
        raise DomainError("预约结果公布日期不能早于今天", "publish_on")


def plan_window(f: SessionForm, plan: ExamPlan | None, new: bool, subject: int, exam_day: date,
                now: datetime) -> None:
    """The booking window typed (window), for a ``new`` session in an existing plan the plan's own
    (same_window), else as check_window judges it."""
    opens, publish = window(f, plan, subject)
    if new and plan is not None:  # first: only the plan's own window is possible
        same_window(plan, opens, publish)
    check_window(plan, opens, publish, exam_day, now)


def check_window(plan: ExamPlan | None, opens: date, publish: date, exam_day: date, now: datetime) -> None:
    """The window of the plan as it will be saved: for a new plan (``plan`` None) booking opening
    today or later, the order and, for a window set or changed, the notice, told at once (FieldErrors)
    when several are broken."""
    if plan is not None and plan.allocated_at is not None:
        if (plan.booking_opens_at.date(), plan.publish_on) != (opens, publish):
            raise DomainError("该考试计划已公布预约结果，不能再更改预约时间", "opens_on")
        return
    unchanged = plan is not None and (plan.booking_opens_at.date(), plan.publish_on) == (opens, publish)
    problems = FormProblems()
    if plan is None:  # a new plan: booking opens when the clerk says, never at once by a day gone by
        problems.check(opens_from_today, opens, now.date())
    problems.check(in_order, opens, publish, exam_day)
    if not unchanged:
        problems.check(notice, opens, publish, exam_day, now.date())
    problems.raise_found(FIELDS)


def check_overlap(s: Session, site_id: int, day: date, subject: int, start: time, own_id: int | None) -> None:
    begin = datetime.combine(day, start)
    for other_id, other in s.execute(select(ExamSession.id, ExamSession.start_time).where(
            ExamSession.site_id == site_id, ExamSession.exam_date == day, ExamSession.subject == subject)):
        if other_id != own_id and abs((datetime.combine(day, other) - begin).total_seconds()) < SESSION_MINUTES * 60:
            raise DomainError(f"与本考场{other:%H:%M}开考的{SUBJECT_NAMES[subject]}场次时间重叠"
                              f"（每场{SESSION_MINUTES // 60}小时）", "start_time")
