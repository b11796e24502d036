"""What 新车选号 (kiosk.services.plate_new) and 在用车选号 (kiosk.services.plate_used) share: the numbers
taken, the random set a car is shown, the fields of the two ways, their checks and the record kept.

A number is taken when a registered vehicle carries it or a selection holds it. A temporary plate
(申请新车临时号牌: 渝A3K7Q, 4 characters after 渝A) can never be one (5 or 6), so it is not looked at.

The random set is drawn with a seed made of the car and the day: the citizen sees the same set all
day (the form and the check at 提交, made again, agree), less whatever was chosen meanwhile."""
from __future__ import annotations

import hashlib
import random
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db.models import Application, Vehicle
from ..db.models_newcars import PlateSelection
from ..domain import plate_choice as rule
from ..domain.errors import DomainError, FormProblems
from .applications import FieldSpec

TAKEN = "号牌号码{number}已被使用或已被他人选用，请另选"
PICK_HINT = "请从随机产生的号码中选择一个"


def taken_numbers(session: Session, prefix: str) -> frozenset[str]:
    """Every number of the DMV ``prefix`` (渝A) registered or chosen."""
    like = prefix.replace("%", "") + "%"
    plates = session.scalars(select(Vehicle.plate).where(Vehicle.plate.like(like)))
    chosen = session.scalars(select(PlateSelection.number).where(PlateSelection.number.like(like)))
    return frozenset(plates) | frozenset(chosen)


def pool(key: str, day: date, kind: str, prefix: str, letter: str, taken: frozenset[str]) -> list[str]:
    """The random set shown for the car ``key`` today."""
    seed = int.from_bytes(hashlib.sha256(f"{key}|{day:%Y%m%d}|{kind}".encode()).digest()[:8], "big")
    return rule.draw_pool(random.Random(seed), kind, prefix, letter, set(taken))


def number_fields(i: int, car_field: str, car: str, car_facts: dict, extra: tuple = (),
                  taken: frozenset[str] = frozenset()) -> list[FieldSpec]:
    """The random set to choose from and the box to compose a number in, for the ``i``-th car (shown
    only while it is the chosen car and the way chosen is theirs); the example is a number not ``taken``."""
    n = rule.serial_len(car_facts["kind"])
    prefix = car_facts["prefix"]
    example = rule.example(car_facts["kind"], car_facts["letter"], prefix, taken)
    when = ((car_field, car),) + extra
    return [FieldSpec(f"pick_{i}", f"号牌号码（系统随机产生{len(car_facts['pool'])}个，请选择一个）", kind="choice",
                      show_if=when + (("way", rule.RANDOM),)),
            FieldSpec(f"own_{i}", f"自编号牌号码（{prefix}之后{n}位）", placeholder=f"例如 {example}", max_len=12, upper=True,
                      show_if=when + (("way", rule.OWN),))]


def check_number(problems: FormProblems, form: dict[str, str], facts: dict, way: str,
                 taken: frozenset[str], own_said: str = "") -> str | None:
    """The number the form gives by ``way`` (随机选号, 自编自选) for the car of ``facts`` (its fields
    pick_<i>, own_<i>), or None with the problem next to its field. ``own_said``: what is said when the
    number typed is the car's own current one (facts["plate"], 在用车选号), not 已被使用."""
    i = facts["i"]
    if way == rule.RANDOM:
        pick = form.get(f"pick_{i}", "")
        if not pick:
            problems.add(PICK_HINT + "号牌号码", f"pick_{i}")
            return None
        if pick not in facts["pool"] or pick in taken:
            problems.add(TAKEN.format(number=pick), f"pick_{i}")
            return None
        return pick
    number = problems.check(rule.clean_own, form.get(f"own_{i}", ""), facts["kind"], facts["prefix"],
                            facts["letter"], f"own_{i}", taken)
    if number is not None and own_said and number == facts.get("plate"):
        problems.add(own_said, f"own_{i}")
        return None
    if number is not None and number in taken:
        problems.add(TAKEN.format(number=number), f"own_{i}")
        return None
    return number


def number_field(facts: dict, way: str) -> str:
    """The field a refusal of the number chosen ``way`` for the car of ``facts`` is told next to."""
    return {rule.KEEP: "way", rule.RANDOM: f"pick_{facts['i']}"}.get(way, f"own_{facts['i']}")


def rules_said(cars, taken: frozenset[str] = frozenset()) -> str:  # type: ignore[no-untyped-def]
    """The self-composing rule of each kind among ``cars`` (facts), one line each (examples not ``taken``)."""
    rules = {(f["kind"], rule.rule_text(f["kind"], f["prefix"], f["letter"], taken)) for f in cars}
    return "\n".join(f"{kind}自编规则：{text}" for kind, text in sorted(rules))


def car_line(label: str, why: str) -> str:
    """A car in the list before the form (or in the refusal when none may choose): whether it may
    choose a number, and why not, as one sentence ending in 。, as the other services' lists do (渝...
    不能申请转籍：...。); it ended mid-sentence (tester)."""
    return f"{label}：不能选号，{why.rstrip('。')}。" if why else f"{label}：可以选号。"


def way_choices(keep: bool = False) -> list[tuple[str, str]]:
    ways = [(f"随机选号（从系统随机产生的{rule.POOL_SIZE}个号码中选择）", rule.RANDOM),
            ("自编自选（按号牌编码规则自行编排号码）", rule.OWN)]
    return ([("保留原号牌（原号牌使用满1年，过户（转入）后2年内）", rule.KEEP)] if keep else []) + ways


def record(session: Session, number: str, business: str, way: str, now: datetime, field: str, *,
           new_vehicle_id: int | None = None, vehicle_id: int | None = None, own_plate: str = "") -> PlateSelection:
    """Keep the selection; refused when the number was taken meanwhile (a vehicle, or another kiosk:
    the unique index decides) or the car already has one. ``own_plate``: the car's own number,
    which keeping it does not count as taken."""
    if number != own_plate and session.scalar(select(Vehicle.id).where(Vehicle.plate == number)) is not None:
        raise DomainError(TAKEN.format(number=number), field)
    selection = PlateSelection(number=number, new_vehicle_id=new_vehicle_id, vehicle_id=vehicle_id,
                               business=business, way=way, chosen_at=now)
    try:
        with session.begin_nested():
            session.add(selection)
            session.flush()
    except IntegrityError:
        mine = PlateSelection.new_vehicle_id == new_vehicle_id if new_vehicle_id else \
            PlateSelection.vehicle_id == vehicle_id
        if session.scalar(select(PlateSelection.id).where(mine)) is not None:
            raise DomainError("该车已选定号牌号码，每辆车只能选号一次", field) from None
        raise DomainError(TAKEN.format(number=number), field) from None
    return selection


def link(selection: PlateSelection):  # type: ignore[no-untyped-def]
    """Outcome.created: the application made is the selection's, and shows its number."""
    def created(app: Application) -> None:
        selection.application_id = app.id
        app.payload = {**app.payload, "number": selection.number}

    return created


def chosen_by_car(session: Session, column, ids: list[int]) -> dict[int, str]:  # type: ignore[no-untyped-def]
    """car id -> the number already chosen for it."""
    rows = session.execute(select(column, PlateSelection.number).where(column.in_(ids))).all()
    return {car: number for car, number in rows}
