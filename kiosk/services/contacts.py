"""变更驾驶证联系方式 and 变更机动车联系方式: two services on the generic application flow."""
from __future__ import annotations

from sqlalchemy.orm import Session

from ..db.models import Account
from ..domain.errors import DomainError, FormProblems
from ..domain.ids import PHONE_INPUT_LEN, clean_address, mask_phone, normalize_phone
from .applications import FieldSpec, Outcome, Prepared
from .env import Env
from .licence_common import own_licence
from .owned_vehicles import NO_VEHICLE, held_vehicles, vehicle_of

PHONE = FieldSpec("phone", "新手机号码（不更换请留空）", "phone", "11位手机号码", max_len=PHONE_INPUT_LEN, required=False)
ADDRESS = FieldSpec("address", "联系地址", "text", "省市区街道门牌号", max_len=100)
INTRO = ("请填写新的联系方式。更换手机号码需向新号码发送验证码确认；"
         "变更后，交管部门寄送的文书和驾驶证、机动车业务的通知以新的联系方式为准；"
         "12123账户的绑定手机号码不变，本平台的短信仍发送至绑定手机。")


# What a unit account (单位用户) reads instead of a person's wording (the seeds'): its vehicles are
# 本单位's, and it holds no 驾驶证. Each is replaced where it stands, the rest of the text unchanged.
UNIT_WORDS = (("本人机动车", "本单位机动车"), ("本人名下", "本单位名下"), ("您名下", "本单位名下"),
              ("您的名下", "本单位名下"), ("驾驶证、机动车业务", "机动车业务"))


def owner_words(text: str, account: Account) -> str:
    """``text`` as ``account`` reads it: as it is for a person, in a unit's words for a unit (UNIT_WORDS)."""
    if account.kind != "unit":
        return text
    for person, unit in UNIT_WORDS:
        text = text.replace(person, unit)
    return text


def _intro(phone: str) -> str:
    return f"{INTRO}\n当前登记的手机号码：{mask_phone(phone)}"


def _new_phone_text(new: str, current: str) -> str:
    return "不变更" if new == current else mask_phone(new)


def _contact_rows(clean: dict[str, str], current: dict) -> list[tuple[str, str]]:
    """The summary of a change from ``current`` (its phone and address): the old and the new of each,
    不变更 for the one left as it was."""
    same_address = clean["address"] == current["address"]
    return [("原手机号码", mask_phone(current["phone"])), ("新手机号码", _new_phone_text(clean["phone"], current["phone"])),
            ("原联系地址", current["address"]), ("新联系地址", "不变更" if same_address else clean["address"])]


def _changed(clean: dict[str, str], phone: str, address: str) -> str:
    """What a change from ``phone`` and ``address`` changed, for the result, message and SMS:
    手机号码变更为138****1234，联系地址变更为... (only what changed)."""
    parts = ([f"手机号码变更为{mask_phone(clean['phone'])}"] if clean["phone"] != phone else []) + (
        [f"联系地址变更为{clean['address']}"] if clean["address"] != address else [])
    return "，".join(parts)


def _clean_contact(form: dict[str, str], current: dict | None, problems: FormProblems) -> dict[str, str]:
    """The new phone (the ``current`` one when left empty) and address, each checked on its own;
    ``current`` (the phone and address on record) is None when the vehicle chosen is not known."""
    raw_phone = form.get("phone", "").strip()
    phone = problems.check(normalize_phone, raw_phone, "phone") if raw_phone else (current or {}).get("phone")
    address = problems.check(_clean_address, form.get("address", ""))
    if current and phone == current["phone"] and address == current["address"]:
        problems.add("新的联系方式与原登记信息相同，无需变更", "phone")
    return {"phone": phone or "", "address": address or ""}


def _clean_address(raw: str) -> str:
    return clean_address(raw, "address", label="联系地址")


def chosen_vehicle(plate: str, prepared: Prepared) -> dict:
    """What ``prepare`` noted about the vehicle chosen (``context["vehicles"]``, by plate); a plate
    that is not one of the citizen's own is refused next to the choice."""
    facts = prepared.context["vehicles"]
    assert isinstance(facts, dict)
    if plate not in facts:
        raise DomainError("请选择本人名下的机动车", "plate")
    return facts[plate]


class LicenceContactChange:
    kind = "licence_contact"
    title = "变更驾驶证联系方式"
    code_purpose = "licence_contact"

    def prepare(self, session: Session, env: Env, account: Account) -> Prepared:
        lic = own_licence(session, account)  # none, or 吊销/注销/锁定...: refused as 补换领 and 延期 are
        return Prepared(_intro(lic.phone), [PHONE, ADDRESS], {"phone": "", "address": lic.address},
                        context={"licence_id": lic.id, "phone": lic.phone, "address": lic.address})

    def validate(self, form: dict[str, str], prepared: Prepared) -> dict[str, str]:
        problems = FormProblems()
        current = {"phone": str(prepared.context["phone"]), "address": str(prepared.context["address"])}
        clean = _clean_contact(form, current, problems)
        problems.raise_found()
        return clean

    def phone_to_confirm(self, clean: dict[str, str], prepared: Prepared) -> str | None:
        return clean["phone"] if clean["phone"] != prepared.context["phone"] else None

    def summary(self, clean: dict[str, str], prepared: Prepared) -> list[tuple[str, str]]:
        return _contact_rows(clean, {"phone": str(prepared.context["phone"]),
                                     "address": str(prepared.context["address"])})

    def apply(self, session: Session, env: Env, account: Account, clean: dict[str, str],
              prepared: Prepared) -> Outcome:
        lic = own_licence(session, account, lock=True)  # one 吊销 since the form was shown: refused now
        assert lic.id == prepared.context["licence_id"]
        what = _changed(clean, lic.phone, lic.address)
        lic.phone, lic.address = clean["phone"], clean["address"]
        return Outcome("已办结", f"驾驶证联系方式已变更：{what}", f"已办结，驾驶证联系方式已变更：{what}。")


class VehicleContactChange:
    kind = "vehicle_contact"
    title = "变更机动车联系方式"
    code_purpose = "vehicle_contact"

    def prepare(self, session: Session, env: Env, account: Account) -> Prepared:
        vehicles = held_vehicles(session, account.id)
        if not vehicles:
            raise DomainError(owner_words(NO_VEHICLE, account))
        choices = [(f"{v.plate}  {v.vehicle_type}", v.plate) for v in vehicles]
        first = vehicles[0]
        facts = {v.plate: {"phone": v.phone, "address": v.address} for v in vehicles}
        # What choosing a vehicle fills in: its address and a cleared phone field (never the full number).
        prefill = {v.plate: {"phone": "", "address": v.address} for v in vehicles}
        intros = {v.plate: owner_words(_intro(v.phone), account) for v in vehicles}
        fields = [FieldSpec("plate", "号牌号码", "choice"), PHONE, ADDRESS]
        return Prepared(intros[first.plate], fields, {"plate": first.plate, "phone": "", "address": first.address},
                        {"plate": choices}, {"vehicles": facts, "prefill": prefill, "intros": intros})

    def validate(self, form: dict[str, str], prepared: Prepared) -> dict[str, str]:
        problems = FormProblems()
        plate = form.get("plate", "")
        facts = problems.check(chosen_vehicle, plate, prepared)
        clean = {"plate": plate, **_clean_contact(form, facts, problems)}
        problems.raise_found()
        return clean

    def phone_to_confirm(self, clean: dict[str, str], prepared: Prepared) -> str | None:
        return clean["phone"] if clean["phone"] != chosen_vehicle(clean["plate"], prepared)["phone"] else None

    def summary(self, clean: dict[str, str], prepared: Prepared) -> list[tuple[str, str]]:
        facts = chosen_vehicle(clean["plate"], prepared)
        return [("号牌号码", clean["plate"]), *_contact_rows(clean, facts)]

    def apply(self, session: Session, env: Env, account: Account, clean: dict[str, str],
              prepared: Prepared) -> Outcome:
        vehicle = vehicle_of(session, account.id, clean["plate"])
        if vehicle is None:
            raise DomainError(owner_words("该机动车不在您的名下", account), "plate")
        what = _changed(clean, vehicle.phone, vehicle.address)
        vehicle.phone, vehicle.address = clean["phone"], clean["address"]
        return Outcome("已办结", f"{vehicle.plate}联系方式已变更：{what}",
                       f"已办结，{vehicle.plate}的联系方式已变更：{what}。")
