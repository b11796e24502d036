"""Each service on the generic flow tells every wrong field of a form at once (FieldErrors, in the
order of the form), not one per 下一步; a form with one problem still gets a plain DomainError."""
from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError, FieldErrors
from kiosk.services import applications
from kiosk.services.catalog import SERVICES
from kiosk.services.env import Env
from tests.booking_helpers import account_id


def problems(env: Env, person, kind: str, form: dict[str, str]) -> list[tuple[str | None, str]]:  # type: ignore[no-untyped-def]
    service = SERVICES[kind]
    prepared = applications.prepare(env, service, account_id(env, person))
    with pytest.raises(FieldErrors) as err:
        applications.check(service, form, prepared)
    return err.value.problems


def test_licence_contact_phone_and_address(env, people) -> None:
    found = problems(env, people["driver_normal"], "licence_contact", {"phone": "12345", "address": ""})
    assert found == [("phone", "手机号码应为11位数字，您输入了5位"), ("address", "请输入联系地址")]


def test_vehicle_contact_phone_and_address(env, people) -> None:
    found = problems(env, people["driver_normal"], "vehicle_contact",
                     {"plate": "渝A12345", "phone": "2380013800", "address": "渝中"})
    assert [f for f, _ in found] == ["phone", "address"] and "过短" in found[1][1]


def test_renewal_number_date_and_address(env, people) -> None:
    form = {"kind": "renew", "cert_no": "12", "cert_date": "2026-13-01", "delivery": "mail", "address": "！！"}
    found = problems(env, people["renew_soon"], "licence_replace", form)
    assert [f for f, _ in found] == ["cert_no", "cert_date", "address"]
    assert found[1][1] == "日期不正确：月份应为1-12" and "邮寄地址过短" in found[2][1]


def refused(env: Env, person, kind: str, form: dict[str, str]) -> DomainError:  # type: ignore[no-untyped-def]
    service = SERVICES[kind]
    prepared = applications.prepare(env, service, account_id(env, person))
    with pytest.raises(DomainError) as err:
        applications.check(service, form, prepared)
    assert not isinstance(err.value, FieldErrors)
    return err.value


def test_a_refused_kind_is_said_alone(env, people) -> None:
    """A 业务类型 this licence cannot have is the one thing said: not also the fields it would need
    (tester: 期满换证 ten years early asked for the 身体条件证明 under 请于...起申请)."""
    said = refused(env, people["suspended"], "licence_replace", {"kind": "lost", "delivery": "counter"})
    # no 请选择...车管所
    assert (said.field, said.message) == ("kind", "驾驶证处于暂扣期间，不能申请补领，暂扣期满后可申请补领，"
                                                  "或到车管所窗口咨询。")
    said = refused(env, people["driver_normal"], "licence_replace", {"kind": "renew", "delivery": "mail"})
    assert said.field == "kind" and "有效期满前90日内方可申请期满换证，请于2036-07-24起申请。" in said.message


def test_replacement_with_nothing_chosen(env, people) -> None:
    found = problems(env, people["driver_normal"], "licence_replace", {"kind": "", "delivery": ""})
    assert found == [("kind", "请选择业务类型"), ("delivery", "请选择新驾驶证领取方式")]


def test_delay_reason_and_date(env, people) -> None:
    found = problems(env, people["lorry_driver"], "licence_delay_review", {"reason": "", "until": "2030-06-30"})
    assert found == [("reason", "请选择延期原因"), ("until", "延期最长不超过3年，截止日期最晚为2029-12-01")]


def test_delay_other_reason_needs_its_detail_and_a_date(env, people) -> None:
    found = problems(env, people["lorry_driver"], "licence_delay_review", {"reason": "其他正当理由", "until": ""})
    assert [f for f, _ in found] == ["detail", "until"]


def test_plate_reissue_plates_reason_and_address(env, people) -> None:
    form = {"plate": "渝A12345", "plates": "", "reason": "", "delivery": "邮寄", "address": ""}
    found = problems(env, people["driver_normal"], "plate_reissue", form)
    assert found == [("plates", "请选择需补换领的号牌"), ("reason", "请选择申请原因"), ("address", "请输入邮寄地址")]


def test_vehicle_document_reason_note_and_office(env, people) -> None:
    form = {"plate": "渝A12345", "reason": "其他", "reason_note": "", "delivery": "窗口领取", "office": ""}
    found = problems(env, people["driver_normal"], "vehicle_licence_reissue", form)
    assert [f for f, _ in found] == ["reason_note", "office"]


def test_review_education_session_and_declaration(env, people) -> None:
    form = {"way": "现场教育", "city": "重庆", "session_0": "", "declaration": ""}
    found = problems(env, people["coach_driver"], "review_education", form)
    # the form's order (the declaration, then the 教育场次 under it), though the service checks the
    # session with the city first: the flow focuses the first one named
    assert [f for f, _ in found] == ["declaration", "session_0"]


def test_one_wrong_field_is_a_plain_domain_error(env, people) -> None:
    service = SERVICES["licence_contact"]
    prepared = applications.prepare(env, service, account_id(env, people["driver_normal"]))
    with pytest.raises(DomainError) as err:
        applications.check(service, {"phone": "12345", "address": "重庆市渝北区新南路1号"}, prepared)
    assert type(err.value) is DomainError and err.value.field == "phone"


def test_submit_checks_again_and_refuses_with_every_problem(env, people) -> None:
    """Never trusting the screen: a form sent as it is is refused with all its problems, nothing saved."""
    service = SERVICES["licence_contact"]
    aid = account_id(env, people["driver_normal"])
    with pytest.raises(FieldErrors) as err:
        applications.submit(env, service, aid, {"phone": "12345", "address": ""})
    assert [f for f, _ in err.value.problems] == ["phone", "address"]
    assert applications.list_for(env, aid) == []
