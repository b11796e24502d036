"""变更驾驶证联系方式 / 变更机动车联系方式 through the generic application flow (网办)."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from kiosk.db.models import Account, Application, AuditEntry, DrivingLicence, Message, SmsCode, Vehicle
from kiosk.domain.errors import DomainError
from kiosk.services import applications, messaging
from kiosk.services.applications import Prepared
from kiosk.services.contacts import LicenceContactChange, VehicleContactChange
from kiosk.services.demo_people import Person
from kiosk.services.env import Env

LastCode = Callable[[Env, str], str]
NEW_PHONE = "13800001234"
NEW_ADDRESS = "重庆市江北区观音桥街道建新北路1号"
LICENCE, VEHICLE = LicenceContactChange(), VehicleContactChange()


def account_id(env: Env, p: Person) -> int:
    with env.db.read() as s:
        return s.scalars(select(Account.id).where(Account.id_number == p.id_number)).one()


def licence_contact(env: Env, p: Person) -> tuple[str, str]:
    with env.db.read() as s:
        lic = s.scalars(select(DrivingLicence).where(DrivingLicence.account_id == account_id(env, p))).one()
        return lic.phone, lic.address


def vehicle_contact(env: Env, plate: str) -> tuple[str, str]:
    with env.db.read() as s:
        v = s.scalars(select(Vehicle).where(Vehicle.plate == plate)).one()
        return v.phone, v.address


@dataclass
class Counts:
    applications: int
    audit: int
    inbox: int
    sms: int


def counts(env: Env) -> Counts:
    with env.db.read() as s:
        def n(*where):  # type: ignore[no-untyped-def]
            return s.scalar(select(func.count()).where(*where))
        return Counts(s.scalar(select(func.count()).select_from(Application)) or 0,
                      s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
                      n(Message.channel == "inbox"), n(Message.channel == "sms"))


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


# 变更驾驶证联系方式 -------------------------------------------------------------------------

def test_licence_contact_change_with_a_new_phone(env: Env, people: dict[str, Person], last_code: LastCode) -> None:
    p = people["driver_normal"]
    aid = account_id(env, p)
    prepared = applications.prepare(env, LICENCE, aid)
    # the phone field starts empty (never the full number on screen); the intro shows it masked
    assert prepared.initial == {"phone": "", "address": "重庆市渝中区解放碑街道民族路100号"}
    assert "139****0055" in prepared.intro and p.phone not in prepared.intro
    assert [f.name for f in prepared.fields] == ["phone", "address"]
    form = {"phone": NEW_PHONE, "address": NEW_ADDRESS}
    checked = applications.check(LICENCE, form, prepared)
    assert checked.phone_to_confirm == NEW_PHONE
    assert ("新手机号码", "138****1234") in checked.summary
    sent = applications.send_confirm_code(env, LICENCE, aid, NEW_PHONE)
    assert sent.phone_masked == "138****1234"
    assert "变更驾驶证联系方式" in messaging.outbox(env, NEW_PHONE, limit=1)[0].body
    before = counts(env)

    done = applications.submit(env, LICENCE, aid, form, last_code(env, NEW_PHONE))

    assert (done.title, done.status) == ("变更驾驶证联系方式", "已办结")
    assert done.note == f"驾驶证联系方式已变更：手机号码变更为138****1234，联系地址变更为{NEW_ADDRESS}"
    assert re.fullmatch(r"\d{16}", done.serial_no)
    assert done.serial_no.startswith("261201")
    assert licence_contact(env, p) == (NEW_PHONE, NEW_ADDRESS)
    (view,) = applications.list_for(env, aid)
    assert (view.serial_no, view.status, view.title) == (done.serial_no, "已办结", "变更驾驶证联系方式")
    assert len(view.events) == 1 and view.events[0].status == "已办结"
    assert view.payload == form
    after = counts(env)
    assert (after.applications, after.audit, after.inbox, after.sms) == (
        before.applications + 1, before.audit + 1, before.inbox + 1, before.sms + 1)
    with env.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "licence_contact")).one()
        assert entry.account_id == aid and done.serial_no in entry.detail
        application = s.scalars(select(Application).where(Application.serial_no == done.serial_no)).one()
        assert application.terminal_id == "test-kiosk" and application.kind == "licence_contact"
    (inbox,) = messaging.inbox(env, aid)
    assert done.serial_no in inbox.body and inbox.title == f"变更驾驶证联系方式（{done.status}）"
    assert done.serial_no in messaging.outbox(env, p.phone, limit=1)[0].body  # to the bound phone


def test_the_code_must_come_from_the_new_number(env: Env, people: dict[str, Person], last_code: LastCode) -> None:
    p = people["driver_normal"]
    aid = account_id(env, p)
    applications.send_confirm_code(env, LICENCE, aid, p.phone)  # old number
    old_code = last_code(env, p.phone)
    form = {"phone": NEW_PHONE, "address": NEW_ADDRESS}
    with pytest.raises(DomainError) as err:
        applications.submit(env, LICENCE, aid, form, old_code)
    assert err.value.field == "code"
    assert licence_contact(env, p)[0] == p.phone
    applications.send_confirm_code(env, LICENCE, aid, NEW_PHONE)
    applications.submit(env, LICENCE, aid, form, last_code(env, NEW_PHONE))
    assert licence_contact(env, p)[0] == NEW_PHONE


def test_a_wrong_code_changes_nothing(env: Env, people: dict[str, Person], last_code: LastCode) -> None:
    p = people["driver_normal"]
    aid = account_id(env, p)
    before_contact = licence_contact(env, p)
    applications.send_confirm_code(env, LICENCE, aid, NEW_PHONE)
    before = counts(env)
    with pytest.raises(DomainError, match="验证码错误，还可尝试4次"):
        applications.submit(env, LICENCE, aid, {"phone": NEW_PHONE, "address": NEW_ADDRESS},
                            _wrong(last_code(env, NEW_PHONE)))
    assert licence_contact(env, p) == before_contact
    assert counts(env) == before
    assert applications.list_for(env, aid) == []
    with env.db.read() as s:  # the failed try is remembered
        assert s.scalars(select(SmsCode.attempts).where(SmsCode.phone == NEW_PHONE)).one() == 1


def test_a_new_phone_without_any_code_is_refused(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]
    with pytest.raises(DomainError):
        applications.submit(env, LICENCE, account_id(env, p), {"phone": NEW_PHONE, "address": NEW_ADDRESS})
    assert licence_contact(env, p)[0] == p.phone


def test_address_only_change_needs_no_code(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]
    aid = account_id(env, p)
    prepared = applications.prepare(env, LICENCE, aid)
    form = {"phone": p.phone, "address": NEW_ADDRESS}
    assert applications.check(LICENCE, form, prepared).phone_to_confirm is None
    done = applications.submit(env, LICENCE, aid, form)
    assert done.status == "已办结"
    assert licence_contact(env, p) == (p.phone, NEW_ADDRESS)
    with env.db.read() as s:
        assert s.scalar(select(func.count()).select_from(SmsCode)) == 0


def test_same_as_before_is_refused(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]
    aid = account_id(env, p)
    prepared = applications.prepare(env, LICENCE, aid)
    with pytest.raises(DomainError, match="相同"):
        applications.check(LICENCE, dict(prepared.initial), prepared)
    with pytest.raises(DomainError, match="相同"):
        applications.submit(env, LICENCE, aid, dict(prepared.initial))
    assert applications.list_for(env, aid) == []


@pytest.mark.parametrize("key", ["no_licence", "learner_new", "unit"])
def test_without_a_licence_the_licence_change_says_so(env: Env, people: dict[str, Person], key: str) -> None:
    with pytest.raises(DomainError, match="没有机动车驾驶证"):
        applications.prepare(env, LICENCE, account_id(env, people[key]))


@pytest.mark.parametrize("key", ["no_licence", "revoked", "points_nine"])
def test_without_vehicles_the_vehicle_change_says_so(env: Env, people: dict[str, Person], key: str) -> None:
    with pytest.raises(DomainError, match="^您名下没有已登记的机动车，无法办理此业务$"):
        applications.prepare(env, VEHICLE, account_id(env, people[key]))


def test_an_unregistered_account_cannot_apply(env: Env, people: dict[str, Person]) -> None:
    with pytest.raises(DomainError, match="未注册"):
        applications.prepare(env, LICENCE, account_id(env, people["face_fails"]))
    with pytest.raises(DomainError, match="不存在"):
        applications.prepare(env, LICENCE, 999_999)


# 变更机动车联系方式 -------------------------------------------------------------------------

def test_vehicle_contact_change_of_the_second_car(env: Env, people: dict[str, Person], last_code: LastCode) -> None:
    p = people["two_cars"]
    aid = account_id(env, p)
    prepared = applications.prepare(env, VEHICLE, aid)
    assert [value for _, value in prepared.choices["plate"]] == ["渝A8D2Q7", "渝AD12345"]
    form = {"plate": "渝AD12345", "phone": NEW_PHONE, "address": NEW_ADDRESS}
    assert applications.check(VEHICLE, form, prepared).phone_to_confirm == NEW_PHONE
    applications.send_confirm_code(env, VEHICLE, aid, NEW_PHONE)
    done = applications.submit(env, VEHICLE, aid, form, last_code(env, NEW_PHONE))
    assert done.status == "已办结" and re.fullmatch(r"\d{16}", done.serial_no)
    assert vehicle_contact(env, "渝AD12345") == (NEW_PHONE, NEW_ADDRESS)
    assert vehicle_contact(env, "渝A8D2Q7")[0] == p.phone  # the other car is untouched
    said = f"渝AD12345联系方式已变更：手机号码变更为138****1234，联系地址变更为{NEW_ADDRESS}"  # what changed
    assert done.note == said
    (view,) = applications.list_for(env, aid)
    assert view.title == "变更机动车联系方式" and len(view.events) == 1 and "渝AD12345" in view.events[0].note
    with env.db.read() as s:
        assert s.scalar(select(func.count()).where(AuditEntry.action == "vehicle_contact",
                                                   AuditEntry.account_id == aid)) == 1
    assert len(messaging.inbox(env, aid)) == 1
    assert done.serial_no in messaging.outbox(env, p.phone, limit=1)[0].body
    assert f"已办结，渝AD12345的联系方式已变更：{said.split('：', 1)[1]}。" in messaging.outbox(env, p.phone, limit=1)[0].body  # SMS


def test_a_unit_is_not_told_of_a_driving_licence(env: Env, people: dict[str, Person]) -> None:
    """A unit holds vehicles only: its intro says the notices of 机动车业务, a person's says 驾驶证 too."""
    said = "变更后，交管部门寄送的文书和{}的通知以新的联系方式为准；"
    unit = applications.prepare(env, VEHICLE, account_id(env, people["unit"]))
    assert said.format("机动车业务") in unit.intro and "驾驶证" not in unit.intro
    assert "驾驶证" not in unit.context["intros"]["渝D72518"]  # as the vehicle is chosen again
    person = applications.prepare(env, VEHICLE, account_id(env, people["driver_normal"]))
    assert said.format("驾驶证、机动车业务") in person.intro


def test_vehicle_address_only_change(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]
    old = vehicle_contact(env, "渝A12345")[1]
    form = {"plate": "渝A12345", "phone": "", "address": NEW_ADDRESS}
    checked = applications.check(VEHICLE, form, applications.prepare(env, VEHICLE, account_id(env, p)))
    assert checked.summary == [("号牌号码", "渝A12345"), ("原手机号码", "139****0055"), ("新手机号码", "不变更"),
                               ("原联系地址", old), ("新联系地址", NEW_ADDRESS)]  # the old address as the old phone
    done = applications.submit(env, VEHICLE, account_id(env, p), form)
    assert done.status == "已办结"
    assert done.note == f"渝A12345联系方式已变更：联系地址变更为{NEW_ADDRESS}"  # the phone is not said
    assert vehicle_contact(env, "渝A12345") == (p.phone, NEW_ADDRESS)


@pytest.mark.parametrize("plate", ["渝A12345", "渝B5K821", "京A00000", "", "渝ad12345"])
def test_vehicle_change_refuses_a_plate_not_owned(env: Env, people: dict[str, Person], plate: str) -> None:
    p = people["two_cars"]
    aid = account_id(env, p)
    form = {"plate": plate, "phone": p.phone, "address": NEW_ADDRESS}
    prepared = applications.prepare(env, VEHICLE, aid)
    with pytest.raises(DomainError, match="本人名下") as err:
        applications.check(VEHICLE, form, prepared)
    assert err.value.field == "plate"
    with pytest.raises(DomainError, match="本人名下"):
        applications.submit(env, VEHICLE, aid, form)
    assert vehicle_contact(env, "渝A12345")[1] != NEW_ADDRESS
    assert applications.list_for(env, aid) == []


def test_the_vehicle_change_code_must_come_from_the_new_number(env: Env, people: dict[str, Person],
                                                               last_code: LastCode) -> None:
    p = people["driver_normal"]
    aid = account_id(env, p)
    applications.send_confirm_code(env, VEHICLE, aid, p.phone)
    with pytest.raises(DomainError):
        applications.submit(env, VEHICLE, aid, {"plate": "渝A12345", "phone": NEW_PHONE, "address": NEW_ADDRESS},
                            last_code(env, p.phone))
    assert vehicle_contact(env, "渝A12345")[0] == p.phone


# Bad input never raises anything but a DomainError ------------------------------------------

@pytest.mark.parametrize("form, field", [
    ({"phone": NEW_PHONE, "address": "重" * 10_000}, "address"),
    ({"phone": NEW_PHONE, "address": "\x00\x01\x02\x1b\x7f"}, "address"),
    ({"phone": NEW_PHONE, "address": ""}, "address"),
    ({"phone": NEW_PHONE, "address": "重庆"}, "address"),
    ({"phone": "138\x0012345678", "address": NEW_ADDRESS}, "phone"),
    ({"phone": "1" * 10_000, "address": NEW_ADDRESS}, "phone"),
    ({"phone": "一三八零零一三八零零零", "address": NEW_ADDRESS}, "phone"),  # an empty phone now means "keep it"
])
def test_bad_input_gives_a_domain_error_and_saves_nothing(env: Env, people: dict[str, Person],
                                                          form: dict[str, str], field: str) -> None:
    p = people["driver_normal"]
    aid = account_id(env, p)
    before_contact, before = licence_contact(env, p), counts(env)
    prepared = applications.prepare(env, LICENCE, aid)
    with pytest.raises(DomainError) as err:
        applications.check(LICENCE, form, prepared)
    assert err.value.field == field
    with pytest.raises(DomainError):
        applications.submit(env, LICENCE, aid, form, "123456")
    assert licence_contact(env, p) == before_contact
    assert counts(env) == before


@pytest.mark.parametrize("address", ["。。。。。", "，，、、！！ ……", "重庆。。。。"])
def test_a_contact_address_of_punctuation_is_refused_on_both_forms(env: Env, people: dict[str, Person],
                                                                   address: str) -> None:
    """Punctuation is not an address: the contact forms hold 联系地址 to the rule 驾驶证补换领 holds
    邮寄地址 to, so what one saves the other later accepts when it prefills it."""
    for service, p, form in ((LICENCE, people["driver_normal"], {"phone": "", "address": address}),
                             (VEHICLE, people["two_cars"], {"plate": "渝AD12345", "phone": "", "address": address})):
        aid = account_id(env, p)
        prepared = applications.prepare(env, service, aid)
        with pytest.raises(DomainError) as err:
            applications.check(service, form, prepared)
        assert err.value.field == "address"
        assert err.value.message.startswith("联系地址过短，请写明省市区街道门牌号（至少5个汉字、字母或数字")
        before = counts(env)
        with pytest.raises(DomainError):
            applications.submit(env, service, aid, form)
        assert counts(env) == before
    assert licence_contact(env, people["driver_normal"])[1] != address
    assert vehicle_contact(env, "渝AD12345")[1] != address


def test_send_confirm_code_refuses_a_malformed_phone(env: Env, people: dict[str, Person]) -> None:
    aid = account_id(env, people["driver_normal"])
    for bad in ("not-a-phone", "138000012345678"):
        with pytest.raises(DomainError):
            applications.send_confirm_code(env, LICENCE, aid, bad)
    with env.db.read() as s:
        assert s.scalar(select(func.count()).select_from(SmsCode)) == 0


def test_control_characters_inside_an_address_are_removed(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]
    applications.submit(env, LICENCE, account_id(env, p),
                        {"phone": p.phone, "address": "重庆市\x1b[2J江北区\x00观音桥\u202e1号\n"})
    saved = licence_contact(env, p)[1]
    assert saved.startswith("重庆市") and saved.endswith("1号")
    assert all(ch.isprintable() for ch in saved)


@pytest.fixture(scope="module")
def licence_prepared(module_env: Env, people: dict[str, Person]) -> Prepared:
    return applications.prepare(module_env, LICENCE, account_id(module_env, people["driver_normal"]))


@pytest.fixture(scope="module")
def vehicle_prepared(module_env: Env, people: dict[str, Person]) -> Prepared:
    return applications.prepare(module_env, VEHICLE, account_id(module_env, people["two_cars"]))


@hyp_settings(max_examples=200, deadline=None)
@given(form=st.dictionaries(st.sampled_from(["plate", "phone", "address"]), st.text(max_size=300)))
def test_any_form_is_either_clean_or_a_domain_error(licence_prepared: Prepared, vehicle_prepared: Prepared,
                                                     form: dict[str, str]) -> None:
    for service, prepared in ((LICENCE, licence_prepared), (VEHICLE, vehicle_prepared)):
        try:
            checked = applications.check(service, form, prepared)
        except DomainError as err:
            assert err.message
        else:
            assert re.fullmatch(r"1[3-9]\d{9}", checked.clean["phone"])
            assert 5 <= len(checked.clean["address"]) <= 100
            assert all(ch.isprintable() for ch in checked.clean["address"])


def test_an_empty_phone_keeps_the_current_one(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]
    done = applications.submit(env, LICENCE, account_id(env, p), {"phone": "", "address": NEW_ADDRESS})
    assert done.status == "已办结"
    with env.db.read() as s:
        lic = s.scalar(select(DrivingLicence).where(DrivingLicence.phone == p.phone))
        assert lic is not None and lic.address == NEW_ADDRESS
