"""Demo data of 机动车转籍申请 and 备案非本人机动车, relative to the clock:

- every demo vehicle gets a 车辆识别代号 (VIN) when it has none (a database made before migration 0013 too);
- 周杰 (two_cars) sold his 渝A8D2Q7 to 林晓 of 连云港 five days ago: the 二手车销售统一发票
  150002400110 / 00231547, 车价合计 68000元, 转入地 江苏省连云港市 (苏G). His 渝AD12345 (交强险
  expired) is listed too, and refused when chosen: said under the list at once (the form opens on 渝A8D2Q7);
- 赵磊's 渝B5K821 (2 violations) can be recorded by another driver (e.g. 刘洋) with the last 6
  characters of its VIN, 582157, or with 赵磊 and the last 6 of his ID number."""
from __future__ import annotations

import zlib
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Account, Vehicle
from ..db.models_transfer import UsedCarInvoice
from ..domain.temp_plate import with_check_char
from .demo_people import PEOPLE

VINS = {"渝A8D2Q7": with_check_char("L6T7824S", "RN210466"), "渝B5K821": with_check_char("LC0CE4CB", "R0582157")}
INVOICE = {"code": "150002400110", "no": "00231547", "plate": "渝A8D2Q7", "seller": "two_cars", "buyer": "new_user",
           "price": 68000, "dest": "苏G", "days_ago": 5}


def vin_for(plate: str) -> str:
    """A demo vehicle's VIN: as listed, else made from its plate (a valid check digit, never the same twice)."""
    if plate in VINS:
        return VINS[plate]
    return with_check_char("LS5A3ABE", "R" + f"{zlib.crc32(plate.encode()) % 10_000_000:07d}")


def load(s: Session, now: datetime) -> None:
    """What is missing: VINs of demo vehicles, the demo invoice."""
    plates = [v["plate"] for p in PEOPLE for v in p.vehicles]
    for vehicle in s.scalars(select(Vehicle).where(Vehicle.plate.in_(plates), Vehicle.vin.is_(None))):
        vehicle.vin = vin_for(vehicle.plate)
    s.flush()
    if s.scalar(select(UsedCarInvoice.id).where(UsedCarInvoice.invoice_code == INVOICE["code"],
                                                UsedCarInvoice.invoice_no == INVOICE["no"])) is not None:
        return
    people = {p.key: p for p in PEOPLE}
    seller, buyer = people[str(INVOICE["seller"])], people[str(INVOICE["buyer"])]
    vehicle = s.scalar(select(Vehicle).join(Account, Vehicle.owner_id == Account.id).where(
        Vehicle.plate == INVOICE["plate"], Account.id_number == seller.id_number))
    if vehicle is None:
        return
    s.add(UsedCarInvoice(invoice_code=INVOICE["code"], invoice_no=INVOICE["no"],
                         issued_on=now.date() - timedelta(days=int(INVOICE["days_ago"])), vehicle_id=vehicle.id,
                         plate=vehicle.plate, seller_name=seller.name, seller_id_number=seller.id_number,
                         buyer_name=buyer.name, buyer_id_number=buyer.id_number, price=int(INVOICE["price"]),
                         dest_prefix=str(INVOICE["dest"])))
