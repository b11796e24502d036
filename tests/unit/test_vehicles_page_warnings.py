"""我的机动车's red lines (VehiclesPage.warnings): 检验 and 续保 only of a vehicle the citizen still
owns; never of one transferred out (已转出) nor of a 非本人 one; unhandled violations of every vehicle shown."""
from __future__ import annotations

from datetime import date, datetime

from kiosk.services.other_vehicles import OtherView, VehiclesPage
from kiosk.services.profile import VehicleView

TODAY = date(2027, 7, 1)
PAST = date(2027, 6, 21)


def _car(plate: str, violations: int = 0) -> VehicleView:  # both dates past
    return VehicleView(plate, "小型轿车", "长安", PAST, PAST, "13800000000", "重庆", violations, TODAY)


def test_a_transferred_car_is_not_asked_to_be_inspected_or_insured() -> None:
    page = VehiclesPage([_car("渝A8D2Q7"), _car("渝AD12345")], {"渝A8D2Q7": date(2026, 12, 1)}, [])
    assert page.warnings() == ["渝AD12345检验有效期已过，请尽快办理机动车检验。", "渝AD12345交强险已过期，请尽快续保。"]


def test_a_non_own_car_is_asked_neither_but_its_violations_are() -> None:
    other = OtherView(_car("渝A9K006", violations=2), "小型汽车", datetime(2026, 12, 1, 9), "赵*")
    page = VehiclesPage([], {}, [other])
    assert page.warnings() == ["渝A9K006有2起交通违法未处理，请及时处理。"]
