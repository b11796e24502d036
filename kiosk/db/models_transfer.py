"""机动车转籍申请 and 备案非本人机动车 (migration 0013). Imported at the bottom of kiosk.db.models.

``used_car_invoices``: the 二手车销售统一发票 of used cars sold (as the DMV receives them from the
invoice records): code and number unique, the vehicle sold, seller and buyer, 车价合计, the
转入地 (the plate prefix of the buyer's DMV, 转入地车辆管理所) and the 转籍 application that used it.
``other_vehicles``: the vehicles in another person's name a citizen has recorded (备案) to drive,
one row per account and vehicle. ``vehicles.vin`` (车辆识别代号) is added by the same migration.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class UsedCarInvoice(Base):
    __tablename__ = "used_car_invoices"
    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_code: Mapped[str] = mapped_column(String(12))  # 发票代码
    invoice_no: Mapped[str] = mapped_column(String(8))  # 发票号码
    issued_on: Mapped[date]  # 开票日期
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicles.id"), index=True)
    plate: Mapped[str] = mapped_column(String(10))  # 车牌照号, as printed
    seller_name: Mapped[str] = mapped_column(String(100))
    seller_id_number: Mapped[str] = mapped_column(String(18))
    buyer_name: Mapped[str] = mapped_column(String(100))
    buyer_id_number: Mapped[str] = mapped_column(String(18))
    price: Mapped[int]  # 车价合计, yuan
    dest_prefix: Mapped[str] = mapped_column(String(4))  # 转入地: the buyer's DMV by its plate prefix (苏G)
    voided: Mapped[bool] = mapped_column(default=False)  # 已作废
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"), index=True)
    __table_args__ = (UniqueConstraint("invoice_code", "invoice_no"),
                      CheckConstraint("price > 0", name="price"))


class OtherVehicle(Base):
    __tablename__ = "other_vehicles"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicles.id"), index=True)
    plate_kind: Mapped[str] = mapped_column(String(10))  # 号牌种类
    recorded_at: Mapped[datetime]
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"))
    __table_args__ = (UniqueConstraint("account_id", "vehicle_id"),)
