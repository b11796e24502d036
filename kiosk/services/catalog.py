"""The online services that run on the generic application flow, by 业务中心 group."""
from __future__ import annotations

from .applications import OnlineService
from .contacts import LicenceContactChange, VehicleContactChange
from .licence_delay import DELAYS
from .licence_replace import LicenceReplacement
from .other_vehicles import OtherVehicleRecord
from .points_study import PointsStudy
from .review_education import ReviewEducation
from .temp_plate import TemporaryPlateService
from .vehicle_exempt import ExemptInspectionMark
from .vehicle_reissue import InspectionMarkReissue, PlateReissue, VehicleLicenceReissue
from .vehicle_transfer import VehicleTransferService

SERVICES: dict[str, OnlineService] = {s.kind: s for s in (
    LicenceReplacement(), *DELAYS, LicenceContactChange(),  # 驾驶证业务
    VehicleContactChange(), VehicleLicenceReissue(), PlateReissue(), InspectionMarkReissue(),  # 机动车业务
    ExemptInspectionMark(), TemporaryPlateService(),
    PointsStudy(), ReviewEducation(),  # 学习教育业务
)}
# 机动车业务: 备案非本人机动车, 机动车转籍申请 (menu order: kiosk.ui.menu)
SERVICES.update({s.kind: s for s in (OtherVehicleRecord(), VehicleTransferService())})
