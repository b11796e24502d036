"""注册 (and 面签注册, which checks the applicant the same way): every wrong field is told at once.

Tester's finding: with a wrong name, an ID number with a wrong check digit and a 10-digit phone,
注册 said only 校验位; the phone's 11位 came on the next try."""
from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError, FieldErrors
from kiosk.services import auth
from kiosk.services.demo_people import Person
from kiosk.services.env import Env


def test_every_wrong_field_is_told_at_once(env: Env) -> None:
    with pytest.raises(FieldErrors) as err:
        auth.check_applicant(env, "张3", "320124198808240057", "1380013800")
    fields = [field for field, _ in err.value.problems]
    assert fields == ["name", "id_number", "phone"]  # in the order of the form
    messages = dict(err.value.problems)
    assert "汉字" in messages["name"] and "校验位" in messages["id_number"] and "11位" in messages["phone"]


def test_a_wrong_name_and_a_phone_taken_are_told_together(env: Env, people: dict[str, Person]) -> None:
    p, other = people["face_fails"], people["driver_normal"]
    with pytest.raises(FieldErrors) as err:
        auth.check_applicant(env, "李四", p.id_number, other.phone)
    assert dict(err.value.problems) == {"name": "姓名与身份证号码不一致", "phone": auth.PHONE_TAKEN_TO_CITIZEN}


def test_an_id_number_already_registered_is_told_alone(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]
    with pytest.raises(DomainError) as err:
        auth.check_applicant(env, "李四", p.id_number, people["two_cars"].phone)
    assert not isinstance(err.value, FieldErrors)
    assert (err.value.field, err.value.message) == ("id_number", auth.ALREADY_REGISTERED)


def test_one_wrong_field_is_still_a_plain_domain_error(env: Env) -> None:
    with pytest.raises(DomainError) as err:
        auth.check_applicant(env, "张三", "320124198808240056", "12345")
    assert not isinstance(err.value, FieldErrors) and err.value.field == "phone"


def test_sign_in_of_an_unregistered_number_says_not_registered(env: Env, people: dict[str, Person]) -> None:
    with pytest.raises(DomainError) as err:
        auth.start_sign_in(env, people["new_user"].id_number)
    assert (err.value.field, err.value.message) == ("id_number", auth.NOT_REGISTERED)
