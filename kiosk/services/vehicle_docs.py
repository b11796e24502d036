"""What the vehicle document services share (补换领行驶证, 补换领机动车号牌, 补领检验合格标志):
choose one of the citizen's own vehicles, say how to receive the document (邮寄 to an address or
窗口领取 at a DMV office of the vehicle's city), and by which working day it is made. Each ends
受理中: the DMV makes the document and the counter finishes the application (``finish``)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import Account, Application, Vehicle, Violation
from ..domain.errors import DomainError, FormProblems, StillPending
from ..domain.ids import clean_address
from ..domain.vehicle_docs import (COUNTER, DELIVERIES, MAIL, MAILED, COLLECTED, area_of_plate, check_finish,
                                   clean_choice, open_refusal)
from ..domain.workdays import add_working_days
from .applications import WAITING, FieldSpec, Outcome, Prepared
from .contacts import chosen_vehicle, owner_words
from .env import Env
from .owned_vehicles import NO_VEHICLE, held_back, held_vehicles, open_of_kinds, vehicle_of
from .offices import label, listed
from .workdays import work_calendar

DELIVERY_FIELDS = [
    FieldSpec("delivery", "领取方式", "choice"),
    FieldSpec("address", "邮寄地址（可修改）", "text", "省市区街道门牌号", max_len=100, show_if=(("delivery", MAIL),)),
    FieldSpec("office", "领取网点", "choice", show_if=(("delivery", COUNTER),)),
]


def vehicle_facts(session: Session, vehicles: list[Vehicle]) -> dict[str, dict]:
    """plate -> what the services know of the vehicle (its unhandled violations counted)."""
    unhandled = dict(session.execute(
        select(Violation.vehicle_id, func.count()).where(Violation.vehicle_id.in_([v.id for v in vehicles]),
                                                         Violation.handled_at.is_(None))
        .group_by(Violation.vehicle_id)).all())
    return {v.plate: {"address": v.address, "area": area_of_plate(v.plate), "vehicle_type": v.vehicle_type,
                      "use_nature": v.use_nature, "registered_on": v.registered_on,
                      "inspection_due": v.inspection_due, "insurance_due": v.insurance_due,
                      "unhandled": unhandled.get(v.id, 0)} for v in vehicles}


class VehicleDocument:
    """A document of one of the citizen's vehicles, made by the DMV and mailed or collected."""

    kind = title = code_purpose = document = intro = ""
    verb = ""  # what the citizen does (补领, 申领), where a refusal names it: 不能补领检验合格标志：...
    working_days: int | None = None  # made within this many working days (None: no promise)
    finish_choices: tuple[str, ...] = (MAILED, COLLECTED)
    finish_by = ("delivery", {MAIL: MAILED, COUNTER: COLLECTED})  # as the citizen chose
    # The services whose application still open for a vehicle refuses this one: those making the
    # same document (免检车申领 and 补领 both make the 检验合格标志); () for this service alone.
    open_kinds: tuple[str, ...] = ()

    # What a service adds between the vehicle and the delivery (overridden by each service).
    def extra_fields(self) -> list[FieldSpec]:
        return []

    def extra_choices(self) -> dict[str, list[tuple[str, str]]]:
        return {}

    def clean_extra(self, form: dict[str, str], facts: dict | None, prepared: Prepared) -> dict[str, str]:
        """The service's own fields, checked (``facts``: the vehicle chosen, None when it is not the
        citizen's); several problems are raised together (FieldErrors)."""
        return {}

    def extra_summary(self, clean: dict[str, str]) -> list[tuple[str, str]]:
        return []

    def named(self, values: dict) -> str:
        """The document as the result, the messages and the counter's completion name it, from the
        application's fields (``values``): 补换领机动车号牌 says which plates."""
        return self.document

    def vehicle_intro(self, facts: dict, today: date) -> str:
        return self.intro

    def vehicle_refusals(self, facts: dict, today: date) -> list[str]:
        """Why a vehicle (its ``facts``) cannot have this document today, whatever is typed (none by default)."""
        return []

    def check_at_apply(self, session: Session, env: Env, vehicle: Vehicle) -> None:
        """A service's own re-check inside the write, on the locked vehicle (none by default)."""

    # The OnlineService protocol.
    def prepare(self, session: Session, env: Env, account: Account) -> Prepared:
        vehicles = held_vehicles(session, account.id)
        if not vehicles:
            raise DomainError(owner_words(NO_VEHICLE, account))
        facts = vehicle_facts(session, vehicles)
        areas = {f["area"] for f in facts.values()}
        offices = listed(session, None if None in areas else areas)
        office_facts = {str(o.id): {"name": o.name, "city": o.city, "address": o.address} for o in offices}
        today = env.clock.now().date()
        open_apps = self.open_applications(session, account.id)
        open_serials = {plate: serial for plate, (serial, _) in open_apps.items()}
        held = held_back(session, account.id, vehicles)  # a 转籍 under way, a new number chosen
        blocked = {plate: self._blocked(plate, f, today, open_apps, held.get(plate)) for plate, f in facts.items()}
        if all(blocked.values()):  # no vehicle could have it: told before the form, with each one's reason
            message = "\n".join(blocked.values())
            serial = next((open_serials[v.plate] for v in vehicles if v.plate in open_serials), None)
            if serial:  # 查看网办进度 opens on the (first) vehicle's application still 受理中
                raise StillPending(message, serial)
            raise DomainError(message)
        first = next(v for v in vehicles if not blocked[v.plate])  # the form opens on one that may
        fields = [FieldSpec("plate", "号牌号码", "choice"), *self.extra_fields(), *DELIVERY_FIELDS]
        choices = {"plate": [(f"{v.plate}  {v.vehicle_type}", v.plate) for v in vehicles],
                   "delivery": [(d, d) for d in DELIVERIES],
                   "office": [(label(o), str(o.id)) for o in offices], **self.extra_choices()}
        # No office chosen in advance (nor in 驾驶证补换领): where to go is the citizen's choice.
        initial = {"plate": first.plate, "delivery": MAIL, "address": first.address}
        intros = {plate: owner_words(self.vehicle_intro(f, today), account)  # 本单位 for a unit
                  for plate, f in facts.items()}
        # why a vehicle cannot have it: said under the list as soon as it is chosen, in the line the
        # refusal at 下一步 takes (in the intro as well, it was said twice; tester)
        notes = {"plate": {plate: why for plate, why in blocked.items() if why}}
        context = {"vehicles": facts, "offices": office_facts, "today": today, "intros": intros, "notes": notes,
                   "prefill": {v.plate: {"address": v.address} for v in vehicles}, "open": open_apps, "held": held,
                   "pending": {"plate": open_serials}}  # the flow offers 查看网办进度 while one is chosen
        return Prepared(intros[first.plate], fields, initial, choices, context)

    def _blocked(self, plate: str, facts: dict, today: date, open_apps: dict[str, tuple[str, str]],
                 held: str | None = None) -> str:
        """Why ``plate`` cannot have this document today, in a line naming it ('' when it can). What
        no waiting changes comes first (a 12-year-old car never has the 免检 mark: not 办结后方可申请
        for the mark being reissued), and why it is held back (``held``: a 转籍 under way, a new
        number chosen by 在用车选号; owned_vehicles.held_back)."""
        refusals = self.vehicle_refusals(facts, today) + ([held] if held else [])
        if refusals:
            return self._refused(plate, refusals)
        if plate in open_apps:
            return self._open_refusal(plate, open_apps[plate])
        return ""

    def _refused(self, plate: str, refusals: list[str]) -> str:
        what = f"{self.verb}{self.document}" if self.verb else self.title  # 不能申领检验合格标志
        return f"{plate}不能{what}：{'；'.join(refusals)}。"

    def refuse_held(self, plate: str, held: dict[str, str]) -> None:
        """No plate, 行驶证 or mark for a vehicle whose 转籍 is under way or whose new number is chosen."""
        if plate in held:
            raise DomainError(self._refused(plate, [held[plate]]), "plate")

    def open_applications(self, session: Session, account_id: int,
                          plate: str | None = None) -> dict[str, tuple[str, str]]:
        """The citizen's applications still 受理中 of this service or of one making the same
        document (``open_kinds``): plate -> (业务流水号, the service's title), the oldest per plate."""
        return open_of_kinds(session, account_id, self.open_kinds or (self.kind,), plate)

    def _open_refusal(self, plate: str, open_app: tuple[str, str]) -> str:
        serial, title = open_app
        return open_refusal(plate, self.title, serial, self.document, title)

    def refuse_if_open(self, plate: str, open_apps: dict[str, tuple[str, str]]) -> None:
        """One open application per vehicle and document, whichever service it was made in: the
        DMV is still making the last one (StillPending: the flow offers 查看网办进度 on it, when
        提交 finds one made meanwhile too)."""
        open_app = open_apps.get(plate)
        if open_app:
            raise StillPending(self._open_refusal(plate, open_app), open_app[0], "plate")

    def validate(self, form: dict[str, str], prepared: Prepared) -> dict[str, str]:
        """Every field on view checked, each problem next to its field (all told at once)."""
        problems = FormProblems()
        plate = form.get("plate", "")
        facts = problems.check(chosen_vehicle, plate, prepared)
        if facts is not None:
            problems.check(self.refuse_held, plate, prepared.context.get("held") or {})
            problems.check(self.refuse_if_open, plate, prepared.context.get("open") or {})
        clean = {"plate": plate, **(problems.check(self.clean_extra, form, facts, prepared) or {})}
        delivery = problems.check(clean_choice, form.get("delivery", ""), DELIVERIES, "delivery", "领取方式")
        clean["delivery"] = delivery or ""
        if delivery == MAIL:
            clean["address"] = problems.check(clean_address, form.get("address", "")) or ""
        elif delivery == COUNTER:
            offices = prepared.context["offices"]
            assert isinstance(offices, dict)
            office = offices.get(form.get("office", ""))
            area = facts["area"] if facts else None
            if office is None or (area and office["city"] != area):
                problems.add(f"请选择该车登记地（{area or '本地'}）的车管所", "office")
            else:
                clean["office"], clean["office_address"] = office["name"], office["address"]
        problems.raise_found()
        if self.working_days:
            today = prepared.context["today"]
            assert isinstance(today, date)
            clean["ready_by"] = add_working_days(today, self.working_days, work_calendar()).isoformat()
        return clean

    def phone_to_confirm(self, clean: dict[str, str], prepared: Prepared) -> str | None:
        return None  # the citizen is signed in; nothing changes on record

    def summary(self, clean: dict[str, str], prepared: Prepared) -> list[tuple[str, str]]:
        rows = [("号牌号码", clean["plate"]), *self.extra_summary(clean), ("领取方式", clean["delivery"])]
        if clean["delivery"] == MAIL:
            rows.append(("邮寄地址", clean["address"]))
        else:
            rows.append(("领取网点", f"{clean['office']}（{clean['office_address']}）"))
        if "ready_by" in clean:
            rows.append(("制作时限", f"{self.working_days}个工作日内，最迟{clean['ready_by']}制作完成"))
        return rows

    def apply(self, session: Session, env: Env, account: Account, clean: dict[str, str],
              prepared: Prepared) -> Outcome:
        # Locked first (PostgreSQL: FOR UPDATE), then checked again: another kiosk may have just applied.
        vehicle = vehicle_of(session, account.id, clean["plate"], lock=True)
        if vehicle is None:
            raise DomainError(owner_words("该机动车不在您的名下", account), "plate")
        self.refuse_held(vehicle.plate, held_back(session, account.id, [vehicle]))  # one made meanwhile
        self.refuse_if_open(vehicle.plate, self.open_applications(session, account.id, vehicle.plate))
        self.check_at_apply(session, env, vehicle)
        when = f"最迟于{clean['ready_by']}制作完成" if "ready_by" in clean else "制作完成后"
        if clean["delivery"] == MAIL:
            how = f"邮寄至{clean['address']}"
        else:
            who = "请经办人持身份证件和单位授权委托书" if account.kind == "unit" else "请持本人身份证件"
            how = f"{who}到{clean['office']}（{clean['office_address']}）领取"
        note = f"已受理，{vehicle.plate}的{self.named(clean)}{when}，{how}"
        return Outcome(WAITING, note, f"{note}。")

    def finish(self, session: Session, env: Env, app: Application, how: str) -> str:
        """The counter's completion: mailed or collected, as the citizen chose."""
        if how not in self.finish_choices:
            raise DomainError("请选择办结方式")
        check_finish(str(app.payload.get("delivery", "")), how)
        if how == MAILED:
            return f"{self.named(app.payload)}已邮寄，请注意查收"
        return f"{self.named(app.payload)}已在{app.payload.get('office', '车管所')}领取"


class QualifiedDocument(VehicleDocument):
    """A document only a vehicle that qualifies today may have (``vehicle_refusals``): refused next
    to the vehicle on the form, checked again inside the write on the locked vehicle (another kiosk,
    a violation recorded since), and once more when the counter hands it over (再次复核)."""

    def clean_extra(self, form: dict[str, str], facts: dict | None, prepared: Prepared) -> dict[str, str]:
        self._refuse(self.vehicle_refusals(facts, prepared.context["today"]) if facts else [])  # type: ignore[arg-type]
        return {}

    def _refuse(self, refusals: list[str]) -> None:
        if refusals:
            raise DomainError(f"不能{self.verb}：" + "；".join(refusals) + "。", "plate")

    def refusals_now(self, session: Session, env: Env, vehicle: Vehicle) -> list[str]:
        return self.vehicle_refusals(vehicle_facts(session, [vehicle])[vehicle.plate], env.clock.now().date())

    def check_at_apply(self, session: Session, env: Env, vehicle: Vehicle) -> None:
        self._refuse(self.refusals_now(session, env, vehicle))

    def finish(self, session: Session, env: Env, app: Application, how: str) -> str:
        """Handed over only while the vehicle still qualifies (the rule at apply), then ``handed_over``."""
        vehicle = session.scalar(select(Vehicle).where(Vehicle.plate == str(app.payload.get("plate", "")),
                                                       Vehicle.owner_id == app.account_id).with_for_update())
        if vehicle is None:
            raise DomainError(f"再次复核不符合{self.verb}条件：该机动车已不在申请人名下。可退办并说明理由")
        refusals = self.refusals_now(session, env, vehicle)
        if refusals:
            raise DomainError(f"再次复核不符合{self.verb}条件：" + "；".join(refusals) + "。可退办并说明理由")
        note = super().finish(session, env, app, how)
        return note + self.handed_over(env, vehicle)

    def handed_over(self, env: Env, vehicle: Vehicle) -> str:
        """What handing the document over changes on the vehicle's record, said after the note ('' by default)."""
        return ""
