"""Demo data, generated relative to the clock. Loading is idempotent: what exists is kept."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import (Account, DrivingLicence, ExamPlan, ExamSession, ExamSite, LearnerPermit, Office, Staff,
                         Vehicle, Violation)
from ..db.session import DEMO_TURN, take_turn
from ..domain.dates import anniversary
from ..domain.exam import permit_end
from ..domain.ids import birth_date
from . import demo_history, demo_newcars, demo_transfer, reference_sites
from .demo_history import LARGE, SMALL
from .demo_people import PEOPLE, STAFF, Person
from .env import Env
from .staff import hash_secret

PLAN_DAYS = 60
ACCOUNT_AGE = timedelta(days=400)  # a demo account was created this long before the day it is loaded for
TIMES = (time(8, 30), time(13, 30))


@dataclass(frozen=True)
class DemoIdentity:
    id_number: str
    name: str
    phone: str
    situation: str
    registered: bool


def identities() -> list[DemoIdentity]:
    return [DemoIdentity(p.id_number, p.name, p.phone, p.situation, p.registered) for p in PEOPLE]


def is_empty(env: Env) -> bool:
    with env.db.read() as s:
        return _empty(s)


def holds_demo(env: Env) -> bool:
    """The database holds the demo data (one of its people): only there may a terminal run in demo
    mode, with SMS codes on its screen and the demo payment gateway. A hall set up by hand and
    started without --no-demo would otherwise show any citizen's sign-in code to whoever stands
    at the kiosk."""
    with env.db.read() as s:
        ids = [p.id_number for p in PEOPLE]
        return s.scalar(select(Account.id).where(Account.id_number.in_(ids)).limit(1)) is not None


def loaded_for(env: Env) -> date | None:
    """The day the demo data in the database was loaded for (its dates are counted from it): the day
    its first people were loaded, as `kiosk demo` adds only what is missing; None without them."""
    with env.db.read() as s:
        ids = [p.id_number for p in PEOPLE]
        first = s.scalar(select(func.min(Account.created_at)).where(Account.id_number.in_(ids)))
    return (first + ACCOUNT_AGE).date() if first is not None else None


def _empty(s: Session) -> bool:
    """No citizen, no staff account and no DMV office: a hall set up by hand (kiosk sites load,
    kiosk staff add) before any citizen registered is not empty, so a terminal started there
    without --no-demo does not add the demo's people and staff with their published passwords."""
    return all(s.scalar(select(t.id).limit(1)) is None for t in (Account, Staff, Office))  # no full count at start


def load(env: Env) -> dict[str, int]:
    """Create whatever demo data is missing; return how many rows of each kind were added."""
    with env.db.write() as s:
        take_turn(s, DEMO_TURN)  # another terminal loading at the same moment: after it, nothing is missing
        return _load(s, env)


def load_if_empty(env: Env) -> bool:
    """Load the demo data into a database without accounts; True if this call loaded it. Terminals
    starting together on a new database take turns: the check and the load are one transaction, so
    the first loads and the others, after it, find the data there."""
    if not is_empty(env):  # the usual start: a read, no writer's turn taken
        return False
    with env.db.write() as s:
        take_turn(s, DEMO_TURN)
        if not _empty(s):  # loaded by another terminal while this one waited
            return False
        _load(s, env)
        return True


def _load(s: Session, env: Env) -> dict[str, int]:
    added = {"offices": 0, "citizens": 0, "plans": 0, "staff": 0}
    added["offices"] = _offices(s)
    added["citizens"] = sum(_person(s, env, p) for p in PEOPLE)
    s.flush()
    demo_newcars.load(s, env.clock.now())
    demo_transfer.load(s, env.clock.now())
    _permit_cities(s)
    _violations(s, env.clock.now())
    added["plans"] = _plans(s, env.clock.now().date())
    added["staff"] = _staff(s)
    return added


def _offices(s: Session) -> int:
    """The bundled offices and exam sites (reference_sites.SEED), as ``kiosk sites load`` adds them."""
    return reference_sites.add_missing(s, reference_sites.read()).offices


def _person(s: Session, env: Env, p: Person) -> int:
    if s.scalar(select(Account.id).where(Account.id_number == p.id_number)) is not None:
        return 0
    now = env.clock.now()
    today = now.date()
    account = Account(kind="unit" if p.unit else "personal", id_number=p.id_number, name=p.name,
                      phone=p.phone if p.registered else None, address=HOME_ADDRESS[_city_of(p.region)],
                      registered_at=now - timedelta(days=30) if p.registered else None,
                      registered_via="demo" if p.registered else None, created_at=now - ACCOUNT_AGE,
                      id_photo=None if (p.licence and not p.licence["photo"]) else "photos/id_card_demo.png")
    if p.unit:
        account.agent_id_number = next(x.id_number for x in PEOPLE if x.name == p.extra["agent"])
        account.authorisation_ref = "委托书（2026）第001号"
    s.add(account)
    s.flush()
    if p.licence:
        _licence(s, account, p, today)
    for v in p.vehicles:
        due = today + timedelta(days=v["inspection_days"])
        s.add(Vehicle(owner_id=account.id, plate=v["plate"], vehicle_type=v["type"], brand=v["brand"],
                      inspection_due=due, insurance_due=today + timedelta(days=v["insurance_days"]),
                      registered_on=anniversary(due, -v["registered_years"]), use_nature=v["use"],
                      phone=p.phone, address=account.address, **_transfer_in(v, today)))
    if p.permit:
        _permit(s, env, account, p.permit)
    return 1


def _transfer_in(v: dict, today: date) -> dict:
    """A demo car's 过户 (转入) record (vehicles.transfer_in_kind, transfer_in_on), or none."""
    if not v["transfer_in"]:
        return {}
    kind, days_ago = v["transfer_in"]
    return {"transfer_in_kind": kind, "transfer_in_on": today - timedelta(days=days_ago)}


def after_upgrade(env: Env) -> None:
    with env.db.write() as s:
        _permit_cities(s)
        _violations(s, env.clock.now())
        _registrations(s)
        _transfers_in(s, env.clock.now().date())
        demo_newcars.load(s, env.clock.now())
        demo_transfer.load(s, env.clock.now())


def _registrations(s: Session) -> None:
    """Demo vehicles made before vehicles had a first registration date and a 使用性质 (migration
    0010) get theirs, counted back from their inspection due date as a new one's are."""
    cars = {v["plate"]: v for p in PEOPLE for v in p.vehicles}
    for vehicle in s.scalars(select(Vehicle).where(Vehicle.plate.in_(cars), Vehicle.registered_on.is_(None))):
        vehicle.registered_on = anniversary(vehicle.inspection_due, -cars[vehicle.plate]["registered_years"])
        vehicle.use_nature = cars[vehicle.plate]["use"]


def _transfers_in(s: Session, today: date) -> None:
    """Demo cars that came to their owner by a 过户 (转入), in a database made before the record
    (migration 0019), get it, counted back from today as a new one's is."""
    cars = {v["plate"]: v for p in PEOPLE for v in p.vehicles if v["transfer_in"]}
    for vehicle in s.scalars(select(Vehicle).where(Vehicle.plate.in_(cars), Vehicle.transfer_in_on.is_(None))):
        for key, value in _transfer_in(cars[vehicle.plate], today).items():
            setattr(vehicle, key, value)


# Unhandled traffic violations of demo vehicles: (days ago, place, behaviour, points, fine in yuan).
VIOLATIONS = (
    (12, "重庆市渝北区金开大道与星光大道交叉口", "驾驶机动车违反道路交通信号灯通行的", 6, 200),
    (40, "重庆市江北区北滨一路", "机动车违反规定停放、临时停车且驾驶人不在现场的", 0, 150),
)


def _violations(s: Session, now: datetime) -> None:
    """Demo vehicles that should have unhandled violations get them, unless they have some already
    (a database made before migration 0007 gets them on upgrade)."""
    counts = {v["plate"]: v["violations"] for p in PEOPLE for v in p.vehicles if v["violations"]}
    for vehicle in s.scalars(select(Vehicle).where(Vehicle.plate.in_(counts))):
        if s.scalar(select(func.count()).where(Violation.vehicle_id == vehicle.id)):
            continue
        for days, place, behaviour, points, fine in VIOLATIONS[:counts[vehicle.plate]]:
            s.add(Violation(vehicle_id=vehicle.id, occurred_at=(now - timedelta(days=days)).replace(hour=8, minute=12),
                            place=place, behaviour=behaviour, points=points, fine=fine))


def _city_of(id_number: str) -> str:
    """The demo city of an ID number or a region code (a unit's: its Person.region)."""
    return "重庆" if id_number.startswith("50") else "连云港"


# Where a demo person lives: the city of the ID number, as the licence's 发证机关 and the permit
# (马超's 连云港 licence had a 重庆市渝中区 address).
HOME_ADDRESS = {"重庆": "重庆市渝中区解放碑街道民族路100号", "连云港": "江苏省连云港市海州区朝阳东路66号"}
ISSUING_AUTHORITY = {"重庆": "重庆市公安局交通管理局", "连云港": "连云港市公安局交通警察支队"}


def _permit_cities(s: Session) -> None:
    """Demo permits made before permits had a city (migration 0004) get theirs."""
    ids = [p.id_number for p in PEOPLE if p.permit]
    for permit, id_number in s.execute(select(LearnerPermit, Account.id_number).join(Account).where(
            Account.id_number.in_(ids), LearnerPermit.city.is_(None))):
        permit.city = _city_of(id_number)


def _validity(first: date, today: date, expires_in_days: int | None) -> tuple[date, date, date]:
    """(first issue, valid from, valid to) of the period in force today: 6 years from the first
    issue, then 10 years at a time (GA令162). ``expires_in_days``: the period ends that many days
    from today (the first one, should a 10-year period reach back before the first issue)."""
    if expires_in_days:
        valid_to = today + timedelta(days=expires_in_days)
        valid_from = anniversary(valid_to, -10)
        if valid_from < first:
            first = valid_from = anniversary(valid_to, -6)
        return first, valid_from, valid_to
    start, end = first, anniversary(first, 6)
    while end <= today:
        start, end = end, anniversary(end, 10)
    return first, start, end


def _licence(s: Session, account: Account, p: Person, today: date) -> None:
    lic = p.licence or {}
    first, valid_from, valid_to = _validity(anniversary(today, -lic["years"]) - timedelta(days=40), today,
                                            lic["expires_in_days"])
    s.add(DrivingLicence(
        # 档案编号 starts with the issuing city's code (5001 重庆, 3207 连云港), as the region of the ID number
        account_id=account.id, archive_no=f"{p.region[:4]}{p.seq:08d}", classes=lic["classes"], status=lic["status"],
        first_issued_on=first, valid_from=valid_from, valid_to=valid_to,
        issuing_authority=ISSUING_AUTHORITY[_city_of(p.region)],
        points=lic["points"], points_recorded_on=today, phone=p.phone, address=account.address,
        photo="photos/id_card_demo.png" if lic["photo"] else None, photo_source="id_card" if lic["photo"] else None))


def _permit(s: Session, env: Env, account: Account, spec: dict) -> None:
    now = env.clock.now()
    accepted = now - timedelta(days=spec["accepted_days_ago"])
    issued = (now - timedelta(days=spec["issued_days_ago"])).date() if spec["issued_days_ago"] is not None else None
    valid_to = permit_end(issued, spec["class"], birth_date(account.id_number))[0] if issued else None
    permit = LearnerPermit(account_id=account.id, licence_class=spec["class"], accepted_at=accepted.replace(hour=10, minute=0),
                           issued_on=issued, valid_to=valid_to,
                           city=_city_of(account.id_number))
    s.add(permit)
    s.flush()
    if issued is None:
        return

    def history(subject: int, when: datetime, attempts: list[tuple[bool, int]]) -> None:
        demo_history.finished_booking(s, env, account, permit, subject, when, attempts)

    # 科目一 was passed on the day the permit was issued.
    history(1, datetime.combine(issued, time(9, 0)), [(True, 95)])
    day = lambda n: datetime.combine(now.date() - timedelta(days=n), time(8, 30))  # noqa: E731
    if spec.get("k2_failed_yesterday"):
        history(2, day(1), [(False, 60), (False, 70)])
    if spec.get("k2_passed"):
        history(2, day(30), [(True, 90)])
    for n in range(spec.get("k2_failed_bookings", 0)):
        history(2, day(300 - 60 * n), [(False, 50), (False, 65)])


def _plans(s: Session, today: date) -> int:
    sites = list(s.scalars(select(ExamSite).order_by(ExamSite.id)))
    existing = set(s.execute(select(ExamPlan.office_id, ExamPlan.subject, ExamPlan.exam_date)).all())
    added = 0
    for offset in range(1, PLAN_DAYS + 1):
        day = today + timedelta(days=offset)
        if day.weekday() == 6:  # no exams on Sundays
            continue
        for site in sites:
            for subject in (1, 2, 3):
                if (site.office_id, subject, day) in existing:
                    continue
                existing.add((site.office_id, subject, day))
                publish = day - timedelta(days=2)
                # A publication day before the demo's first day was run then (nobody had applied):
                # the counter would otherwise list those plans as 逾期, a run the clerk forgot.
                plan = ExamPlan(office_id=site.office_id, subject=subject, exam_date=day,
                                booking_opens_at=datetime.combine(day - timedelta(days=20), time(9, 0)),
                                publish_on=publish,
                                allocated_at=datetime.combine(publish, time(9, 0)) if publish < today else None)
                s.add(plan)
                added += 1
                for i, start in enumerate(TIMES):
                    seats = 20 + (site.id * 7 + offset * 3 + subject + i) % 5 * 10
                    s.add(ExamSession(plan=plan, site_id=site.id, exam_date=day, start_time=start, subject=subject,
                                      classes=SMALL if i == 0 or subject == 1 else LARGE, seats=seats,
                                      priority_quota=seats // 10))
    return added


def _staff(s: Session) -> int:
    existing = set(s.scalars(select(Staff.staff_no)))
    added = 0
    for staff_no, name, roles, password, pin in STAFF:
        if staff_no not in existing:
            s.add(Staff(staff_no=staff_no, name=name, roles=roles, password_hash=hash_secret(password),
                        pin_hash=hash_secret(pin)))
            added += 1
    return added
