"""applications.field_problem: what a service's own checks say of one field alone (asked as Enter
leaves it in the form): the value's own checks, not those needing another field typed, nor 请输入."""
from __future__ import annotations

from kiosk.services.applications import Prepared, field_problem
from kiosk.services.contacts import ADDRESS, PHONE, LicenceContactChange

ON_RECORD = {"phone": "13923000055", "address": "重庆市渝中区解放碑街道民族路1号"}


def _prepared() -> Prepared:
    return Prepared("", [PHONE, ADDRESS], {"phone": "", "address": ON_RECORD["address"]},
                    context={"licence_id": 1, **ON_RECORD})


def test_the_fields_own_format_is_said() -> None:
    form = {"phone": "1234", "address": ON_RECORD["address"]}
    assert field_problem(LicenceContactChange(), form, _prepared(), "phone") == "手机号码应为11位数字，您输入了4位"


def test_a_good_or_empty_value_says_nothing_nor_does_another_fields_problem() -> None:
    service = LicenceContactChange()
    assert field_problem(service, {"phone": "13800138000", "address": ""}, _prepared(), "phone") == ""
    assert field_problem(service, {"phone": "", "address": "x"}, _prepared(), "phone") == ""  # 请输入: at 下一步
    assert field_problem(service, {"phone": "1234", "address": "重庆市渝北区新南路1号"}, _prepared(), "address") == ""


def test_a_rule_over_two_fields_waits_for_the_other() -> None:
    """The same phone as on record, with the address not changed (yet): 与原登记信息相同 is for 下一步."""
    form = {"phone": ON_RECORD["phone"], "address": ON_RECORD["address"]}
    assert field_problem(LicenceContactChange(), form, _prepared(), "phone") == ""
