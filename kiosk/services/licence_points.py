"""The points a licence counts today (the current 记分周期's, kiosk.domain.points.points_now) and
their writing: every screen and rule reads them here, never ``DrivingLicence.points`` itself."""
from __future__ import annotations

from datetime import date

from ..db.models import DrivingLicence
from ..domain.points import points_carried, points_label, points_now
from ..domain.review_education import ReviewedCycle, reviewed_cycle


def points_of(lic: DrivingLicence, today: date) -> int:
    """累积记分 of the cycle ``today`` falls in."""
    return points_now(lic.points, lic.points_recorded_on, lic.first_issued_on, today, lic.status)


def label_of(lic: DrivingLicence, today: date) -> str:
    """What the points of ``points_of`` are called (domain.points.points_label): 本记分周期累积记分, or
    累积记分（含上一记分周期转入） when they were carried from an ended cycle."""
    return points_label(carried_of(lic, today))


def carried_of(lic: DrivingLicence, today: date) -> bool:
    """Whether ``points_of`` are carried from an ended cycle (domain.points.points_carried)."""
    return points_carried(lic.points, lic.points_recorded_on, lic.first_issued_on, today, lic.status)


def record_points(lic: DrivingLicence, points: int, today: date) -> None:
    """Set the licence's points as of ``today`` (a reduction or a clearing is written into the
    current cycle: points carried over from an ended one become this cycle's)."""
    lic.points, lic.points_recorded_on = points, today


def reviewed_of(lic: DrivingLicence, today: date) -> ReviewedCycle:
    """The 记分周期 whose 审验 is in question ``today`` (in the 30 days after a cycle with points
    ends, that cycle), its points and its 审验's last day."""
    return reviewed_cycle(lic.points, lic.points_recorded_on, lic.first_issued_on, today, lic.status)
