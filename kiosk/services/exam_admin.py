"""考试管理: exam plans and their sessions, with the rules a plan must keep.

A plan is one office's exams of one subject on one day (ExamPlan); its sessions (ExamSession)
are at the office's sites. The form is one session with its plan's booking window:
- the plan is published (booking opens) at least 10 days before the exam (RULES.md);
  booking opens < result-publication day (allocation) < exam day;
- seats never below those already placed, the priority quota never below the priority seats
  taken, and the quota within the seats;
- no two sessions of one subject at one site overlap (a session lasts SESSION_MINUTES);
- a new session in an existing plan takes the plan's booking window as it is (both dates left
  empty take it; other dates are refused before any other window rule); editing a session
  changes its plan's window;
- a session starts within exam hours (FIRST_START to LAST_START);
- a session keeps its site, day and subject; its time and classes change only while nobody
  has applied for it; an allocated plan keeps its dates, and so does a plan anyone has applied
  in; a session added to an open plan counts the applications already waiting that it fits
  (kiosk.services.plan_counts);
- a session whose exam day has gone by changes no more (nor, through it, its plan's window),
  and a plan whose results are published (allocated) takes no new session: nobody could book it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import ExamPlan, ExamSession, ExamSite
from ..domain.errors import DomainError, FormProblems, NotFound
from ..domain.exam import SUBJECT_NAMES
from ..domain.licence import CLASSES, parse_classes
from ..domain.typed import date_or_error, parse_time
from . import audit, plan_counts
from .env import Env
from .permissions import EXAM, actor, authorise, permitted
from .staff import StaffSession

MIN_PUBLISH_DAYS = 10
SESSION_MINUTES = 180
OPENS_AT = time(9, 0)
FIRST_START, LAST_START = time(7, 0), time(18, 0)  # exam hours: a 3-hour session ends by 21:00


@dataclass(frozen=True)
class SessionForm:
    site_id: int | None
    exam_date: str
    start_time: str
    subject: str
    classes: str
    seats: str
    priority_quota: str
    opens_on: str
    publish_on: str
    session_id: int | None = None


@dataclass(frozen=True)
class SessionRow:
    id: int
    plan_id: int
    site_id: int
    site: str
    exam_date: date
    start_time: time
    subject: int
    classes: str
    seats: int
    priority_quota: int
    applicants: int  # ExamSession.applicants: includes 服从系统安排 applications covering it
    priority_taken: int
    placed: int
    opens_on: date
    publish_on: date
    allocated: bool
    state: str  # 未开放 / 预约中 / 待安排 / 已安排 (plan_state)

    @property
    def subject_name(self) -> str:
        return SUBJECT_NAMES.get(self.subject, str(self.subject))


def plan_state(p: ExamPlan, now: datetime) -> str:
    """Where the plan stands now: booking not open yet, open, closed on its publication day and
    waiting for allocation (`kiosk allocate`), or allocated."""
    if p.allocated_at is not None:
        return "已安排"
    if p.publish_on <= now.date():
        return "待安排"
    return "未开放" if p.booking_opens_at > now else "预约中"


def _day(text: str, field: str, label: str) -> date:
    if not text.strip():  # nothing typed is no format error
        raise DomainError(f"请输入{label}", field)
    return date_or_error(text, field, f"请按 2027-01-15 的格式输入{label}")


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


def sites(env: Env, staff: StaffSession | None) -> list[tuple[str, int]]:
    """The sites the session form offers. The staff row is checked again, as by every counter
    service: a clerk deactivated (or no longer 考试管理) since sign-in reads no more."""
    with env.db.read() as s:
        authorise(s, env, staff, *EXAM, doing="查看考场列表")
        return [(n, i) for i, n in s.execute(select(ExamSite.id, ExamSite.name).order_by(ExamSite.id))]


def list_sessions(env: Env, staff: StaffSession | None, date_from: str, date_to: str) -> list[SessionRow]:
    """Live counts of the sessions between the two days (at most 31 days)."""
    permitted(env, staff, *EXAM, doing="查询考试场次")  # a refusal before the dates' messages
    start, end = _day(date_from, "date_from", "开始日期"), _day(date_to, "date_to", "结束日期")
    if end < start or (end - start).days > 31:
        raise DomainError("结束日期须在开始日期之后，且查询范围不超过31天", "date_to")
    with env.db.read() as s:
        authorise(s, env, staff, *EXAM, doing="查询考试场次")
        q = (select(ExamSession, ExamPlan, ExamSite.name).join(ExamPlan, ExamPlan.id == ExamSession.plan_id)
             .join(ExamSite, ExamSite.id == ExamSession.site_id)
             .where(ExamSession.exam_date.between(start, end))
             .order_by(ExamSession.exam_date, ExamSession.site_id, ExamSession.subject, ExamSession.start_time))
        now = env.clock.now()
        return [_row(x, p, n, now) for x, p, n in s.execute(q)]


def _row(x: ExamSession, p: ExamPlan, site: str, now: datetime) -> SessionRow:
    return SessionRow(x.id, p.id, x.site_id, site, x.exam_date, x.start_time, x.subject, x.classes, x.seats,
                      x.priority_quota, x.applicants, x.priority_taken, x.placed, p.booking_opens_at.date(),
                      p.publish_on, p.allocated_at is not None, plan_state(p, now))


def save_session(env: Env, staff: StaffSession | None, f: SessionForm) -> SessionRow:
    """Create (``session_id`` None) or edit a session and its plan's window; one transaction."""
    now = env.clock.now()
    action = "exam_session_save" if f.session_id else "exam_session_create"
    with env.db.write() as s:
        role = authorise(s, env, staff, *EXAM, doing=audit.action_name(action))
        if f.session_id is not None:  # a past session first: no field of it may change, however typed
            _not_past(s.get(ExamSession, f.session_id), now.date())
        exam_day, start, subject, classes, seats, quota = _checked(f, now.date())
        site = s.get(ExamSite, f.site_id)
        if site is None:
            raise NotFound("未找到该考场", "site")
        x = _existing(s, f.session_id, site.id, exam_day, subject, start, classes)
        if x is not None and (seats < x.placed):
            raise DomainError(f"考位数不能少于已安排的{x.placed}人", "seats")
        if x is not None and quota < x.priority_taken:
            raise DomainError(f"优先预约名额不能少于已占用的{x.priority_taken}个", "priority_quota")
        plan = x.plan if x is not None else s.scalar(select(ExamPlan).where(
            ExamPlan.office_id == site.office_id, ExamPlan.subject == subject, ExamPlan.exam_date == exam_day))
        if x is None and plan is not None and plan.allocated_at is not None:
            raise DomainError(f"该考场当日{SUBJECT_NAMES[subject]}的考试计划已公布预约结果，不能再新增场次"
                              "（新场次无法再被预约）", "exam_date")
        opens, publish = _window(f, plan, subject)
        if x is None and plan is not None:  # first: only the plan's own window is possible
            _same_window(plan, opens, publish)
        _check_window(plan, opens, publish, exam_day, now)
        _check_overlap(s, site.id, exam_day, subject, start, x.id if x is not None else None)
        before = _audited(x, plan) if x is not None else {}
        recount: list[ExamSession] = []  # sessions whose waiting applications may have changed
        if plan is not None and plan.allocated_at is None:
            window = datetime.combine(opens, OPENS_AT), publish
            if (plan.booking_opens_at, plan.publish_on) != window:
                if plan_counts.has_applicants(s, plan):
                    raise DomainError(plan_counts.WINDOW_LOCKED, "opens_on")
                recount += plan.sessions  # nobody counted yet; who is, depends on the window
            plan.booking_opens_at, plan.publish_on = window
        elif plan is None:
            plan = ExamPlan(office_id=site.office_id, subject=subject, exam_date=exam_day,
                            booking_opens_at=datetime.combine(opens, OPENS_AT), publish_on=publish)
            s.add(plan)
        if x is None:
            x = ExamSession(plan=plan, site_id=site.id, exam_date=exam_day, start_time=start, subject=subject,
                            classes=classes, seats=seats, priority_quota=quota)
            s.add(x)
            recount.append(x)
        else:
            if x.classes != classes:  # allowed while nobody has applied (_existing)
                recount.append(x)
            x.start_time, x.classes, x.seats, x.priority_quota = start, classes, seats, quota
        s.flush()
        for session in {id(r): r for r in recount}.values():  # those already waiting that it fits
            session.applicants = plan_counts.waiting_for(s, session, plan)
        audit.record(s, env, actor=actor(staff), role=role, action=action,  # type: ignore[arg-type]
                     detail=f"场次{x.id} 计划{plan.id} {site.name} {exam_day} {start:%H:%M} "
                            f"{SUBJECT_NAMES[subject]} {classes} 考位{seats} 优先名额{quota} 公布{publish}"
                            + _changes(before, _audited(x, plan)))
        return _row(x, plan, site.name, now)


PAST_SESSION = "该场次考试日期已过，不能修改"


def _not_past(x: ExamSession | None, today: date) -> None:
    """A session whose exam day has gone by is kept as it was held: its seats, quota, time and
    classes, and its plan's booking window, no longer change (the day itself still may)."""
    if x is not None and x.exam_date < today:
        raise DomainError(f"{PAST_SESSION}（考试日期{x.exam_date:%Y-%m-%d}，今天是{today:%Y-%m-%d}）", "session")


def _checked(f: SessionForm, today: date) -> tuple[date, time, int, str, int, int]:
    """The fields checked without the database, every wrong one told at once (FieldErrors)."""
    problems = FormProblems()
    if f.site_id is None:
        problems.add("请选择考场", "site")
    exam_day = problems.check(_day, f.exam_date, "exam_date", "考试日期")
    if exam_day is not None and exam_day < today and f.session_id is None:
        problems.add(f"考试日期已过（今天是{today:%Y-%m-%d}），请输入今天以后的日期", "exam_date")
    start = problems.check(_time, f.start_time)
    subject = problems.check(_int, f.subject, "subject", "科目", 1, 4)
    classes = problems.check(_classes, f.classes)
    seats = problems.check(_int, f.seats, "seats", "考位数", 1, 999)
    quota = problems.check(_int, f.priority_quota, "priority_quota", "优先预约名额", 0, 999)
    if seats is not None and quota is not None and quota > seats:
        problems.add("优先预约名额不能超过考位数", "priority_quota")
    for text, field, label in ((f.opens_on, "opens_on", "开放预约日期"), (f.publish_on, "publish_on", "结果公布日期")):
        if text.strip():  # left empty: asked for (or the plan's taken) once the plan is known
            problems.check(_day, text, field, label)
    problems.raise_found()
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


def _audited(x: ExamSession, plan: ExamPlan) -> dict[str, str]:
    """What an edit may change, as the audit entry writes it."""
    return {"开考": f"{x.start_time:%H:%M}", "车型": x.classes, "考位": str(x.seats), "优先名额": str(x.priority_quota),
            "开放预约": f"{plan.booking_opens_at:%Y-%m-%d}", "公布": f"{plan.publish_on}"}


def _changes(before: dict[str, str], after: dict[str, str]) -> str:
    """An edit's old and new values (" 变更：考位由30改为40，优先名额由3改为5"); "" for a new session
    or no change. No arrow: it is an ambiguous-width character in CJK terminals."""
    changed = [f"{k}由{v}改为{after[k]}" for k, v in before.items() if after[k] != v]
    return f" 变更：{'，'.join(changed)}" if changed else (" 未变更" if before else "")


def _existing(s: Session, session_id: int | None, site_id: int, day: date, subject: int, start: time,
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


def _window(f: SessionForm, plan: ExamPlan | None, subject: int) -> tuple[date, date]:
    """The typed booking window; both dates left empty: the existing plan's (a new session joins it).
    A date left empty is asked for with the reason: no plan gives it, or only both empty take the plan's."""
    if plan is not None and not f.opens_on.strip() and not f.publish_on.strip():
        return plan.booking_opens_at.date(), plan.publish_on

    def typed(text: str, field: str, label: str) -> date:
        if text.strip():
            return _day(text, field, label)
        if plan is None:
            raise DomainError(f"该考场当日{SUBJECT_NAMES[subject]}还没有考试计划，请填写{label}", field)
        raise DomainError(f"请填写{label}（两项均留空即沿用该考试计划的日期）", field)

    return typed(f.opens_on, "opens_on", "开放预约日期"), typed(f.publish_on, "publish_on", "结果公布日期")


def _same_window(plan: ExamPlan, opens: date, publish: date) -> None:
    """A new session joins the plan of its office, day and subject: it cannot move the booking
    window of the sessions already in it (change that by editing one of them)."""
    if (plan.booking_opens_at.date(), plan.publish_on) == (opens, publish):
        return
    raise DomainError(f"该考场当日{SUBJECT_NAMES[plan.subject]}已有考试计划，开放预约日期为"
                      f"{plan.booking_opens_at:%Y-%m-%d %H:%M}，结果公布日期为{plan.publish_on:%Y-%m-%d}；"
                      "新场次须与之相同（两项均留空即沿用）", "opens_on" if plan.booking_opens_at.date() != opens else "publish_on")


def _check_window(plan: ExamPlan | None, opens: date, publish: date, exam_day: date, now: datetime) -> None:
    if plan is not None and plan.allocated_at is not None:
        if (plan.booking_opens_at.date(), plan.publish_on) != (opens, publish):
            raise DomainError("该考试计划已公布预约结果，不能再更改预约时间", "opens_on")
        return
    unchanged = plan is not None and (plan.booking_opens_at.date(), plan.publish_on) == (opens, publish)
    if not opens < publish < exam_day:
        raise DomainError("须满足：开放预约日期 < 预约结果公布日期 < 考试日期", "publish_on")
    if unchanged:
        return
    published = max(opens, now.date())  # a plan opened in the past is published today
    latest = exam_day - timedelta(days=MIN_PUBLISH_DAYS)
    if (opens < now.date() or latest < now.date()) and (exam_day - published).days < MIN_PUBLISH_DAYS:
        # no opening day left to suggest (the latest one is past): the exam day itself is too close
        if exam_day < now.date():
            raise DomainError(f"考试日期已过（今天是{now.date():%Y-%m-%d}）", "exam_date")
        raise DomainError(f"考试日期过近：今天公布的考试计划，考试日期最早为"
                          f"{now.date() + timedelta(days=MIN_PUBLISH_DAYS):%Y-%m-%d}", "exam_date")
    if (exam_day - published).days < MIN_PUBLISH_DAYS:
        raise DomainError(f"考试计划须至少在考试前{MIN_PUBLISH_DAYS}日公布（开放预约），"
                          f"最晚应于{latest:%Y-%m-%d}开放预约", "opens_on")
    if publish < now.date():
        raise DomainError("预约结果公布日期不能早于今天", "publish_on")


def _check_overlap(s: Session, site_id: int, day: date, subject: int, start: time, own_id: int | None) -> None:
    begin = datetime.combine(day, start)
    for other_id, other in s.execute(select(ExamSession.id, ExamSession.start_time).where(
            ExamSession.site_id == site_id, ExamSession.exam_date == day, ExamSession.subject == subject)):
        if other_id != own_id and abs((datetime.combine(day, other) - begin).total_seconds()) < SESSION_MINUTES * 60:
            raise DomainError(f"与本考场{other:%H:%M}开考的{SUBJECT_NAMES[subject]}场次时间重叠"
                              f"（每场{SESSION_MINUTES // 60}小时）", "start_time")
