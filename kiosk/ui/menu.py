"""The 业务中心 menu: every entry a citizen can open, by 12123 group.

Feature packages add their entries here (one ``Entry`` each). An entry either runs an online
service through the generic application flow (``service``) or opens a screen of its own
(``screen``). Only entries that work end to end belong here.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.screen import Screen

from ..services.catalog import SERVICES

GROUP_ORDER = ("驾驶证业务", "机动车业务", "学习教育业务", "我的驾驶证", "网办进度", "消息")


@dataclass(frozen=True)
class Entry:
    key: str  # button id is f"menu-{key}"
    group: str
    label: str
    service: str | None = None  # a kind in services.catalog.SERVICES
    screen: Callable[[], Screen] | None = None
    units: bool = False  # also for a unit account (单位用户: vehicles, 网办进度, 消息; no licence or exam)


def _records(name: str) -> Callable[[], Screen]:
    def make() -> Screen:
        from .screens import records

        return getattr(records, name)()

    return make


def _my_vehicles() -> Screen:
    from .screens.my_vehicles import MyVehiclesScreen

    return MyVehiclesScreen()


def _elicence() -> Screen:
    from .screens.elicence import ElicenceScreen

    return ElicenceScreen()


def _booking(name: str) -> Callable[[], Screen]:
    def make() -> Screen:
        from .screens.booking import cancel, placed, results, wizard

        module = {"BookingWizardScreen": wizard, "ResultsScreen": results, "FeeScreen": placed,
                  "CertificateScreen": placed, "CancelBookingScreen": cancel}[name]
        return getattr(module, name)()

    return make


def _full_score() -> Screen:
    from .screens.full_score import FullScoreScreen

    return FullScoreScreen()


def _service(kind: str, group: str = "驾驶证业务") -> Entry:
    return Entry(kind, group, SERVICES[kind].title, service=kind)


ENTRIES: list[Entry] = [
    _service("licence_replace"),
    _service("licence_delay_renewal"),
    _service("licence_delay_medical"),
    _service("licence_delay_review"),
    Entry("licence_contact", "驾驶证业务", SERVICES["licence_contact"].title, service="licence_contact"),
    Entry("elicence", "驾驶证业务", "驾驶证电子版", screen=_elicence),
    Entry("exam_booking", "驾驶证业务", "考试预约", screen=_booking("BookingWizardScreen")),
    Entry("exam_cancel", "驾驶证业务", "取消考试预约", screen=_booking("CancelBookingScreen")),
    Entry("exam_fee", "驾驶证业务", "考试费缴纳", screen=_booking("FeeScreen")),
    Entry("exam_certificate", "驾驶证业务", "考试预约凭证", screen=_booking("CertificateScreen")),
    Entry("exam_results", "驾驶证业务", "考试预约结果公布", screen=_booking("ResultsScreen")),
    Entry("vehicle_contact", "机动车业务", SERVICES["vehicle_contact"].title, service="vehicle_contact",
          units=True),
    Entry("plate_reissue", "机动车业务", SERVICES["plate_reissue"].title, service="plate_reissue", units=True),
    Entry("vehicle_licence_reissue", "机动车业务", SERVICES["vehicle_licence_reissue"].title,
          service="vehicle_licence_reissue", units=True),
    Entry("inspection_mark_reissue", "机动车业务", SERVICES["inspection_mark_reissue"].title,
          service="inspection_mark_reissue", units=True),
    Entry("exempt_inspection_mark", "机动车业务", SERVICES["exempt_inspection_mark"].title,
          service="exempt_inspection_mark", units=True),
    Entry("other_vehicle", "机动车业务", SERVICES["other_vehicle"].title, service="other_vehicle"),
    Entry("plate_new", "机动车业务", SERVICES["plate_new"].title, service="plate_new"),
    Entry("plate_used", "机动车业务", SERVICES["plate_used"].title, service="plate_used"),
    Entry("vehicle_transfer", "机动车业务", SERVICES["vehicle_transfer"].title, service="vehicle_transfer",
          units=True),
    Entry("temp_plate", "机动车业务", SERVICES["temp_plate"].title, service="temp_plate", units=True),
    Entry("my_vehicles", "机动车业务", "我的机动车", screen=_my_vehicles, units=True),
    Entry("points_study", "学习教育业务", SERVICES["points_study"].title, service="points_study"),
    Entry("review_education", "学习教育业务", SERVICES["review_education"].title, service="review_education"),
    Entry("full_score", "学习教育业务", SERVICES["full_score"].title, screen=_full_score),
    Entry("my_licence", "我的驾驶证", "驾驶证信息", screen=_records("MyLicenceScreen")),
    Entry("elicence_mine", "我的驾驶证", "驾驶证电子版", screen=_elicence),
    Entry("progress", "网办进度", "网办进度", screen=_records("ProgressScreen"), units=True),
    Entry("inbox", "消息", "消息", screen=_records("InboxScreen"), units=True),
]


def grouped(unit: bool = False) -> list[tuple[str, list[Entry]]]:
    """The menu by group; for a unit account only the entries a unit can use."""
    groups: dict[str, list[Entry]] = {}
    for entry in ENTRIES:
        if entry.units or not unit:
            groups.setdefault(entry.group, []).append(entry)
    rank = {g: i for i, g in enumerate(GROUP_ORDER)}
    return sorted(groups.items(), key=lambda kv: rank.get(kv[0], len(rank)))


def open_entry(key: str) -> Screen:
    entry = next(e for e in ENTRIES if e.key == key)
    if entry.service:
        from .screens.flow import ApplicationFlowScreen

        return ApplicationFlowScreen(SERVICES[entry.service])
    assert entry.screen is not None
    return entry.screen()
