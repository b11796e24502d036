"""Read-only views of what the DMV holds for a citizen: licence and learner permit (驾驶证信息) and vehicles."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import DrivingLicence, Vehicle, Violation
from ..domain.exam import OPEN_STATUSES, SUBJECT_NAMES, SUBJECTS, subject_history
from ..domain.exam_eligibility import bookable_subjects, permit_used_up
from ..domain.licence import parse_classes, status_text
from ..domain.licence_delay import delay_notes, running_delays
from ..domain.review_education import ended_review_note
from ..domain.vehicle_docs import due_text
from .booking import Facts, active_permit, age_note, class_label, load_facts
from .elicence_steps import what_first
from .env import Env
from .licence_delay import delays_of, status_delayed_text, valid_to_text
from .education_facts import finished_in_cycle
from .licence_points import label_of, points_of, reviewed_of
from .review_education import KIND as REVIEW_KIND


@dataclass(frozen=True)
class LicenceView:
    archive_no: str
    classes: str
    status: str
    status_text: str
    first_issued_on: date
    valid_from: date
    valid_to: date
    issuing_authority: str
    points: int
    phone: str
    address: str
    delays: tuple[str, ...] = ()  # what its delays say today (licence_delay.delay_notes)
    first: str = ""  # 逾期未换证 / 逾期未审验 / 逾期未体检: what to do first (elicence_steps.what_first), else ""
    points_label: str = "本记分周期累积记分"  # or 累积记分（含上一记分周期转入） (licence_points.label_of)
    review: str = ""  # an ended cycle's 审验 still to do (domain.review_education.ended_review_note), else ""
    # 状态 and 有效期至 with each running delay's day as the e-licence card says them (为群众办理's summary):
    # 延期体检（延期至2028-01-01）, 2036-10-22（延期至2038-06-30） (licence_delay.status_delayed_text, valid_to_text)
    status_delayed: str = ""
    valid_to_delayed: str = ""

    @property
    def normal(self) -> bool:
        return self.status == "A"

    @property
    def points_text(self) -> str:
        """The points as every screen writes them, named as they count (本记分周期累积记分：4分, or
        累积记分（含上一记分周期转入）：12分): 我的驾驶证 and the counter's 为群众办理 alike."""
        return f"{self.points_label}：{self.points}分"


@dataclass(frozen=True)
class ViolationView:
    """An unhandled traffic violation: when, where, what, and what it costs."""

    occurred_at: datetime
    place: str
    behaviour: str
    points: int
    fine: int  # yuan


@dataclass(frozen=True)
class VehicleView:
    plate: str
    vehicle_type: str
    brand: str
    inspection_due: date
    insurance_due: date
    phone: str
    address: str
    unhandled_violations: int = 0
    today: date | None = None  # the day the view was read (for 已过期)
    violations: tuple[ViolationView, ...] = ()  # the unhandled ones, oldest first
    registered_on: date | None = None  # 初次登记日期 (None: not on record)
    use_nature: str = ""  # 使用性质

    @property
    def inspection_overdue(self) -> bool:
        return self.today is not None and self.inspection_due < self.today

    @property
    def insurance_expired(self) -> bool:
        return self.today is not None and self.insurance_due < self.today

    @property
    def registered_text(self) -> str:
        return f"{self.registered_on:%Y-%m-%d}" if self.registered_on else "无记录"  # not 未备案: 备案 is 备案非本人机动车's word

    @property
    def inspection_text(self) -> str:
        return due_text(self.inspection_due, self.today or self.inspection_due)

    @property
    def insurance_text(self) -> str:
        return due_text(self.insurance_due, self.today or self.insurance_due)


def licence_of(env: Env, account_id: int) -> LicenceView | None:
    with env.db.read() as s:
        return licence_in(s, env, account_id)


def licence_in(s: Session, env: Env, account_id: int) -> LicenceView | None:
    """licence_of within a read the caller holds (one read for a whole file on screen)."""
    lic = s.scalar(select(DrivingLicence).where(DrivingLicence.account_id == account_id))
    if lic is None:
        return None
    today = env.clock.now().date()
    known = delays_of(s, lic)
    delays = delay_notes(lic.status, known.granted, today, known.pending)
    first = what_first(today, lic.status, lic.valid_from, lic.valid_to)
    cycle = reviewed_of(lic, today)
    done = cycle.ended and finished_in_cycle(s, account_id, REVIEW_KIND, cycle.education_span) is not None
    review = ended_review_note(cycle, parse_classes(lic.classes), lic.status, done)
    return LicenceView(lic.archive_no, lic.classes, lic.status, status_text(lic.status), lic.first_issued_on,
                       lic.valid_from, lic.valid_to, lic.issuing_authority, points_of(lic, today), lic.phone,
                       lic.address, tuple(delays), first, label_of(lic, today), review,
                       status_delayed_text(lic.status, running_delays(lic.status, known.granted, today, known.pending)),
                       valid_to_text(lic, known, today))


BOOKED = {"placed": "预约成功", "active": "预约受理中"}  # a subject's open booking (domain.exam.OPEN_STATUSES)


@dataclass(frozen=True)
class PermitView:
    """A learner's 学习驾驶证明 (LearnerPermit, the active one: booking.active_permit) as 驾驶证信息
    shows it: before 科目一 is passed it is not issued yet (``issued_on``/``valid_to`` None)."""

    licence_class: str  # with its name: C2（小型自动挡汽车）
    accepted_on: date  # the 驾驶证申请 accepted (受理)
    issued_on: date | None
    valid_to: date | None
    subjects: tuple[tuple[str, str], ...]  # (科目一, 已合格 | 预约成功 | 预约受理中 | 未合格 | 未考), in order
    next_step: str  # where to go next: 【考试预约】, 【考试预约结果公布】, or why not (a sentence or two)
    void: bool = False  # five 科目二/科目三 bookings failed (domain permit_used_up): its date marked PERMIT_VOID
    age_note: str = ""  # after valid_to when the class's upper age limit cut it (booking.age_note)


@dataclass(frozen=True)
class LicencePage:
    """What 驾驶证信息 shows: the licence, and the learner permit of a licence being applied for."""

    licence: LicenceView | None
    permit: PermitView | None


def licence_page(env: Env, account_id: int) -> LicencePage:
    with env.db.read() as s:
        return LicencePage(licence_in(s, env, account_id), permit_in(s, env, account_id))


def permit_in(s: Session, env: Env, account_id: int) -> PermitView | None:
    """The account's active learner permit, its subjects and the next step (None: none)."""
    if active_permit(s, account_id) is None:
        return None
    f = load_facts(s, account_id)
    today = env.clock.now().date()
    start = f.permit.accepted_at  # this application's attempts and bookings only (as domain.exam)
    attempts = [a for a in f.attempts if a.taken_at >= start]
    booked = {b.subject: b.status for b in f.bookings if b.created_at >= start and b.status in OPEN_STATUSES}
    passed = {s for s in SUBJECTS if subject_history(attempts, s).passed}
    tried = {a.subject for a in attempts}
    states = tuple((SUBJECT_NAMES[s], "已合格" if s in passed else BOOKED[booked[s]] if s in booked
                    else "未合格" if s in tried else "未考") for s in SUBJECTS)
    row = f.permit_row
    return PermitView(class_label(row.licence_class), row.accepted_at.date(), row.issued_on,
                      f.permit.valid_to if row.issued_on else None, states, _next_step(f, passed, booked, today),
                      bool(permit_used_up(f.permit, f.attempts)), age_note(f.permit) if row.issued_on else "")


def _next_step(f: Facts, passed: set[int], booked: dict[int, str], today: date) -> str:
    """【考试预约】 for the subjects that may be booked today, 【考试预约结果公布】 for those booked;
    with neither, why the next subject not passed cannot be booked (as 考试预约 itself says it)."""
    subjects = bookable_subjects(f.account.id_number, f.permit, f.attempts, f.bookings, today)
    names = lambda chosen: "、".join(SUBJECT_NAMES[s] for s in sorted(chosen))  # noqa: E731
    steps = []
    if open_now := [s for s, e in subjects if e.allowed]:
        steps.append(f"可在【考试预约】中预约{names(open_now)}考试。")
    if booked:
        steps.append(f"{names(booked)}已预约，可在【考试预约结果公布】中查看考试安排。")
    if steps:
        return "".join(steps)
    why = next((e for s, e in subjects if s not in passed), None)
    if why is None:
        return "各科目考试均已合格。"
    return why.reason + ("。届时请在【考试预约】中预约考试。" if why.earliest else "。")


def vehicles_of(env: Env, account_id: int) -> list[VehicleView]:
    with env.db.read() as s:
        return vehicles_in(s, env, account_id)


def vehicles_in(s: Session, env: Env, account_id: int) -> list[VehicleView]:
    """vehicles_of within a read the caller holds."""
    today = env.clock.now().date()
    vehicles = list(s.scalars(select(Vehicle).where(Vehicle.owner_id == account_id).order_by(Vehicle.plate)))
    found: dict[int, list[ViolationView]] = {}
    for x in s.scalars(select(Violation).where(Violation.vehicle_id.in_([v.id for v in vehicles]),
                                               Violation.handled_at.is_(None))
                       .order_by(Violation.occurred_at, Violation.id)):
        found.setdefault(x.vehicle_id, []).append(ViolationView(x.occurred_at, x.place, x.behaviour, x.points,
                                                                x.fine))
    return [VehicleView(v.plate, v.vehicle_type, v.brand, v.inspection_due, v.insurance_due, v.phone, v.address,
                        len(found.get(v.id, ())), today, tuple(found.get(v.id, ())), v.registered_on, v.use_nature)
            for v in vehicles]
