"""新建账户 tells every wrong field at once, each for its own field (as 保存场次 does), a staff
number already taken among them; the name is held to the rule of a citizen's at 注册
(kiosk.domain.names): Chinese characters, an interpunct between two of them, 2 to 30."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import Staff
from kiosk.domain.errors import DomainError, FieldErrors
from kiosk.domain.names import NAME_CHARS_ONLY, NAME_DOT_PLACE, NAME_LENGTH
from kiosk.services import counter_staff
from kiosk.services.staff import StaffSession

ADMIN = StaffSession("A0001", "孙管理", ("admin",))


def test_every_wrong_field_is_told_at_once_in_the_forms_order(env) -> None:
    with pytest.raises(FieldErrors) as wrong:
        counter_staff.create(env, ADMIN, "J1", "Tom", [], "abc", "12")
    assert wrong.value.problems == [
        ("new_staff_no", "工号须为4到20位字母或数字"),
        ("new_name", NAME_CHARS_ONLY),
        ("new_password", "密码至少8位，须同时包含字母和数字"),
        ("pin", "PIN码须为6位数字"),
        ("roles", "请至少选择一个角色"),
    ]


def test_a_staff_number_taken_is_told_with_the_other_wrong_fields(env) -> None:
    with pytest.raises(FieldErrors) as wrong:
        counter_staff.create(env, ADMIN, "j1001", "钱窗口", ["counter"], "abcd1234", "12345")
    assert wrong.value.problems == [("new_staff_no", "该工号已存在"), ("pin", "PIN码须为6位数字")]


@pytest.mark.parametrize(("name", "message"), [
    ("Zhang San", NAME_CHARS_ONLY), ("钱2", NAME_CHARS_ONLY), ("钱 窗口", NAME_CHARS_ONLY), ("钱", NAME_LENGTH),
    ("・阿依古丽", NAME_DOT_PLACE), ("阿依古丽・・买买提", NAME_DOT_PLACE), ("", "请输入姓名"),
])
def test_a_staff_name_is_checked_as_a_citizens(env, name: str, message: str) -> None:
    with pytest.raises(DomainError) as wrong:
        counter_staff.create(env, ADMIN, "J2001", name, ["counter"], "abcd1234", "123456")
    assert (wrong.value.field, wrong.value.message) == ("new_name", message)
    with env.db.read() as s:
        assert s.scalar(select(Staff).where(Staff.staff_no == "J2001")) is None


def test_a_minority_name_is_kept_with_the_id_cards_interpunct(env) -> None:
    row = counter_staff.create(env, ADMIN, "J2002", " 阿依古丽・买买提 ", ["review"], "abcd1234", "123456")
    assert row.name == "阿依古丽\u00b7买买提"
    with env.db.read() as s:
        assert s.scalar(select(Staff.name).where(Staff.staff_no == "J2002")) == "阿依古丽\u00b7买买提"
