"""Migration 0008 widens the columns PostgreSQL refused values for (audit roles, terminal ids,
photo paths): on a database made by the version before, with rows in it, on SQLite (tables
rebuilt) and on PostgreSQL (ALTER COLUMN TYPE)."""
from __future__ import annotations

import pytest
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import DataError, DBAPIError

from kiosk.db.migrate import is_current, upgrade
from kiosk.db.models import AuditEntry, Terminal
from kiosk.services import audit, staff, terminals
from kiosk.services.env import Env
from tests.integration.test_migrations import _downgrade, _schema_differences, demo_env  # noqa: F401

TABLES = ("audit_log", "applications", "application_events", "terminals", "driving_licences", "photo_submissions",
          "electronic_licences", "bookings")


def _lengths(env: Env) -> dict[tuple[str, str], int | None]:
    found = {}
    for table, column in [("audit_log", "role"), ("audit_log", "terminal_id"), ("applications", "terminal_id"),
                          ("terminals", "id"), ("driving_licences", "photo"), ("photo_submissions", "file_path")]:
        columns = {c["name"]: c["type"] for c in inspect(env.db.engine).get_columns(table)}
        found[(table, column)] = getattr(columns[column], "length", None)
    return found


WIDE = {("audit_log", "role"): 100, ("audit_log", "terminal_id"): 100, ("applications", "terminal_id"): 100,
        ("terminals", "id"): 100, ("driving_licences", "photo"): None, ("photo_submissions", "file_path"): None}


def _counts(env: Env) -> dict[str, int]:
    with env.db.engine.connect() as conn:
        return {t: conn.scalar(text(f"SELECT count(*) FROM {t}")) for t in TABLES}


def _refuses_changes(env: Env) -> None:
    for statement in ("UPDATE audit_log SET detail = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            with env.db.write() as s:
                s.execute(text(statement))


def test_sqlite_upgrade_keeps_rows_triggers_checks_and_foreign_keys(demo_env: Env) -> None:  # noqa: F811
    env = demo_env
    staff.sign_in(env, "A0001", "kiosk-0001")
    terminals.touch(env)
    checks = {t: {c["name"] for c in inspect(env.db.engine).get_check_constraints(t)}
              for t in ("photo_submissions", "driving_licences")}
    before = _counts(env)
    _downgrade(env, "0007")
    assert _lengths(env)[("audit_log", "role")] == 20 and not is_current(env.db.engine)

    upgrade(env.db.engine)

    assert is_current(env.db.engine) and _schema_differences(env.db.engine) == []
    assert _lengths(env) == WIDE and _counts(env) == before
    assert {t: {c["name"] for c in inspect(env.db.engine).get_check_constraints(t)} for t in checks} == checks
    with env.db.engine.connect() as conn:
        triggers = set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # on again for the app
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    assert triggers == {"audit_log_no_update", "audit_log_no_delete"}
    _refuses_changes(env)
    with pytest.raises(DBAPIError, match="FOREIGN KEY"):  # still enforced on the rebuilt tables
        with env.db.write() as s:
            s.execute(text("UPDATE applications SET account_id = -1"))


@pytest.mark.postgres
def test_postgresql_upgrade_widens_the_columns_in_place(pg_env: Env) -> None:
    env = pg_env
    env.settings.terminal_id = "kiosk-dmv-yuzhong-hall-counter-window-03.cq.local"  # 47 characters
    _downgrade(env, "0007")
    with pytest.raises(DataError):  # what the tester met: the admin's roles, 31 characters, in the
        with env.db.write() as s:  # sign-in's audit entry (staff.sign_in itself reads staff columns
            audit.record(s, env, actor="staff:A0001", action="staff_sign_in",  # added after 0007)
                         role="admin,counter,review,exam_admin")
    with pytest.raises(DataError):
        terminals.touch(env)
    before = _counts(env)

    upgrade(env.db.engine)

    assert is_current(env.db.engine) and _schema_differences(env.db.engine) == []
    assert _lengths(env) == WIDE and _counts(env) == before
    staff.sign_in(env, "A0001", "kiosk-0001")
    terminals.touch(env)
    with env.db.write() as s:
        audit.record(s, env, actor="system", action="pg_test", role="r" * 100)
    with env.db.read() as s:
        assert s.get(Terminal, env.terminal_id) is not None
        assert s.scalar(select(func.count()).where(AuditEntry.terminal_id == env.terminal_id)) == 2
    _refuses_changes(env)
