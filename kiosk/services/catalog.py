"""The online services that run on the generic application flow, by 业务中心 group."""
from __future__ import annotations

from .applications import OnlineService
from .contacts import LicenceContactChange, VehicleContactChange
from .full_score import FullScoreStudy
from .licence_delay import DELAYS
from .licence_replace import LicenceReplacement
from .other_vehicles import OtherVehicleRecord
from .plate_new import NewCarPlate
from .plate_used import UsedCarPlate
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
    NewCarPlate(), UsedCarPlate(), OtherVehicleRecord(), VehicleTransferService(),  # (the menu puts them in the seed's order)
    PointsStudy(), ReviewEducation(),  # 学习教育业务
    FullScoreStudy(),  # 学习教育业务: 满分学习考试 (its own screen, FullScoreScreen)
)}
