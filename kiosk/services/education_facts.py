"""What the 学习教育业务 services read about a driver: the licence, overdue vehicles, and their
earlier applications of a kind in the current 记分周期 (the applications table keeps them)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import Application, DrivingLicence, Vehicle
from ..domain.errors import DomainError, StillPending
from ..domain.licence import parse_classes
from ..domain.points import AtFullScore, DriverFacts, cycle_of
from .applications import FINISHED
from .licence_points import carried_of, points_of

NO_LICENCE = "您名下没有机动车驾驶证，无法办理此业务"
APP = "交管12123 App"  # where the study itself happens: the kiosk only takes the application


def in_app(entry: str) -> str:
    """Where a study of the 学习教育业务 is done: 登录交管12123 App，在【学习教育业务】中点击【entry】."""
    return f"登录{APP}，在【学习教育业务】中点击【{entry}】"


@dataclass(frozen=True)
class Driver:
    licence: DrivingLicence
    facts: DriverFacts
    cycle: tuple[date, date]


def driver(session: Session, account_id: int, today: date, *, lock: bool = False) -> Driver:
    query = select(DrivingLicence).where(DrivingLicence.account_id == account_id)
    lic = session.scalar(query.with_for_update() if lock else query)
    if lic is None:
        raise DomainError(NO_LICENCE)
    overdue = tuple(session.scalars(select(Vehicle.plate).where(
        Vehicle.owner_id == account_id, Vehicle.inspection_due < today).order_by(Vehicle.plate)))
    facts = DriverFacts(parse_classes(lic.classes), lic.status, points_of(lic, today), lic.first_issued_on, overdue,
                        carried_of(lic, today))
    return Driver(lic, facts, cycle_of(lic.first_issued_on, today))


def refused(reason: str) -> DomainError:
    """A refusal to raise: one at 12 points naming the driver's open 满分学习考试 application
    (domain.points.AtFullScore) offers 查看网办进度 on it (StillPending), as that service does."""
    applied = reason.applied if isinstance(reason, AtFullScore) else None
    if applied is not None:
        return StillPending(reason, applied.serial_no)
    return DomainError(reason)


def _of(account_id: int, kind: str, status: str, cycle: tuple[date, date] | None):  # type: ignore[no-untyped-def]
    """The conditions on the account's applications of ``kind`` in ``status`` (last changed within
    ``cycle`` when given)."""
    conds = [Application.account_id == account_id, Application.kind == kind, Application.status == status]
    if cycle is not None:
        start, end = (datetime.combine(d, time.min) for d in cycle)
        conds += [Application.updated_at >= start, Application.updated_at < end]
    return conds


def count(session: Session, account_id: int, kind: str, status: str, cycle: tuple[date, date] | None = None,
          *, but: int | None = None) -> int:
    """How many of the account's applications of ``kind`` are in ``status`` (those last changed
    within ``cycle`` when given; ``but``: leave out the application with that id)."""
    query = select(func.count()).select_from(Application).where(*_of(account_id, kind, status, cycle))
    if but is not None:
        query = query.where(Application.id != but)
    return session.scalar(query) or 0


def finished_in_cycle(session: Session, account_id: int, kind: str, cycle: tuple[date, date]) -> Application | None:
    """The account's latest application of ``kind`` finished (办结) within ``cycle``, if any."""
    return session.scalars(select(Application).where(*_of(account_id, kind, FINISHED, cycle))
                           .order_by(Application.id.desc())).first()
