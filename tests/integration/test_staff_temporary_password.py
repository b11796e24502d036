"""A password an admin set (新建账户, 重置密码 in 工作人员账户) is a temporary one: the session it
signs in gives nothing but 修改初始密码 (staff_password.change_temporary), which takes a password
under the admin form's rules, typed twice, not the admin's; audited. Demo accounts, accounts made
by ``kiosk staff add`` and a PIN reset are not made to change anything."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry, Staff
from kiosk.domain.errors import DomainError, FieldErrors, PermissionDenied, StaffRevoked
from kiosk.services import counter_citizen, counter_staff, staff, staff_password, staff_setup
from kiosk.services.demo_people import STAFF
from kiosk.services.permissions import CHANGE_FIRST
from kiosk.services.staff import StaffSession

REASON = "本人到窗口办理业务"
ADMIN = StaffSession("A0001", "孙管理", ("admin", "counter", "review", "exam_admin"))


def _entries(env, staff_no: str, action: str) -> list[AuditEntry]:
    with env.db.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.actor == f"staff:{staff_no}",
                                                       AuditEntry.action == action)))


def _new_clerk(env) -> StaffSession:
    counter_staff.create(env, ADMIN, "J1009", "陈新", ["counter"], "start1234", "190019")
    return staff.sign_in(env, "J1009", "start1234")


def test_a_new_account_signs_in_to_change_its_password_only(env, people) -> None:
    session = _new_clerk(env)
    assert session.must_change_password
    assert _entries(env, "J1009", "staff_sign_in")[-1].detail == staff.TEMPORARY_SIGN_IN
    with pytest.raises(PermissionDenied) as refused:  # no counter service for the admin's password
        counter_citizen.lookup(env, session, people["driver_normal"].id_number, REASON)
    assert refused.value.message == CHANGE_FIRST


def test_the_new_password_follows_the_admin_forms_rules_and_is_typed_twice(env) -> None:
    session = _new_clerk(env)
    with pytest.raises(DomainError) as short:
        staff_password.change_temporary(env, session, "abc1", "abc1")
    assert (short.value.field, short.value.message) == ("new_password", "密码至少8位，须同时包含字母和数字")
    with pytest.raises(DomainError) as digits:
        staff_password.change_temporary(env, session, "12345678", "12345678")
    assert (digits.value.field, digits.value.message) == ("new_password", "密码至少8位，须同时包含字母和数字")
    with pytest.raises(DomainError) as twice:
        staff_password.change_temporary(env, session, "mine2028x", "mine2028y")
    assert (twice.value.field, twice.value.message) == ("confirm_password", "两次输入的新密码不一致")
    with pytest.raises(FieldErrors) as both:
        staff_password.change_temporary(env, session, "", "")
    assert both.value.problems == [("new_password", "请输入新密码"), ("confirm_password", "请再次输入新密码")]
    with pytest.raises(DomainError) as same:
        staff_password.change_temporary(env, session, "start1234", "start1234")
    assert (same.value.field, same.value.message) == ("new_password", "新密码不能与初始密码相同")
    assert _entries(env, "J1009", "staff_password_change") == []  # none of these changed it
    assert staff.sign_in(env, "J1009", "start1234").must_change_password


def test_new_password_alone_is_refused_as_the_change_would_refuse_it(env) -> None:
    """What 修改初始密码 says as the clerk leaves 新密码 (new_password_refusal): the change's own refusal
    of that field, the admin's password among them, read without changing or auditing anything."""
    session = _new_clerk(env)
    for new in ("", "abc1", "12345678", "start1234"):
        with pytest.raises(DomainError) as refused:
            staff_password.change_temporary(env, session, new, new)
        problems = refused.value.problems if isinstance(refused.value, FieldErrors) else [
            (refused.value.field, refused.value.message)]
        assert staff_password.new_password_refusal(env, "J1009", new) == dict(problems)["new_password"]
    assert staff_password.new_password_refusal(env, "J1009", "start1234") == "新密码不能与初始密码相同"
    assert staff_password.new_password_refusal(env, "J1009", "mine2028x") == ""
    assert staff_password.new_password_refusal(env, "A0001", "kiosk-0001") == ""  # its own: not asked to change
    assert _entries(env, "J1009", "staff_password_change") == []
    assert staff.sign_in(env, "J1009", "start1234").must_change_password


def test_the_clerks_own_password_lets_them_in_and_is_audited(env, people) -> None:
    session = _new_clerk(env)
    changed = staff_password.change_temporary(env, session, "mine2028x", "mine2028x")
    assert changed == StaffSession("J1009", "陈新", ("counter",))  # must_change_password False
    assert counter_citizen.lookup(env, changed, people["driver_normal"].id_number, REASON) is not None
    (entry,) = _entries(env, "J1009", "staff_password_change")
    assert entry.role == "counter" and "mine2028x" not in entry.detail and "start1234" not in entry.detail
    with pytest.raises(DomainError):
        staff.sign_in(env, "J1009", "start1234")  # the admin's password no longer works
    assert not staff.sign_in(env, "J1009", "mine2028x").must_change_password  # straight in next time
    with pytest.raises(StaffRevoked):  # changed already (another terminal): sign in again with it
        staff_password.change_temporary(env, session, "other2028x", "other2028x")


def test_a_password_reset_is_temporary_but_a_session_already_in_goes_on(env, people) -> None:
    before = staff.sign_in(env, "J1001", "kiosk-1001")
    counter_staff.reset_password(env, ADMIN, "J1001", "reset2026a")
    assert counter_citizen.lookup(env, before, people["driver_normal"].id_number, REASON) is not None
    session = staff.sign_in(env, "J1001", "reset2026a")
    assert session.must_change_password
    with pytest.raises(DomainError, match="新密码不能与初始密码相同"):
        staff_password.change_temporary(env, session, "reset2026a", "reset2026a")
    assert not staff_password.change_temporary(env, session, "kiosk-1001x", "kiosk-1001x").must_change_password


def test_a_pin_reset_forces_nothing_and_the_pin_still_unlocks(env) -> None:
    counter_staff.reset_pin(env, ADMIN, "J1001", "246810")
    assert not staff.sign_in(env, "J1001", "kiosk-1001").must_change_password
    _new_clerk(env)
    assert staff.check_pin(env, "J1009", "190019", "unlock", staff_no_typed=False).staff_no == "J1009"


def test_an_account_deactivated_meanwhile_is_refused_and_audited(env) -> None:
    session = _new_clerk(env)
    counter_staff.deactivate(env, ADMIN, "J1009")
    with pytest.raises(StaffRevoked):
        staff_password.change_temporary(env, session, "mine2028x", "mine2028x")
    assert [e.detail for e in _entries(env, "J1009", "staff_refused")] == ["修改初始密码（该工作人员账户已停用）"]
    assert _entries(env, "J1009", "staff_password_change") == []


def test_demo_accounts_and_the_command_lines_are_not_forced(env) -> None:
    for staff_no, _name, _roles, password, _pin in STAFF:
        assert not staff.sign_in(env, staff_no, password).must_change_password
    staff_setup.create(env, "A0009", "钱管理", ["admin"], "first2026a", "135790")  # kiosk staff add
    assert not staff.sign_in(env, "A0009", "first2026a").must_change_password
    with env.db.read() as s:
        assert not any(s.scalars(select(Staff.must_change_password)))
