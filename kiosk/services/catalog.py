"""The online services that run on the generic application flow, by 业务中心 group."""
from __future__ import annotations

from .applications import OnlineService
from .contacts import LicenceContactChange, VehicleContactChange
from .points_study import PointsStudy
from .review_education import ReviewEducation

SERVICES: dict[str, OnlineService] = {s.kind: s for s in (LicenceContactChange(), VehicleContactChange(),
                                                           PointsStudy(), ReviewEducation())}
