"""在用车选号 (seed 002, section 十三): 登录交管12123APP后，通过【业务中心】-【机动车业务】点击【在用车选号】，
用户可以进行本人名下本地二手车过户选号或者异地转(迁)入选号业务.

For a registered car in the citizen's name (``vehicles``) of the kinds 新车选号 takes (小型汽车,
小型新能源汽车, 大型新能源汽车; others are said before the form) that came to them by a 过户 or 转入 on
record (``transfer_in_kind``, ``transfer_in_on``): the 业务类型 and the day are the record's, not typed
(a car with none is refused: 该车没有过户或转入记录). RULES.md: "keep the old number within 2 years if used >=1 year": 保留原号牌 when
the car had been registered at least 1 year by that day and the application is within 2 years
from it (kiosk.domain.plate_choice.keep_refusal); otherwise a new number by 随机选号 or 自编自选,
as 新车选号. One selection per car, 已办结 at once, told as 新车选号's. Not for a car whose 转籍 is
under way, nor while one of its documents carrying the plate number is being made (受理中: 补换领
机动车号牌, 补换领行驶证, 补领检验合格标志 or 免检车申领检验标志; NUMBERED_KINDS): it would be made for the
old number. The other way round, those services refuse a car whose new number is chosen and not on
it yet (kiosk.services.owned_vehicles.held_back)."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ..db.models import Account, Vehicle
from ..db.models_newcars import PlateSelection
from ..domain import plate_choice as rule
from ..domain.errors import DomainError, FormProblems
from ..domain.titles import of_title
from ..domain.vehicle_docs import NUMBERED_KINDS
from .applications import FINISHED, FieldSpec, Outcome, Prepared
from .env import Env
from .owned_vehicles import NEW_PLATE, held_vehicles, in_transfer, open_of_kinds, transfers_in_progress, vehicle_of
from .plate_common import (car_line, check_number, chosen_by_car, link, number_field, number_fields, pool, record,
                           rules_said, taken_numbers, way_choices)

TITLE = "在用车选号"
BUSINESSES = ("本地二手车过户选号", "异地转（迁）入选号")
BUSINESS_OF = {"过户": BUSINESSES[0], "转入": BUSINESSES[1]}  # vehicles.transfer_in_kind -> 业务类型
NO_TRANSFER = "该车没有过户或转入记录，不能办理在用车选号"
NOT_YOURS = "未查询到您名下该机动车，请重新选择"
KEPT = "原号牌和行驶证继续使用，无需到车管所办理"
KEEP_RULE = (f"该车登记满{rule.KEEP_USED_YEARS}年后过户（转入）的，自过户（转入）之日起{rule.KEEP_WITHIN_YEARS}年内"
             "可以保留原号牌")
INTRO = ("为本人名下的在用车选择号牌号码：本地二手车过户选号或异地转（迁）入选号（限小型汽车、小型新能源汽车、"
         f"大型新能源汽车），每辆车选号一次。{KEEP_RULE}；否则请随机选号或自编自选新号牌号码。")

def document_in_progress(open_app: tuple[str, str]) -> str:
    """Why a car whose 号牌, 行驶证 or 检验合格标志 is being made (业务流水号, the service's title)
    chooses no number now: the document shows the plate number (a clause, without 。)."""
    serial, title = open_app
    return f"该车有正在办理的{of_title(title)}（业务流水号{serial}），办结后方可申请在用车选号"


def _facts(v: Vehicle, kind: str, today: date, taken: frozenset[str]) -> dict:
    prefix, letter = v.plate[:2], rule.letter_of(kind, v.plate)
    registered = f"，登记日期{v.registered_on:%Y-%m-%d}" if v.registered_on else ""
    business = BUSINESS_OF.get(v.transfer_in_kind or "") if v.transfer_in_on else None
    moved = f"，{v.transfer_in_kind}日期{v.transfer_in_on:%Y-%m-%d}" if business and v.transfer_in_on else ""
    facts = {"id": v.id, "kind": kind, "prefix": prefix, "letter": letter, "plate": v.plate,
             "registered_on": v.registered_on, "business": business, "moved_on": v.transfer_in_on,
             "label": f"{v.plate} {v.brand}（{kind}{registered}{moved}）",
             # the 车辆 option's: without the 登记日期 (said in the list above it), it fits 80 columns
             # (tester: cut mid-date, 过户日期2025-10-...)
             "option": f"{v.plate} {v.brand}（{kind}{moved}）",
             "car": f"{v.plate} {v.brand}（{kind}{registered}）"}  # the summary's: its 过户（转入）日期 has a line
    if not rule.kind_refusal(kind):
        facts["pool"] = pool(v.plate, today, kind, prefix, letter, taken)
    return facts


def own_number_said(plate: str, registered_on: date | None, moved: date | None, today: date) -> str:
    """What 自编自选 of the car's own current number says: it is theirs, not 已被使用; keeping it is
    保留原号牌, with its condition, or why this car may not keep it (when the 过户 day is known)."""
    why = rule.keep_refusal(registered_on, moved, today) if moved is not None else ""
    if why:
        return f"{plate}是该车现用号牌，自编自选须选择新的号牌号码；{why}"
    return f"{plate}是该车现用号牌；如需继续使用，请选择【保留原号牌】（{KEEP_RULE}）"


class UsedCarPlate:
    kind = code_purpose = "plate_used"
    title = TITLE

    def prepare(self, session: Session, env: Env, account: Account) -> Prepared:
        cars = sorted(held_vehicles(session, account.id), key=lambda v: v.id)
        if not cars:
            raise DomainError("您名下没有已登记的机动车，无法办理在用车选号")
        today = env.clock.now().date()
        chosen = chosen_by_car(session, PlateSelection.vehicle_id, [c.id for c in cars])
        moving = transfers_in_progress(session, account.id)
        making = open_of_kinds(session, account.id, NUMBERED_KINDS)
        taken = frozenset().union(*(taken_numbers(session, p) for p in {c.plate[:2] for c in cars}))
        facts, lines = {}, []
        for i, car in enumerate(cars):  # a car's fields are named by its place among all: pick_<i>, own_<i>
            kind = rule.kind_of_registered(car.vehicle_type, car.plate)
            f = {**_facts(car, kind, today, taken), "i": i}
            why = rule.kind_refusal(kind) or (
                f"已选定号牌号码{chosen[car.id]}，每辆车只能选号一次" if car.id in chosen else "") or (
                NO_TRANSFER if f["business"] is None else "") or (
                in_transfer(moving[car.plate]) if car.plate in moving else "") or (  # leaving the city's record
                document_in_progress(making[car.plate]) if car.plate in making else "")
            lines.append(car_line(f["label"], why))
            if not why:
                facts[car.plate] = f
        if not facts:
            raise DomainError("不能办理在用车选号：\n" + "\n".join(lines))
        intro = f"{INTRO}\n您名下的机动车：\n" + "\n".join(lines) + "\n" + rules_said(facts.values(), taken)
        fields = [FieldSpec("plate", "车辆", kind="choice"), FieldSpec("way", "选号方式", kind="choice")]
        for plate, f in facts.items():
            fields += number_fields(f["i"], "plate", plate, f, taken=taken)
        choices = {"plate": [(f["option"], p) for p, f in facts.items()], "way": way_choices(keep=True)}
        for f in facts.values():
            choices[f"pick_{f['i']}"] = [(n, n) for n in f["pool"]]
        initial = {"plate": next(iter(facts))} if len(facts) == 1 else {}
        return Prepared(intro, fields, initial, choices, context={"cars": facts, "taken": taken, "today": today})

    def validate(self, form: dict[str, str], prepared: Prepared) -> dict[str, str]:
        problems = FormProblems()
        cars: dict = prepared.context["cars"]  # type: ignore[assignment]
        today: date = prepared.context["today"]  # type: ignore[assignment]
        plate, way = form.get("plate", ""), form.get("way", "")
        facts = cars.get(plate)
        if facts is None:
            problems.add("请选择要选号的车辆" if not plate else NOT_YOURS, "plate")
        moved = facts["moved_on"] if facts is not None else None  # the 过户 (转入) on record
        if way not in (rule.KEEP, rule.RANDOM, rule.OWN):
            problems.add("请选择选号方式：保留原号牌、随机选号或自编自选", "way")
        number = None
        if facts is not None and way == rule.KEEP and moved is not None:
            if why := rule.keep_refusal(facts["registered_on"], moved, today):
                problems.add(why, "way")
            else:
                number = facts["plate"]
        elif facts is not None and way in (rule.RANDOM, rule.OWN):
            own = own_number_said(facts["plate"], facts["registered_on"], moved, today)
            number = check_number(problems, form, facts, way, prepared.context["taken"], own)  # type: ignore[arg-type]
        problems.raise_found()
        assert facts is not None and moved is not None and number is not None
        return {"plate": plate, "vehicle": facts["car"], "business": facts["business"], "moved_on": moved.isoformat(),
                "way": way, "number": number}

    def phone_to_confirm(self, clean: dict[str, str], prepared: Prepared) -> str | None:
        return None

    def summary(self, clean: dict[str, str], prepared: Prepared) -> list[tuple[str, str]]:
        return [("车辆", clean["vehicle"]), ("业务类型", clean["business"]), ("过户（转入）日期", clean["moved_on"]),
                ("选号方式", clean["way"]), ("号牌号码", clean["number"])]

    def apply(self, session: Session, env: Env, account: Account, clean: dict[str, str],
              prepared: Prepared) -> Outcome:
        car = vehicle_of(session, account.id, clean["plate"], lock=True)
        if car is None:
            raise DomainError(NOT_YOURS, "plate")
        if car.transfer_in_on is None or car.transfer_in_on.isoformat() != clean["moved_on"]:  # changed meanwhile
            raise DomainError(f"{car.plate}不能选号：{NO_TRANSFER}。" if car.transfer_in_on is None else
                              f"{car.plate}的过户（转入）记录已变更，请重新办理", "plate")
        moving = transfers_in_progress(session, account.id)
        if car.plate in moving:  # a 转籍 made meanwhile on another kiosk
            raise DomainError(f"{car.plate}不能选号：{in_transfer(moving[car.plate])}。", "plate")
        open_app = open_of_kinds(session, account.id, NUMBERED_KINDS, car.plate).get(car.plate)
        if open_app:  # a plate, 行驶证 or mark applied for meanwhile on another kiosk
            raise DomainError(f"{car.plate}不能选号：{document_in_progress(open_app)}。", "plate")
        field = number_field(prepared.context["cars"][car.plate], clean["way"])  # type: ignore[index]
        selection = record(session, clean["number"], clean["business"], clean["way"], env.clock.now(), field,
                           vehicle_id=car.id, own_plate=car.plate)
        # The 过户 (转入) is done (the car is in the citizen's name, its day not after today): what is
        # left is the new number on the car, or nothing when the old one is kept.
        chosen = (f"保留原号牌{car.plate}（{car.brand}）。{KEPT}" if clean["way"] == rule.KEEP else
                  f"已选定新号牌号码{selection.number}（{clean['way']}），原号牌{car.plate}（{car.brand}）。{NEW_PLATE}")
        note = f"{clean['business']}：{chosen}"
        return Outcome(FINISHED, note, f"{FINISHED}：{note}。", link(selection))
