"""Migration 0017 adds staff.must_change_password: accounts of a database made by the version
before (the demo's, and one an admin made at the counter then) keep signing in straight to the
workbench; accounts made afterwards in 工作人员账户 are asked to change their password."""
from __future__ import annotations

from sqlalchemy import inspect, select

from kiosk.db.migrate import is_current
from kiosk.db.models import Staff
from kiosk.services import bootstrap, counter_staff, staff
from kiosk.services.env import Env
from kiosk.services.staff import StaffSession
from tests.integration.test_migrations import _downgrade, _schema_differences

ADMIN = StaffSession("A0001", "孙管理", ("admin", "counter", "review", "exam_admin"))


def test_accounts_from_before_the_upgrade_are_not_made_to_change_their_password(env: Env) -> None:
    counter_staff.create(env, ADMIN, "J1009", "陈新", ["counter"], "start1234", "190019")
    _downgrade(env, "0016")  # the version before: no such column
    assert "must_change_password" not in {c["name"] for c in inspect(env.db.engine).get_columns("staff")}
    assert bootstrap.prepare(env) is False  # upgraded again, the data kept
    assert is_current(env.db.engine) and _schema_differences(env.db.engine) == []
    with env.db.read() as s:
        assert s.scalars(select(Staff.must_change_password)).all() and not any(s.scalars(select(Staff.must_change_password)))
    assert not staff.sign_in(env, "J1009", "start1234").must_change_password
    assert not staff.sign_in(env, "A0001", "kiosk-0001").must_change_password
    counter_staff.create(env, ADMIN, "J1010", "王新", ["counter"], "start1234", "190019")  # made after it
    assert staff.sign_in(env, "J1010", "start1234").must_change_password
