"""Read-only views of what the DMV holds for a citizen: licence (我的驾驶证) and vehicles."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import DrivingLicence, Vehicle, Violation
from ..domain.licence import status_text
from ..domain.licence_delay import delay_notes
from ..domain.vehicle_docs import due_text
from .elicence_steps import what_first
from .env import Env
from .licence_delay import granted


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

    @property
    def normal(self) -> bool:
        return self.status == "A"


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

    @property
    def inspection_overdue(self) -> bool:
        return self.today is not None and self.inspection_due < self.today

    @property
    def insurance_expired(self) -> bool:
        return self.today is not None and self.insurance_due < self.today

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
    delays = delay_notes(lic.status, granted(s, account_id), today)
    first = what_first(today, lic.status, lic.valid_from, lic.valid_to)
    return LicenceView(lic.archive_no, lic.classes, lic.status, status_text(lic.status), lic.first_issued_on,
                       lic.valid_from, lic.valid_to, lic.issuing_authority, lic.points, lic.phone, lic.address,
                       tuple(delays), first)


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
                        len(found.get(v.id, ())), today, tuple(found.get(v.id, ()))) for v in vehicles]
