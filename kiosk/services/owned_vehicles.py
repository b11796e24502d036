"""The vehicles a citizen still holds: those in their name, less those transferred out.

A 机动车转籍申请 finished at the counter (已转出) moves the vehicle's record to the DMV of the
buyer's city; the kiosk keeps the row (我的机动车 shows it 已转出, the counter sees its history),
so every service that offers the citizen's vehicles asks here, not the owner column alone:
a car sold and gone had its plates reissued, its contact changed or a number chosen for it."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Application, Vehicle
from ..db.models_newcars import PlateSelection
from .applications import FINISHED, WAITING

TRANSFER_KIND = "vehicle_transfer"  # kiosk.services.vehicle_transfer's
# A citizen with no vehicle in their name: 登记, not 已备案 (备案 is the word of 备案非本人机动车,
# a vehicle in another person's name; own vehicles need no 备案).
NO_VEHICLE = "您名下没有已登记的机动车，无法办理此业务"
# What 在用车选号 tells a citizen who chose a new number (kiosk.services.plate_used), and 我的机动车 again
NEW_PLATE = "请携带车辆、机动车行驶证和原号牌到车管所换领号牌和行驶证"


def transferred_plates(session: Session, account_id: int) -> dict[str, date]:
    """plate -> the day its 转籍 was finished (the vehicle has left the citizen's record)."""
    return {plate: day for (_owner, plate), (day, _to) in transfers_out(session, [account_id]).items()}


def transfers_out(session: Session, owner_ids: list[int]) -> dict[tuple[int, str], tuple[date, str]]:
    """(owner, plate) -> (the day its 转籍 was finished, the 转入地) of the owners' vehicles transferred
    out: a 非本人 vehicle another citizen recorded is then gone from the city as well (备案已失效)."""
    if not owner_ids:
        return {}
    return {(a.account_id, str(a.payload.get("plate", ""))): (a.updated_at.date(), str(a.payload.get("destination", "")))
            for a in session.scalars(select(Application).where(
                Application.account_id.in_(owner_ids), Application.kind == TRANSFER_KIND,
                Application.status == FINISHED))}


def transfers_in_progress(session: Session, account_id: int) -> dict[str, str]:
    """plate -> the 业务流水号 of its 转籍 still 受理中: the vehicle is leaving the city's record, so
    no new plate, 行驶证 or mark is made for it meanwhile (as 转籍 waits for those the other way)."""
    return {str((a.payload or {}).get("plate", "")): a.serial_no for a in session.scalars(select(Application).where(
        Application.account_id == account_id, Application.kind == TRANSFER_KIND, Application.status == WAITING)
        .order_by(Application.id.desc()))}


def in_transfer(serial_no: str) -> str:
    """Why a vehicle with a 转籍 under way has no other document now (a clause, without 。)."""
    return f"该车的机动车转籍申请正在办理（业务流水号{serial_no}）"


def open_of_kinds(session: Session, account_id: int, kinds: tuple[str, ...],
                  plate: str | None = None) -> dict[str, tuple[str, str]]:
    """The citizen's applications of ``kinds`` still 受理中: plate -> (业务流水号, the service's
    title), the oldest per plate (``plate``: that vehicle's alone)."""
    found: dict[str, tuple[str, str]] = {}
    for app in session.scalars(select(Application).where(
            Application.account_id == account_id, Application.kind.in_(kinds),
            Application.status == WAITING).order_by(Application.id)):
        found.setdefault(str((app.payload or {}).get("plate", "")), (app.serial_no, app.title))
    return found if plate is None else {plate: found[plate]} if plate in found else {}


def new_numbers(session: Session, vehicles: list[Vehicle]) -> dict[str, str]:
    """plate -> the new number 在用车选号 chose for the vehicle, not on it yet (its plates and 行驶证
    are exchanged at the DMV; the kiosk records no exchange, so the number stays chosen, not
    carried). A number kept (保留原号牌) is the one on the car: not listed."""
    ids = {v.id: v.plate for v in vehicles}
    rows = session.execute(select(PlateSelection.vehicle_id, PlateSelection.number)
                           .where(PlateSelection.vehicle_id.in_(list(ids)))).all()
    return {ids[car]: number for car, number in rows if number != ids[car]}


def renumbered(number: str) -> str:
    """Why a vehicle with a new number chosen has no plate, 行驶证 or mark made for the old one (a clause)."""
    return f"该车已通过在用车选号选定新号牌号码{number}，{NEW_PLATE}"


def held_back(session: Session, account_id: int, vehicles: list[Vehicle]) -> dict[str, str]:
    """plate -> why no plate, 行驶证 or mark is made for the vehicle now (a clause): its 转籍 is
    under way, or a new number was chosen for it (these documents carry the number)."""
    held = {plate: in_transfer(serial) for plate, serial in transfers_in_progress(session, account_id).items()}
    for plate, number in new_numbers(session, vehicles).items():
        held.setdefault(plate, renumbered(number))
    return held


def pending_notes(session: Session, account_id: int) -> dict[str, list[str]]:
    """plate -> what another service left the vehicle waiting for, one line each (without 。), for
    我的机动车's detail: its 转籍 still 受理中, a new number chosen by 在用车选号 and not on it yet
    (what to do then, as that service's result said it)."""
    notes: dict[str, list[str]] = {}
    for plate, serial in transfers_in_progress(session, account_id).items():
        notes.setdefault(plate, []).append(f"机动车转籍申请受理中（业务流水号{serial}）")
    for plate, number in new_numbers(session, held_vehicles(session, account_id)).items():
        notes.setdefault(plate, []).append(f"已选定新号牌号码：{number}，{NEW_PLATE}")
    return notes


def held_vehicles(session: Session, account_id: int) -> list[Vehicle]:
    """The account's vehicles not transferred out, by plate."""
    gone = transferred_plates(session, account_id)
    vehicles = session.scalars(select(Vehicle).where(Vehicle.owner_id == account_id).order_by(Vehicle.plate))
    return [v for v in vehicles if v.plate not in gone]


def vehicle_of(session: Session, account_id: int, plate: str, *, lock: bool = False,
               held: bool = True) -> Vehicle | None:
    """The account's vehicle ``plate`` as a service applies to it: None when it is not in their name
    or (``held``) was transferred out. ``lock``: FOR UPDATE (PostgreSQL), so the checks made again
    inside the write see no other kiosk's change until it commits."""
    query = select(Vehicle).where(Vehicle.plate == plate, Vehicle.owner_id == account_id)
    vehicle = session.scalar(query.with_for_update() if lock else query)
    if vehicle is not None and held and plate in transferred_plates(session, account_id):
        return None
    return vehicle
