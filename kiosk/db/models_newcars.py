"""New vehicles not yet registered and their temporary plates (申请新车临时号牌, migration 0011).
Imported at the bottom of kiosk.db.models.

``new_vehicles``: a citizen's new vehicle known to the DMV from its 机动车整车出厂合格证 (VIN,
brand, model) and its 购车发票 (date), with the 交强险 bought for it; ``plate_prefix`` is the
issuing DMV of the place of purchase (渝A). ``temporary_plates``: every 临时行驶车号牌 issued,
numbers unique (the database decides between two kiosks), each with the application it came from.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class NewVehicle(Base):
    __tablename__ = "new_vehicles"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    vin: Mapped[str] = mapped_column(String(17), unique=True)  # 车辆识别代号
    vehicle_type: Mapped[str] = mapped_column(String(40))
    brand: Mapped[str] = mapped_column(String(60))  # 品牌
    model: Mapped[str] = mapped_column(String(60))  # 车辆型号
    invoice_date: Mapped[date]  # 购车发票开具日期
    insurance_due: Mapped[date]  # 交强险有效期至
    plate_prefix: Mapped[str] = mapped_column(String(4))  # 发牌机关: 省份简称 + 代号
    registered_at: Mapped[datetime | None]  # 注册登记 (then it is a vehicle with plates)
    # 号牌种类 (新车选号, migration 0012): 小型汽车, 小型新能源汽车, 大型新能源汽车, 大型汽车 ...
    plate_kind: Mapped[str] = mapped_column(String(20), default="小型汽车", server_default="小型汽车")
    fuel: Mapped[str] = mapped_column(String(20), default="汽油", server_default="汽油")  # 燃料种类


class TemporaryPlate(Base):
    __tablename__ = "temporary_plates"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(10), unique=True)
    new_vehicle_id: Mapped[int] = mapped_column(ForeignKey("new_vehicles.id"), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"), index=True)
    valid_from: Mapped[date]
    valid_to: Mapped[date]
    issued_at: Mapped[datetime]
    __table_args__ = (CheckConstraint("valid_to >= valid_from", name="validity"),)


class PlateSelection(Base):
    """A number chosen by 新车选号 (``new_vehicle_id``) or 在用车选号 (``vehicle_id``; ``way`` 保留原号牌
    keeps its number): one per car, every number once (the database decides between two kiosks)."""

    __tablename__ = "plate_selections"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(10), unique=True)
    new_vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("new_vehicles.id"), unique=True)
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicles.id"), unique=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"), index=True)
    business: Mapped[str] = mapped_column(String(20))  # 新车选号, 本地二手车过户选号, 异地转（迁）入选号
    way: Mapped[str] = mapped_column(String(10))  # 随机选号, 自编自选, 保留原号牌
    chosen_at: Mapped[datetime]
    __table_args__ = (CheckConstraint("(new_vehicle_id IS NULL) <> (vehicle_id IS NULL)", name="one_car"),)
