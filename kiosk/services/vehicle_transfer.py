"""机动车转籍申请 (seed 002, section 十四): for a vehicle in the citizen's name, sold as a used car
to a buyer of another city: 选择转入地（转入地必须与二手车销售统一发票一致）提交业务. The rules:
kiosk.domain.vehicle_transfer. The application ends 受理中: the owner brings the vehicle to a
车管所 for its 查验 and hands in the plates and the 行驶证; the counter then finishes it (已转出),
after checking the vehicle again. The invoice used is linked to the application."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Account, Application, Vehicle
from ..db.models_transfer import UsedCarInvoice
from ..domain import vehicle_transfer as rule
from ..domain.errors import DomainError, FormProblems, StillPending
from ..domain.ids import mask_name
from ..domain.typed import DATE_LEN, required_date
from .applications import TURNED_BACK, WAITING, FieldSpec, Outcome, Prepared
from .contacts import chosen_vehicle, owner_words
from .date_examples import SHAPE, format_message, with_examples
from .env import Env
from .owned_vehicles import NO_VEHICLE, TRANSFER_KIND, transferred_plates, vehicle_of
from .vehicle_docs import vehicle_facts

KIND = TRANSFER_KIND
TRANSFERRED = "已转出"
INTRO = ("本人名下机动车作为二手车出售给外地买方的，选择转入地申请转籍（转出）。转入地必须与二手车销售统一发票"
         f"一致；请自开票之日起{rule.TRANSFER_DAYS}日内申请。车辆须交通违法已处理、在检验有效期内、交强险有效。"
         "受理后请携带机动车、机动车登记证书、行驶证和发票到车管所查验车辆、交回号牌和行驶证。")
NO_INVOICE = "未查询到该二手车销售统一发票，请核对发票代码和发票号码"
FIELDS = [
    FieldSpec("plate", "号牌号码", "choice"),
    FieldSpec("province", "转入地（省）", "choice"),
    *(FieldSpec(rule.city_field(code), "转入地（市）", "choice", show_if=(("province", code),)) for code in rule.CITIES),
    FieldSpec("invoice_code", "发票代码（二手车销售统一发票）", "number", placeholder="12位数字", max_len=16),
    FieldSpec("invoice_no", "发票号码", "number", placeholder="8位数字", max_len=12),
    FieldSpec("invoice_date", "开票日期", placeholder=SHAPE, max_len=DATE_LEN),  # prepare: an example
    FieldSpec("price", "车价合计（元）", placeholder="发票上的小写金额，如 68000", max_len=14),
]

ORDER = {spec.name: i for i, spec in enumerate(FIELDS)}


def _key(code: str, no: str) -> str:
    return f"{code}-{no}"


def _open_apps(session: Session, account_id: int) -> dict[str, tuple[str, str, str]]:
    """plate -> (业务流水号, title, kind) of the citizen's first application for it still 受理中."""
    found: dict[str, tuple[str, str, str]] = {}
    for app in session.scalars(select(Application).where(Application.account_id == account_id,
                                                         Application.status == WAITING).order_by(Application.id)):
        plate = str((app.payload or {}).get("plate", ""))
        if plate:
            found.setdefault(plate, (app.serial_no, app.title, app.kind))
    return found


def _refusals(facts: dict, today: date, open_app: tuple[str, str, str] | None, moved: date | None) -> list[str]:
    return rule.vehicle_refusals(today=today, inspection_due=facts["inspection_due"],
                                 insurance_due=facts["insurance_due"], unhandled=facts["unhandled"],
                                 open_serial=open_app[0] if open_app else "", open_title=open_app[1] if open_app else "",
                                 transferred_on=moved)


def _invoice_facts(session: Session, account: Account, vehicles: list[Vehicle]) -> dict[str, dict]:
    """The invoices on record of the sale of the citizen's vehicles (the citizen the seller)."""
    rows = session.scalars(select(UsedCarInvoice).where(UsedCarInvoice.vehicle_id.in_([v.id for v in vehicles]),
                                                        UsedCarInvoice.seller_id_number == account.id_number))
    return {_key(i.invoice_code, i.invoice_no): _one_invoice(session, i) for i in rows}


def _one_invoice(session: Session, i: UsedCarInvoice) -> dict:
    used = session.get(Application, i.application_id) if i.application_id else None
    return {"plate": i.plate, "issued_on": i.issued_on, "price": i.price, "dest": i.dest_prefix, "voided": i.voided,
            "used": used.serial_no if used is not None and used.status != TURNED_BACK else "",
            "buyer": mask_name(i.buyer_name)}


def invoice_problems(inv: dict | None, plate: str, issued: date | None, price: int | None, today: date,
                     problems: FormProblems) -> bool:
    """The invoice typed against its record, each problem added next to its field; True when it is
    the vehicle's own (on record, not voided, not used, of ``plate``), whether or not its 开票日期
    and 车价合计 were typed right: its 转入地 is then the one the form's must match."""
    if inv is None:
        problems.add(NO_INVOICE, "invoice_no")
        return False
    if inv["voided"]:
        problems.add("该发票已作废，请核对或联系开票的二手车交易市场", "invoice_no")
    elif inv["used"]:
        problems.add(f"该发票已用于转籍申请（业务流水号{inv['used']}），不能重复使用", "invoice_no")
    elif plate and inv["plate"] != plate:
        problems.add(f"该发票所载车辆为{inv['plate']}，与所选机动车{plate}不符", "invoice_no")
    else:
        if issued is not None and issued != inv["issued_on"]:
            problems.add("开票日期与发票记录不符，请核对", "invoice_date")
        elif issued is not None and (why := rule.invoice_date_refusal(issued, today)):
            problems.add(why, "invoice_date")
        if price is not None and price != inv["price"]:
            problems.add("车价合计与发票记录不符，请按发票小写金额填写", "price")
        return True
    return False


class VehicleTransferService:
    kind = code_purpose = KIND
    title = "机动车转籍申请"
    finish_choices = (TRANSFERRED,)

    def prepare(self, session: Session, env: Env, account: Account) -> Prepared:
        vehicles = list(session.scalars(select(Vehicle).where(Vehicle.owner_id == account.id).order_by(Vehicle.plate)))
        if not vehicles:
            raise DomainError(owner_words(NO_VEHICLE, account))
        today = env.clock.now().date()
        facts = vehicle_facts(session, vehicles)
        open_apps, moved = _open_apps(session, account.id), transferred_plates(session, account.id)
        refused = {p: _refusals(f, today, open_apps.get(p), moved.get(p)) for p, f in facts.items()}
        lines = {p: f"{p}不能申请转籍：{'；'.join(r)}。" for p, r in refused.items() if r}
        mine = {p: serial for p, (serial, _, kind) in open_apps.items() if kind == KIND}
        if len(lines) == len(vehicles):
            first_open = next((mine[v.plate] for v in vehicles if v.plate in mine), None)
            message = "\n".join(lines[v.plate] for v in vehicles)
            raise StillPending(message, first_open) if first_open else DomainError(message)
        first = next(v for v in vehicles if v.plate not in lines)
        choices = {"plate": [(f"{v.plate}  {v.vehicle_type}", v.plate) for v in vehicles],
                   "province": [(name, code) for code, name in rule.PROVINCES.items()],
                   **{rule.city_field(code): [(f"{c.name}（{c.prefix}）", c.prefix) for c in cities]
                      for code, cities in rule.CITIES.items()}}
        # a vehicle's refusal is said under the list as soon as it is chosen (notes), once: it was in an
        # intro of its own as well (as in the vehicle documents, tester: said twice)
        context = {"vehicles": facts, "today": today, "refused": refused, "invoices": _invoice_facts(session, account, vehicles),
                   "notes": {"plate": lines}, "pending": {"plate": mine}}
        only = {rule.city_field(code): cities[0].prefix for code, cities in rule.CITIES.items() if len(cities) == 1}
        fields = with_examples(FIELDS, context, {"invoice_date": rule.example_invoice_date(today)})  # one it accepts
        return Prepared(owner_words(INTRO, account), fields, {"plate": first.plate, **only}, choices, context)

    def validate(self, form: dict[str, str], prepared: Prepared) -> dict[str, str]:
        """Every field checked, each problem next to its field (all told at once)."""
        problems = FormProblems()
        today = prepared.context["today"]
        assert isinstance(today, date)
        plate = form.get("plate", "")
        facts = problems.check(chosen_vehicle, plate, prepared)
        if facts is not None:
            problems.check(self._refuse_vehicle, plate, prepared)
        province = form.get("province", "")
        city = problems.check(rule.destination, province, form.get(rule.city_field(province), ""))
        code = problems.check(rule.clean_invoice_code, form.get("invoice_code", ""))
        number = problems.check(rule.clean_invoice_no, form.get("invoice_no", ""))
        issued = problems.check(required_date, form.get("invoice_date", ""), "invoice_date", "开票日期",
                                format_message(prepared, "invoice_date", "开票日期"))
        if issued is not None and issued > today:  # said as such, not 与发票记录不符 (tester)
            problems.add(rule.FUTURE_DATE, "invoice_date")
            issued = None  # not compared with the record too
        price = problems.check(rule.clean_price, form.get("price", ""))
        invoice_dest: str | None = None  # the 转入地 (plate prefix) of the vehicle's own invoice
        if code and number:
            invoices = prepared.context["invoices"]
            assert isinstance(invoices, dict)
            inv = invoices.get(_key(code, number))
            if invoice_problems(inv, plate if facts else "", issued, price, today, problems) and inv is not None:
                invoice_dest = str(inv["dest"])
        if city is not None and facts is not None:
            if why := rule.destination_refusal(plate, city, invoice_dest):
                problems.add(why, rule.city_field(province))
        problems.problems.sort(key=lambda p: ORDER.get(p[0] or "", len(ORDER)))  # the first on the form first
        problems.raise_found()
        assert city and code and number and issued and price
        return {"plate": plate, "province": province, rule.city_field(province): city.prefix,
                "destination": city.label, "dest_prefix": city.prefix, "invoice_code": code, "invoice_no": number,
                "invoice_date": issued.isoformat(), "price": str(price)}

    def _refuse_vehicle(self, plate: str, prepared: Prepared) -> None:
        refused = prepared.context["refused"][plate]  # type: ignore[index]
        if refused:
            serial = (prepared.context["pending"]["plate"] or {}).get(plate)  # type: ignore[index]
            message = f"{plate}不能申请转籍：{'；'.join(refused)}。"
            raise StillPending(message, serial, "plate") if serial else DomainError(message, "plate")

    def phone_to_confirm(self, clean: dict[str, str], prepared: Prepared) -> str | None:
        return None  # the citizen is signed in; the DMV checks the vehicle before anything changes

    def summary(self, clean: dict[str, str], prepared: Prepared) -> list[tuple[str, str]]:
        inv = prepared.context["invoices"][_key(clean["invoice_code"], clean["invoice_no"])]  # type: ignore[index]
        return [("号牌号码", clean["plate"]), ("转入地", f"{clean['destination']}（{clean['dest_prefix']}）"),
                ("二手车销售统一发票", f"发票代码{clean['invoice_code']}，发票号码{clean['invoice_no']}"),
                ("开票日期", clean["invoice_date"]), ("车价合计", f"{clean['price']}元"), ("买方", inv["buyer"])]

    def apply(self, session: Session, env: Env, account: Account, clean: dict[str, str],
              prepared: Prepared) -> Outcome:
        # Locked first (PostgreSQL: FOR UPDATE), then checked again: another kiosk may have just applied.
        vehicle = vehicle_of(session, account.id, clean["plate"], lock=True, held=False)  # 已转出 said below
        if vehicle is None:
            raise DomainError(owner_words("该机动车不在您的名下", account), "plate")
        today = env.clock.now().date()
        open_app = _open_apps(session, account.id).get(vehicle.plate)
        refused = _refusals(vehicle_facts(session, [vehicle])[vehicle.plate], today, open_app,
                            transferred_plates(session, account.id).get(vehicle.plate))
        if refused:
            message = f"{vehicle.plate}不能申请转籍：{'；'.join(refused)}。"
            if open_app and open_app[2] == KIND:
                raise StillPending(message, open_app[0], "plate")
            raise DomainError(message, "plate")
        invoice = session.scalar(select(UsedCarInvoice).where(
            UsedCarInvoice.invoice_code == clean["invoice_code"], UsedCarInvoice.invoice_no == clean["invoice_no"],
            UsedCarInvoice.seller_id_number == account.id_number).with_for_update())
        problems = FormProblems()
        own = invoice_problems(_one_invoice(session, invoice) if invoice else None, vehicle.plate,
                               date.fromisoformat(clean["invoice_date"]), int(clean["price"]), today, problems)
        if own and invoice is not None and invoice.dest_prefix != clean["dest_prefix"]:
            problems.add(rule.destination_refusal(vehicle.plate, rule.BY_PREFIX[clean["dest_prefix"]],
                                                  invoice.dest_prefix),
                         rule.city_field(clean["province"]))
        problems.raise_found()
        assert invoice is not None

        def created(app: Application) -> None:
            invoice.application_id = app.id

        note = (f"已受理，{vehicle.plate}转籍至{clean['destination']}（{clean['dest_prefix']}）。请携带机动车、"
                "机动车登记证书、行驶证和二手车销售统一发票到车管所查验车辆，交回号牌和行驶证后办结转出")
        return Outcome(WAITING, note, f"{note}。", created)

    def finish(self, session: Session, env: Env, app: Application, how: str) -> str:
        """The counter's completion once the vehicle was checked: refused while it no longer qualifies."""
        if how not in self.finish_choices:
            raise DomainError("请选择办结方式")
        vehicle = session.scalar(select(Vehicle).where(Vehicle.plate == str(app.payload.get("plate", "")),
                                                       Vehicle.owner_id == app.account_id).with_for_update())
        if vehicle is None:
            raise DomainError("再次复核不符合转籍条件：该机动车已不在申请人名下。可退办并说明理由")
        refused = _refusals(vehicle_facts(session, [vehicle])[vehicle.plate], env.clock.now().date(), None, None)
        if refused:
            raise DomainError("再次复核不符合转籍条件：" + "；".join(refused) + "。可退办并说明理由")
        return (f"{vehicle.plate}已转出至{app.payload.get('destination', '')}，"
                "请买方持机动车档案到转入地车管所办理转入登记")
