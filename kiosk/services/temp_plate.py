"""申请新车临时号牌 (seed 002, section 十五): 登录交管12123APP后，通过【业务中心】-【机动车业务】
点击【申请新车临时号牌】，用户可以为本人名下未注册的机动车申请临时号牌.

The owner types the new vehicle's 车辆识别代号 (VIN, from the 机动车整车出厂合格证; the DMV knows
the vehicle from it and from the 购车发票: ``new_vehicles``), the first day and the number of days;
the rules (kiosk.domain.temp_plate, 《机动车登记规定》 公安部令第164号 Art. 52-54): at most 30 days,
at most 3 plates per vehicle, never beyond the 交强险. As the 12123 electronic temporary plate,
the number is issued at once (已办结): shown in 办理结果 and 网办进度, sent by SMS and to 消息."""
from __future__ import annotations

import secrets
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db.models import Account, Application
from ..db.models_newcars import NewVehicle, TemporaryPlate
from ..domain import temp_plate as rule
from ..domain.errors import Conflict, DomainError, FormProblems
from ..domain.typed import DATE_LEN, required_date
from .applications import FINISHED, FieldSpec, Outcome, Prepared
from .contacts import owner_words
from .date_examples import SHAPE, format_message, with_examples
from .env import Env

FIELDS = [
    FieldSpec("vin", "车辆识别代号（VIN）", placeholder="17位，见机动车整车出厂合格证", max_len=25,
              upper=True),
    FieldSpec("start", "有效期起始日期", placeholder=SHAPE, max_len=DATE_LEN),  # prepare: an example
    FieldSpec("days", f"有效天数（1-{rule.MAX_DAYS}天）", "number", placeholder=f"最多{rule.MAX_DAYS}天", max_len=4),
]
NOT_YOURS = "未查询到您名下该车辆识别代号的未注册新车，请对照合格证核对"
NO_NEW_VEHICLE = "您名下没有未注册登记的新车（须有机动车整车出厂合格证和购车发票信息），无法办理此业务"
INTRO = ("为本人名下未注册登记的新车申请临时号牌（电子临时号牌，即时核发）：请按机动车整车出厂合格证填写"
         f"车辆识别代号，选择有效期。每次有效期最长{rule.MAX_DAYS}天，不超过交强险有效期；"
         f"每辆车最多核发{rule.MAX_ISSUES}次。")


def _issued(session: Session, vehicle_ids: list[int]) -> dict[int, tuple[int, date | None]]:
    """vehicle id -> (temporary plates issued, the last one's last day)."""
    rows = session.execute(select(TemporaryPlate.new_vehicle_id, func.count(), func.max(TemporaryPlate.valid_to))
                           .where(TemporaryPlate.new_vehicle_id.in_(vehicle_ids))
                           .group_by(TemporaryPlate.new_vehicle_id)).all()
    return {vid: (count, last) for vid, count, last in rows}


def _facts(v: NewVehicle, issued: tuple[int, date | None]) -> dict:
    return {"id": v.id, "label": f"{v.brand} {v.model}（{v.vehicle_type}）", "insurance_due": v.insurance_due,
            "invoice_date": v.invoice_date, "prefix": v.plate_prefix, "issued": issued[0], "last_to": issued[1]}


def _line(vin: str, f: dict, today: date) -> str:
    last = f"，上一副有效期至{f['last_to']:%Y-%m-%d}" if f["last_to"] else ""
    line = (f"{f['label']}：车辆识别代号后6位{vin[-6:]}，购车发票日期{f['invoice_date']:%Y-%m-%d}，"
            f"交强险有效期至{f['insurance_due']:%Y-%m-%d}，已核发临时号牌{f['issued']}次{last}")
    refusals = _refusals(f, today)
    return line + (f"（不能申请：{'；'.join(refusals)}）" if refusals else "")


def _refusals(f: dict, today: date) -> list[str]:
    return rule.vehicle_refusals(f["issued"], f["insurance_due"], today, f["last_to"])


class TemporaryPlateService:
    kind = code_purpose = "temp_plate"
    title = "申请新车临时号牌"

    def prepare(self, session: Session, env: Env, account: Account) -> Prepared:
        vehicles = list(session.scalars(select(NewVehicle).where(
            NewVehicle.owner_id == account.id, NewVehicle.registered_at.is_(None)).order_by(NewVehicle.id)))
        if not vehicles:
            raise DomainError(owner_words(NO_NEW_VEHICLE, account))  # 本单位名下 for a unit
        today = env.clock.now().date()
        issued = _issued(session, [v.id for v in vehicles])
        facts = {v.vin: _facts(v, issued.get(v.id, (0, None))) for v in vehicles}
        lines = [_line(vin, f, today) for vin, f in facts.items()]
        open_to = [f for f in facts.values() if not _refusals(f, today)]
        if not open_to:
            raise DomainError("不能申请新车临时号牌：\n" + "\n".join(lines))
        start = rule.first_start(today, open_to[0]["last_to"]) if len(open_to) == 1 else today
        intro = owner_words(f"{INTRO}\n您名下未注册的新车：\n", account) + "\n".join(lines)  # 本单位 for a unit
        context: dict[str, object] = {"new": facts, "today": today, "not_yours": owner_words(NOT_YOURS, account)}
        # the example: a first day each vehicle open to a plate accepts (its last plate run out by then)
        example = rule.example_start(today, [f["last_to"] for f in open_to])
        fields = with_examples(FIELDS, context, {"start": example})
        return Prepared(intro, fields, {"start": f"{start:%Y-%m-%d}", "days": str(rule.MAX_DAYS)}, context=context)

    def validate(self, form: dict[str, str], prepared: Prepared) -> dict[str, str]:
        """Every field checked, each problem next to its field (all told at once)."""
        problems = FormProblems()
        today = prepared.context["today"]
        assert isinstance(today, date)
        vin = problems.check(rule.clean_vin, form.get("vin", ""))
        facts = problems.check(self._vehicle, vin, prepared) if vin else None
        start = problems.check(required_date, form.get("start", ""), "start", "有效期起始日期",
                               format_message(prepared, "start", "起始日期"))
        # The window from today is the date's own; the vehicle's last plate only once it is known.
        if start is not None and (why := rule.start_refusal(start, today, facts["last_to"] if facts else None)):
            problems.add(why, "start")
            start = None  # no limit of days is counted from a first day refused
        days = problems.check(rule.clean_days, form.get("days", ""))
        if start is not None and days is not None and facts is not None:
            if why := rule.end_refusal(start, days, facts["insurance_due"]):
                problems.add(why, "days")
        problems.raise_found()
        assert vin and facts and start and days
        return {"vin": vin, "vehicle": facts["label"], "start": start.isoformat(), "days": str(days),
                "valid_to": rule.valid_to(start, days).isoformat()}

    def _vehicle(self, vin: str, prepared: Prepared) -> dict:
        facts = (prepared.context["new"] or {}).get(vin)  # type: ignore[union-attr]
        if facts is None:
            raise DomainError(str(prepared.context.get("not_yours", NOT_YOURS)), "vin")
        refusals = _refusals(facts, prepared.context["today"])  # type: ignore[arg-type]
        if refusals:
            raise DomainError("；".join(refusals), "vin")
        return facts

    def phone_to_confirm(self, clean: dict[str, str], prepared: Prepared) -> str | None:
        return None  # the citizen is signed in; nothing on record changes hands

    def summary(self, clean: dict[str, str], prepared: Prepared) -> list[tuple[str, str]]:
        facts = prepared.context["new"][clean["vin"]]  # type: ignore[index]
        return [("车辆", clean["vehicle"]), ("车辆识别代号", clean["vin"]),
                ("有效期", f"{clean['start']}至{clean['valid_to']}（{clean['days']}天）"),
                ("核发次数", f"第{facts['issued'] + 1}次（每辆车最多{rule.MAX_ISSUES}次）"),
                ("交强险有效期至", f"{facts['insurance_due']:%Y-%m-%d}")]

    def apply(self, session: Session, env: Env, account: Account, clean: dict[str, str],
              prepared: Prepared) -> Outcome:
        # Locked first (PostgreSQL: FOR UPDATE), then counted again: another kiosk may have just issued one.
        vehicle = session.scalar(select(NewVehicle).where(
            NewVehicle.vin == clean["vin"], NewVehicle.owner_id == account.id,
            NewVehicle.registered_at.is_(None)).with_for_update())
        if vehicle is None:
            raise DomainError(owner_words(NOT_YOURS, account), "vin")
        now = env.clock.now()
        count, last = _issued(session, [vehicle.id]).get(vehicle.id, (0, None))
        start, days = date.fromisoformat(clean["start"]), int(clean["days"])
        refusals = rule.vehicle_refusals(count, vehicle.insurance_due, now.date(), last)
        if refusals:
            raise DomainError("；".join(refusals), "vin")
        for field, why in (("start", rule.start_refusal(start, now.date(), last)),
                           ("days", rule.end_refusal(start, days, vehicle.insurance_due))):
            if why:
                raise DomainError(why, field)
        plate = _issue(session, vehicle, start, rule.valid_to(start, days), now)

        def created(app: Application) -> None:
            plate.application_id = app.id
            app.payload = {**app.payload, "number": plate.number}

        note = (f"已核发临时号牌{plate.number}，有效期{plate.valid_from:%Y-%m-%d}至{plate.valid_to:%Y-%m-%d}，"
                f"车辆识别代号{vehicle.vin}（该车第{count + 1}次，最多{rule.MAX_ISSUES}次）。"
                "临时号牌信息可在【网办进度】中查看，请按规定放置在前挡风玻璃内侧")
        return Outcome(FINISHED, note, f"{FINISHED}：{note}。", created)


def _issue(session: Session, vehicle: NewVehicle, start: date, end: date, now: datetime) -> TemporaryPlate:
    """A plate with a number no other has: drawn at random; the unique index decides a race."""
    for _ in range(20):
        number = vehicle.plate_prefix + "".join(secrets.choice(rule.PLATE_SERIAL_CHARS)
                                                for _ in range(rule.PLATE_SERIAL_LEN))
        if session.scalar(select(TemporaryPlate.id).where(TemporaryPlate.number == number)) is not None:
            continue
        plate = TemporaryPlate(number=number, new_vehicle_id=vehicle.id, valid_from=start, valid_to=end,
                               issued_at=now)
        try:
            with session.begin_nested():
                session.add(plate)
                session.flush()
        except IntegrityError:
            continue
        return plate
    raise Conflict("临时号牌号码分配繁忙，请稍后再试")


def plates_of(session: Session, account_id: int) -> list[TemporaryPlate]:
    """The temporary plates issued for the account's new vehicles, newest first."""
    return list(session.scalars(select(TemporaryPlate).join(NewVehicle).where(NewVehicle.owner_id == account_id)
                                .order_by(TemporaryPlate.id.desc())))
