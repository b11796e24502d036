"""考试管理: exam plans and their sessions, with the rules a plan must keep.

A plan is one office's exams of one subject on one day (ExamPlan); its sessions (ExamSession)
are at the office's sites. The form is one session with its plan's booking window:
- the plan is published (booking opens) at least 10 days before the exam (RULES.md);
  booking opens < result-publication day (allocation) < exam day; a new plan's booking opens
  today or later (a day gone by would open it at once), a plan already open keeps its day;
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
- a session whose exam day has gone by, or that has started (its start time come on its day), or
  whose plan is allocated (该计划已安排考试，不能修改: its applications are decided), changes no more
  (nor, through it, its plan's window), and a plan whose results are published (allocated) takes no
  new session: nobody could book it;
- an edit is saved only over the values its form loaded (SessionForm.loaded): another counter's
  save in between is told (该场次已被其他工作人员修改), not silently undone.
The checks of the form and the window are in kiosk.services.exam_session_rules; this module lists,
saves and audits.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select

from ..db.models import ExamPlan, ExamSession, ExamSite
from ..domain.errors import DomainError, FormProblems, NotFound
from ..domain.exam import SUBJECT_NAMES
from . import audit, plan_counts
from . import exam_session_rules as rules
from .env import Env
from .permissions import EXAM, actor, authorise, permitted
from .staff import StaffSession

OPENS_AT = time(9, 0)
Shown = tuple[tuple[str, str], ...]  # (label, value) of what an edit may change, as _audited writes it


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
    # an edit: the session's values and its plan's window as the form loaded them (shown); compared,
    # in the write transaction, with what the save would overwrite. None: not compared (a new session)
    loaded: Shown | None = None


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
    state: str  # 未开放 / 预约中 / 待安排 / 逾期 / 已安排 (plan_state)

    @property
    def subject_name(self) -> str:
        return SUBJECT_NAMES.get(self.subject, str(self.subject))


OVERDUE = "逾期"  # the plan's publication day has passed and it was never allocated


def plan_state(p: ExamPlan, now: datetime) -> str:
    """Where the plan stands now: booking not open yet, open, closed on its publication day and
    waiting for allocation (`kiosk allocate`), its publication day gone by with no allocation run
    (the clerk should run it: 逾期), or allocated."""
    if p.allocated_at is not None:
        return "已安排"
    if p.publish_on < now.date():
        return OVERDUE
    if p.publish_on == now.date():
        return "待安排"
    return "未开放" if p.booking_opens_at > now else "预约中"



def sites(env: Env, staff: StaffSession | None) -> list[tuple[str, int]]:
    """The sites the session form offers. The staff row is checked again, as by every counter
    service: a clerk deactivated (or no longer 考试管理) since sign-in reads no more."""
    with env.db.read() as s:
        authorise(s, env, staff, *EXAM, doing="查看考场列表")
        return [(n, i) for i, n in s.execute(select(ExamSite.id, ExamSite.name).order_by(ExamSite.id))]


def list_sessions(env: Env, staff: StaffSession | None, date_from: str, date_to: str) -> list[SessionRow]:
    """Live counts of the sessions between the two days (at most 31 days)."""
    permitted(env, staff, *EXAM, doing="查询考试场次")  # a refusal before the dates' messages
    today = env.clock.now().date()  # the example both fields' format messages name (a range may be one day)
    start, end = (rules.typed_day(date_from, "date_from", "开始日期", today),
                  rules.typed_day(date_to, "date_to", "结束日期", today))
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
            held = rules.held(s, f.session_id)  # locked: no other save between the comparison and this one
            rules.not_past(held, now)
            if held is not None:  # then one changed by another counter since this form loaded it
                rules.unchanged_since(f.loaded, _audited(held, held.plan))
        site = s.get(ExamSite, f.site_id) if f.site_id is not None else None

        def overlap(day: date, begins: time, subject: int) -> None:  # told with the fields' problems
            if site is not None:
                rules.check_overlap(s, site.id, day, subject, begins, f.session_id)

        def plan_of(day: date, subject: int) -> ExamPlan | None:  # the plan a new session joins
            return None if site is None else s.scalar(select(ExamPlan).where(
                ExamPlan.office_id == site.office_id, ExamPlan.subject == subject, ExamPlan.exam_date == day))

        exam_day, start, subject, classes, seats, quota = rules.checked(
            f, now.date(), overlap, lambda day, subject: site is not None and plan_of(day, subject) is None)
        if site is None:
            raise NotFound("未找到该考场", "site")
        x = rules.existing(s, f.session_id, site.id, exam_day, subject, start, classes)
        plan = x.plan if x is not None else plan_of(exam_day, subject)
        if x is None and plan is not None and plan.allocated_at is not None:
            raise DomainError(f"该考场当日{SUBJECT_NAMES[subject]}的考试计划已公布预约结果，不能再新增场次"
                              "（新场次无法再被预约）", "exam_date")
        # what is still wrong, told at once (tester: the plan's window, then the overlap, a round each)
        problems = FormProblems()
        if x is not None and (seats < x.placed):
            problems.add(f"考位数不能少于已安排的{x.placed}人", "seats")
        if x is not None and quota < x.priority_taken:
            problems.add(f"优先预约名额不能少于已占用的{x.priority_taken}个", "priority_quota")
        problems.check(rules.plan_window, f, plan, x is None, subject, exam_day, now)
        problems.check(rules.check_overlap, s, site.id, exam_day, subject, start, x.id if x is not None else None)
        problems.raise_found(rules.FIELDS)
        opens, publish = rules.window(f, plan, subject)
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
            if x.classes != classes:  # allowed while nobody has applied (rules.existing)
                recount.append(x)
            x.start_time, x.classes, x.seats, x.priority_quota = start, classes, seats, quota
        s.flush()
        for session in {id(r): r for r in recount}.values():  # those already waiting that it fits
            session.applicants = plan_counts.waiting_for(s, session, plan)
        audit.record(s, env, actor=actor(staff), role=role, action=action,  # type: ignore[arg-type]
                     detail=f"场次{x.id} 计划{plan.id} {site.name} {exam_day} {start:%H:%M} "
                            f"{SUBJECT_NAMES[subject]} {classes} 考位{seats} 优先名额{quota} 公布{publish}"
                            + (f"；{edit_text(before, _audited(x, plan))}" if f.session_id is not None else ""))
        return _row(x, plan, site.name, now)


def shown(r: SessionRow) -> Shown:
    """A listed session as its form loads it, for SessionForm.loaded."""
    return tuple(_values(r.start_time, r.classes, r.seats, r.priority_quota, r.opens_on, r.publish_on).items())


def _audited(x: ExamSession, plan: ExamPlan) -> dict[str, str]:
    """What an edit may change, as the audit entry writes it."""
    return _values(x.start_time, x.classes, x.seats, x.priority_quota, plan.booking_opens_at.date(), plan.publish_on)


def _values(start: time, classes: str, seats: int, quota: int, opens: date, publish: date) -> dict[str, str]:
    return {"开考": f"{start:%H:%M}", "车型": classes, "考位": str(seats), "优先名额": str(quota),
            "开放预约": f"{opens:%Y-%m-%d}", "公布": f"{publish}"}


def edit_text(before: Mapping[str, str], after: Mapping[str, str]) -> str:
    """What an edit changed, each field in the form's words with its old and new value
    (已修改：考位数由30改为40，优先预约名额由4改为1), or 未作修改: the same words in the line the clerk
    reads after 保存场次 and in the audit entry (which wrote 变更：考位由30改为40 / 未变更)."""
    changed = rules.changes(before.items(), after)
    return f"已修改：{'，'.join(changed)}" if changed else "未作修改"
