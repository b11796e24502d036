"""The online services that run on the generic application flow, by 业务中心 group."""
from __future__ import annotations

from .applications import OnlineService
from .contacts import LicenceContactChange, VehicleContactChange
from .licence_delay import DELAYS
from .licence_replace import LicenceReplacement

SERVICES: dict[str, OnlineService] = {s.kind: s for s in (LicenceReplacement(), *DELAYS, LicenceContactChange(),
                                                          VehicleContactChange())}
