"""Counter: look up the citizen in front of the clerk (the reason for access is audited) and
show everything the DMV holds for them: account, licence, learner permit, e-licence, vehicles
(and new ones not yet registered, with their temporary plates), the plate numbers chosen for
their cars, exam bookings and 网办 applications. Read-only; the actions are in counter_accounts and counter_bookings."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import ASSETS
from ..db.models import Account, DrivingLicence, Vehicle
from ..db.models_elicence import ElectronicLicence
from ..db.models_newcars import NewVehicle, PlateSelection, TemporaryPlate
from ..domain.errors import DomainError, FormProblems
from ..domain.ids import birth_date, mask_phone, normalize_person_or_unit_id, staff_reason
from . import applications, audit, booking_records, elicence_state, exam_results, licence_delay, profile
from .booking import active_permit, age_note, permit_facts
from .env import Env
from .owned_vehicles import transferred_plates
from .permissions import SERVE, active, actor, authorise
from .staff import StaffSession

ELICENCE_STATES = {"applied": "审核中", "issued": "已签发", "needs_reapply": "需重新申领", "rejected": "审核不通过"}
# 12123账户： on the counter's file: 已注册 first, as for every registered account, then how
REGISTERED_VIA = {"face": "已注册（实人认证）", "online": "已注册（预留手机号）", "counter": "已注册（窗口面签）",
                  "unit": "已注册（窗口办理）", "demo": "已注册"}
REASONS_FILE = ASSETS / "config" / "lookup_reasons.json"
REASONS_MAX = 8  # offered under the field: more would push the citizen's file off a small screen


@dataclass(frozen=True)
class PermitView:
    licence_class: str
    accepted_on: date
    issued_on: date | None
    valid_to: date | None
    age_note: str = ""  # after valid_to when the class's upper age limit cut it (booking.age_note)


@dataclass(frozen=True)
class NewCarView:
    """A new vehicle in the citizen's name, not yet registered (申请新车临时号牌 finds it by its VIN)."""

    vin: str
    label: str  # 品牌 型号
    plates: tuple[tuple[str, date, date], ...]  # its temporary plates (number, from, to), first issued first


@dataclass(frozen=True)
class PlateChoiceView:
    """A plate number chosen for one of the citizen's cars (新车选号 or 在用车选号)."""

    number: str
    service: str  # 新车选号, 在用车选号
    car: str  # the new car's VIN, or the registered car's plate as it stands
    chosen_on: date


@dataclass
class CitizenFile:
    id_number: str
    found: bool
    account_id: int | None = None
    name: str = ""
    kind: str = "personal"
    registered: bool = False
    registered_via: str = ""
    phone: str = ""
    agent_id_number: str = ""
    authorisation_ref: str = ""
    licence: profile.LicenceView | None = None
    permit: PermitView | None = None
    elicence: str = "未申领"
    vehicles: list[profile.VehicleView] = field(default_factory=list)
    transferred: dict[str, date] = field(default_factory=dict)  # plate -> the day it was transferred out (已转出)
    new_cars: list[NewCarView] = field(default_factory=list)
    plate_choices: list[PlateChoiceView] = field(default_factory=list)
    bookings: list[booking_records.BookingView] = field(default_factory=list)
    applications: list[applications.ApplicationView] = field(default_factory=list)
    exams: exam_results.ExamOutcomes = field(default_factory=exam_results.ExamOutcomes)  # finished bookings' results

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone) if self.phone else "未绑定"


def check_reason(reason: str) -> str:
    return staff_reason(reason, field="reason", label="查询事由", ask="选择或填写")


@lru_cache(maxsize=4)
def lookup_reasons(path: Path = REASONS_FILE) -> tuple[str, ...]:
    """The common 查询事由 the counter offers to pick (assets/config/lookup_reasons.json, each DMV
    office its own); any other reason may still be typed. Each one is a reason ``lookup`` takes: a
    file that breaks the rules is refused whole, naming itself (in the log), rather than offering a
    reason the look-up would then refuse."""
    reasons = json.loads(path.read_text(encoding="utf-8"))["reasons"]
    if not isinstance(reasons, list) or not 1 <= len(reasons) <= REASONS_MAX:
        raise ValueError(f"{path}: reasons must list 1 to {REASONS_MAX} reasons")
    try:
        clean = tuple(check_reason(r) for r in reasons if isinstance(r, str))
    except DomainError as exc:
        raise ValueError(f"{path}: {exc.message}") from exc
    if len(clean) != len(reasons) or len(set(clean)) != len(clean):
        raise ValueError(f"{path}: every reason must be a string, listed once")
    return clean


def check_cancel_reason(reason: str) -> str:
    """窗口取消预约's own reason, recorded in the audit entry (the look-up's 查询事由 is another)."""
    return staff_reason(reason, field="cancel_reason", label="取消事由", example="考生本人申请取消考试预约")


LOOKUP_FIELDS = ("id_number", "reason")  # the look-up's form, in its order


def id_problem(env: Env, raw_id: str) -> str:
    """What is wrong with the ID number (or credit code) typed, on its own ('' when nothing; none
    typed is wrong too): the screen says it as Enter leaves the field, as the citizen 登录 does (a
    17-digit number went on to 查询事由 unsaid, tester)."""
    try:
        normalize_person_or_unit_id(raw_id, today=env.clock.now().date())
    except DomainError as exc:
        return exc.message
    return ""


def lookup(env: Env, staff: StaffSession | None, raw_id: str, reason: str) -> CitizenFile:
    """Every lookup is audited with its reason, also when nobody is found. A wrong ID number and a
    wrong reason are said together (FieldErrors), not one per 查询."""
    problems = FormProblems()
    id_number = problems.check(normalize_person_or_unit_id, raw_id, today=env.clock.now().date())
    reason = problems.check(check_reason, reason)
    problems.raise_found(LOOKUP_FIELDS)
    assert id_number is not None and reason is not None
    with env.db.write() as s:
        role = authorise(s, env, staff, *SERVE, doing=audit.action_name("citizen_lookup"))
        account = s.scalar(select(Account).where(Account.id_number == id_number))
        audit.record(s, env, actor=actor(staff), role=role, action="citizen_lookup",  # type: ignore[arg-type]
                     account_id=account.id if account else None,
                     detail=f"事由：{reason}" + ("" if account else f"（未找到 {id_number[:6]}）"))
        if account is not None:
            licence_delay.settle(s, env, account.id)
    if account is None:
        return CitizenFile(id_number, False)
    return load(env, staff, account.id)


def load(env: Env, staff: StaffSession | None, account_id: int) -> CitizenFile:
    """The file of an account already looked up (after an action, to refresh the screen): all of
    it from one read, so no line of it is older than another (the e-licence as the licence now
    stands: one whose licence changed is to be re-applied for, as the citizen's own screens say)."""
    active(env, staff, *SERVE, doing="查看群众档案")
    with env.db.read() as s:
        a = s.get(Account, account_id)
        if a is None:
            raise DomainError("未找到该账户")
        permit = active_permit(s, a.id)
        el = s.scalar(select(ElectronicLicence).where(ElectronicLicence.account_id == a.id))
        lic = s.scalar(select(DrivingLicence).where(DrivingLicence.account_id == a.id))
        file = CitizenFile(a.id_number, True, a.id, a.name, a.kind, a.registered_at is not None,
                           REGISTERED_VIA.get(a.registered_via or "", a.registered_via or ""), a.phone or "",
                           a.agent_id_number or "", a.authorisation_ref or "")
        if permit is not None:
            facts = permit_facts(permit, birth_date(a.id_number))  # the valid_to the rules read (age limit)
            file.permit = PermitView(permit.licence_class, permit.accepted_at.date(), permit.issued_on,
                                     facts.valid_to if permit.issued_on else None, age_note(facts))
        file.elicence = ELICENCE_STATES.get(elicence_state.state_now(el, lic) or "", "未申领")
        file.licence = profile.licence_in(s, env, a.id)
        file.vehicles = profile.vehicles_in(s, env, a.id)
        file.transferred = transferred_plates(s, a.id)
        file.new_cars = new_cars_in(s, a.id)
        file.plate_choices = plate_choices_in(s, a.id)
        file.bookings = [view for _, view in booking_records.bookings_in(s, a.id, online_only=False)]
        file.applications = applications.list_in(s, a.id)
        file.exams = exam_results.outcomes_in(s, a.id, permit)
    return file


def new_cars_in(s: Session, account_id: int) -> list[NewCarView]:
    """The account's new vehicles not yet registered, each with the temporary plates issued for it."""
    cars = list(s.scalars(select(NewVehicle).where(NewVehicle.owner_id == account_id,
                                                   NewVehicle.registered_at.is_(None)).order_by(NewVehicle.id)))
    plates: dict[int, list[tuple[str, date, date]]] = {}
    for p in s.scalars(select(TemporaryPlate).where(TemporaryPlate.new_vehicle_id.in_([c.id for c in cars]))
                       .order_by(TemporaryPlate.valid_from, TemporaryPlate.id)):
        plates.setdefault(p.new_vehicle_id, []).append((p.number, p.valid_from, p.valid_to))
    return [NewCarView(c.vin, f"{c.brand} {c.model}", tuple(plates.get(c.id, ()))) for c in cars]


def plate_choices_in(s: Session, account_id: int) -> list[PlateChoiceView]:
    """The plate numbers chosen for the account's cars, first chosen first: by 新车选号 for a new
    car in their name (registered since or not), by 在用车选号 for a registered one."""
    new = (select(PlateSelection, NewVehicle.vin).join(NewVehicle, PlateSelection.new_vehicle_id == NewVehicle.id)
           .where(NewVehicle.owner_id == account_id))
    used = (select(PlateSelection, Vehicle.plate).join(Vehicle, PlateSelection.vehicle_id == Vehicle.id)
            .where(Vehicle.owner_id == account_id))
    rows = [(sel, "新车选号", vin) for sel, vin in s.execute(new)]
    rows += [(sel, "在用车选号", plate) for sel, plate in s.execute(used)]
    rows.sort(key=lambda row: (row[0].chosen_at, row[0].id))
    return [PlateChoiceView(sel.number, service, car, sel.chosen_at.date()) for sel, service, car in rows]
