"""工作人员账户 at the service layer: what may be done to a deactivated account."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry, Staff
from kiosk.domain.errors import DomainError
from kiosk.services import counter_staff, staff
from kiosk.services.staff import StaffSession

ADMIN = StaffSession("A0001", "孙管理", ("admin", "counter", "review", "exam_admin"))


def test_a_deactivated_accounts_password_is_not_reset(env) -> None:
    """It could not sign in with it anyway; saying 已重置 would mislead the admin (启用 comes first)."""
    counter_staff.deactivate(env, ADMIN, "J1002")
    with env.db.read() as s:
        before = s.scalars(select(Staff).where(Staff.staff_no == "J1002")).one().password_hash
    with pytest.raises(DomainError) as err:
        counter_staff.reset_password(env, ADMIN, "J1002", "newpass123")
    assert err.value.message == "该账户已停用，请先启用账户再重置密码" and err.value.field == "target"
    with env.db.read() as s:
        assert s.scalars(select(Staff).where(Staff.staff_no == "J1002")).one().password_hash == before
        assert "staff_password_reset" not in [e.action for e in s.scalars(select(AuditEntry))]
    with pytest.raises(DomainError):  # the new password was not set
        staff.sign_in(env, "J1002", "newpass123")


def test_a_deactivated_account_is_named_before_the_new_password_is_checked(env) -> None:
    counter_staff.deactivate(env, ADMIN, "J1002")
    with pytest.raises(DomainError, match="已停用"):
        counter_staff.reset_password(env, ADMIN, "J1002", "")


def test_an_active_accounts_password_is_still_reset(env) -> None:
    counter_staff.reset_password(env, ADMIN, "J1002", "newpass123")
    assert staff.sign_in(env, "J1002", "newpass123").staff_no == "J1002"
