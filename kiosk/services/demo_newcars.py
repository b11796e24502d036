"""Demo new vehicles not yet registered (申请新车临时号牌), relative to the clock: the person's
key (kiosk.services.demo_people) -> the new vehicles bought, each known to the DMV from its
合格证 (VIN, brand, model) and 购车发票, with its 交强险."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Account
from ..db.models_newcars import NewVehicle
from ..domain.dates import anniversary
from ..domain.temp_plate import with_check_char
from .demo_people import PEOPLE

# 宋佳 bought a 大众牌 朗逸 3 days ago at a 重庆 dealer (渝A), 交强险 for a year from that day.
DEMO_VIN = with_check_char("LSVAU218", "T2184356")  # LSVAU2184T2184356
NEW_CARS = {
    "points_study": ({"vin": DEMO_VIN, "type": "小型轿车", "brand": "大众牌", "model": "朗逸",
                      "bought_days_ago": 3, "prefix": "渝A"},),
}


def load(s: Session, now: datetime) -> None:
    """The demo new vehicles missing (a new database, or one made before migration 0011)."""
    today = now.date()
    ids = {p.key: p.id_number for p in PEOPLE if p.key in NEW_CARS}
    owners = dict(s.execute(select(Account.id_number, Account.id).where(Account.id_number.in_(ids.values()))).all())
    known = set(s.scalars(select(NewVehicle.vin)))
    for key, cars in NEW_CARS.items():
        owner = owners.get(ids[key])
        for car in cars:
            if owner is None or car["vin"] in known:
                continue
            bought = today - timedelta(days=car["bought_days_ago"])
            s.add(NewVehicle(owner_id=owner, vin=car["vin"], vehicle_type=car["type"], brand=car["brand"],
                             model=car["model"], invoice_date=bought, plate_prefix=car["prefix"],
                             insurance_due=anniversary(bought, 1) - timedelta(days=1)))
