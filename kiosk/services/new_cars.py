"""我的机动车's new vehicles not yet registered (``new_vehicles``, as 申请新车临时号牌 and 新车选号
find them): brand and model, the VIN's last 6 characters (as those services say it to the
citizen), the 交强险, the temporary plate in force or next (申请新车临时号牌) and the number chosen
(新车选号). Such a car has no 行驶证, inspection or violations on record until its 注册登记."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models_newcars import NewVehicle, PlateSelection, TemporaryPlate


@dataclass(frozen=True)
class NewCarView:
    vin: str
    vehicle_type: str
    brand: str  # 品牌 型号: 大众牌 朗逸
    invoice_date: date
    insurance_due: date
    today: date
    temp_plate: tuple[str, date, date] | None = None  # (number, from, to): in force today, else the next one
    temp_issued: int = 0  # temporary plates issued for it (申请新车临时号牌), run out ones too
    last_temp_to: date | None = None  # the last day of the latest one (when none is in force or to come)
    chosen: tuple[str, str] | None = None  # (number, 随机选号 / 自编自选) by 新车选号

    @property
    def vin_tail(self) -> str:
        """The VIN as the citizen's screens show it: its last 6 characters (车辆识别代号后6位)."""
        return self.vin[-6:]

    @property
    def insurance_expired(self) -> bool:
        return self.insurance_due < self.today

    @property
    def temp_in_force(self) -> bool:
        return self.temp_plate is not None and self.temp_plate[1] <= self.today


def new_cars_in(s: Session, today: date, account_id: int) -> list[NewCarView]:
    """The account's new vehicles not yet registered, first bought first, with their plates."""
    cars = list(s.scalars(select(NewVehicle).where(NewVehicle.owner_id == account_id,
                                                   NewVehicle.registered_at.is_(None)).order_by(NewVehicle.id)))
    if not cars:
        return []
    ids = [c.id for c in cars]
    plates: dict[int, list[TemporaryPlate]] = {}
    for p in s.scalars(select(TemporaryPlate).where(TemporaryPlate.new_vehicle_id.in_(ids))
                       .order_by(TemporaryPlate.valid_from, TemporaryPlate.id)):
        plates.setdefault(p.new_vehicle_id, []).append(p)
    chosen = {sel.new_vehicle_id: (sel.number, sel.way)
              for sel in s.scalars(select(PlateSelection).where(PlateSelection.new_vehicle_id.in_(ids)))}
    views = []
    for c in cars:
        issued = plates.get(c.id, [])
        current = next((p for p in issued if p.valid_to >= today), None)  # in force, else the next to come
        views.append(NewCarView(c.vin, c.vehicle_type, f"{c.brand} {c.model}", c.invoice_date, c.insurance_due, today,
                                (current.number, current.valid_from, current.valid_to) if current else None,
                                len(issued), max((p.valid_to for p in issued), default=None), chosen.get(c.id)))
    return views
