"""新车选号 (seed 002, section 十二): 登录交管12123APP后，通过【业务中心】-【机动车业务】点击【新车选号】，
用户可以为本人名下的小型汽车、小型新能源汽车以及大型新能源汽车进行选号.

For a new car in the citizen's name not yet registered (``new_vehicles``, as 申请新车临时号牌), of
those kinds; any other kind is said before the form. Two ways (kiosk.domain.plate_choice): 随机选号,
one of 50 free numbers drawn at random, or 自编自选, a number composed by the plate rule. A car
chooses once; the number is kept at once (已办结) for its 注册登记 at the 车管所, and told in
办理结果, 网办进度, 消息 and an SMS."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Account
from ..db.models_newcars import NewVehicle, PlateSelection
from ..domain import plate_choice as rule
from ..domain.errors import DomainError, FormProblems
from .applications import FINISHED, FieldSpec, Outcome, Prepared
from .env import Env
from .plate_common import (car_line, check_number, chosen_by_car, link, number_field, number_fields, pool, record,
                           rules_said, taken_numbers, way_choices)

BUSINESS = "新车选号"
NOT_YOURS = "未查询到您名下该未注册新车，请重新选择"
INTRO = ("为本人名下未注册登记的新车选择号牌号码（限小型汽车、小型新能源汽车、大型新能源汽车），每辆车选号一次。"
         f"选号方式：随机选号（从系统随机产生的{rule.POOL_SIZE}个号码中选择一个）或自编自选（按号牌编码规则"
         "自行编排，已被使用或已被他人选用的号码不能选）。选定后请携带车辆到车管所办理注册登记。")


def _facts(v: NewVehicle, taken: frozenset[str], today) -> dict:  # type: ignore[no-untyped-def]
    letter = "" if v.plate_kind == rule.SMALL else rule.energy_letter(v.fuel)
    facts = {"id": v.id, "kind": v.plate_kind, "prefix": v.plate_prefix, "letter": letter,
             "label": f"{v.brand} {v.model}（{v.plate_kind}，车辆识别代号后6位{v.vin[-6:]}）"}
    if not rule.kind_refusal(v.plate_kind):
        facts["pool"] = pool(v.vin, today, v.plate_kind, v.plate_prefix, letter, taken)
    return facts


class NewCarPlate:
    kind = code_purpose = "plate_new"
    title = BUSINESS

    def prepare(self, session: Session, env: Env, account: Account) -> Prepared:
        cars = list(session.scalars(select(NewVehicle).where(
            NewVehicle.owner_id == account.id, NewVehicle.registered_at.is_(None)).order_by(NewVehicle.id)))
        if not cars:
            raise DomainError("您名下没有未注册登记的新车（须有机动车整车出厂合格证和购车发票信息），无法办理新车选号")
        today = env.clock.now().date()
        chosen = chosen_by_car(session, PlateSelection.new_vehicle_id, [c.id for c in cars])
        taken = frozenset().union(*(taken_numbers(session, p) for p in {c.plate_prefix for c in cars}))
        facts, lines = {}, []
        for i, car in enumerate(cars):  # a car's fields are named by its place among all: pick_<i>, own_<i>
            why = rule.kind_refusal(car.plate_kind) or (
                f"已选定号牌号码{chosen[car.id]}，每辆车只能选号一次" if car.id in chosen else "")
            f = {**_facts(car, taken, today), "i": i}
            lines.append(car_line(f["label"], why))
            if not why:
                facts[car.vin] = f
        if not facts:
            raise DomainError("不能办理新车选号：\n" + "\n".join(lines))
        intro = f"{INTRO}\n您名下未注册的新车：\n" + "\n".join(lines) + "\n" + rules_said(facts.values(), taken)
        fields = [FieldSpec("vin", "车辆", kind="choice"), FieldSpec("way", "选号方式", kind="choice")]
        for vin, f in facts.items():
            fields += number_fields(f["i"], "vin", vin, f, taken=taken)
        choices = {"vin": [(f["label"], vin) for vin, f in facts.items()], "way": way_choices()}
        for f in facts.values():
            choices[f"pick_{f['i']}"] = [(n, n) for n in f["pool"]]
        initial = {"vin": next(iter(facts))} if len(facts) == 1 else {}
        return Prepared(intro, fields, initial, choices, context={"cars": facts, "taken": taken})

    def validate(self, form: dict[str, str], prepared: Prepared) -> dict[str, str]:
        problems = FormProblems()
        cars: dict = prepared.context["cars"]  # type: ignore[assignment]
        vin, way = form.get("vin", ""), form.get("way", "")
        if vin not in cars:
            problems.add("请选择要选号的车辆" if not vin else NOT_YOURS, "vin")
        if way not in (rule.RANDOM, rule.OWN):
            problems.add("请选择选号方式：随机选号或自编自选", "way")
        number = None
        if vin in cars and way in (rule.RANDOM, rule.OWN):
            number = check_number(problems, form, cars[vin], way, prepared.context["taken"])  # type: ignore[arg-type]
        problems.raise_found()
        assert number is not None
        return {"vin": vin, "vehicle": cars[vin]["label"], "way": way, "number": number}

    def phone_to_confirm(self, clean: dict[str, str], prepared: Prepared) -> str | None:
        return None  # the citizen is signed in; nothing on record changes hands

    def summary(self, clean: dict[str, str], prepared: Prepared) -> list[tuple[str, str]]:
        return [("车辆", clean["vehicle"]), ("选号方式", clean["way"]), ("号牌号码", clean["number"])]

    def apply(self, session: Session, env: Env, account: Account, clean: dict[str, str],
              prepared: Prepared) -> Outcome:
        car = session.scalar(select(NewVehicle).where(
            NewVehicle.vin == clean["vin"], NewVehicle.owner_id == account.id,
            NewVehicle.registered_at.is_(None)).with_for_update())
        if car is None:
            raise DomainError(NOT_YOURS, "vin")
        field = number_field(prepared.context["cars"][car.vin], clean["way"])  # type: ignore[index]
        selection = record(session, clean["number"], BUSINESS, clean["way"], env.clock.now(), field,
                           new_vehicle_id=car.id)
        note = (f"已选定号牌号码{selection.number}（{clean['way']}），车辆：{car.brand} {car.model}，"
                f"车辆识别代号{car.vin}。请携带车辆及相关资料到车管所办理注册登记")
        return Outcome(FINISHED, note, f"{FINISHED}：{note}。", link(selection))
