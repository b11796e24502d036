"""The schema comes from the Alembic migrations and matches the models; the database enforces
what must never be broken (append-only audit log, seats)."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, delete, func, inspect, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from kiosk.db.base import Base
from kiosk.db.migrate import is_current, upgrade
from kiosk.db.models import AuditEntry, ExamPlan, ExamSession
from kiosk.db.session import SQLITE_BUSY_MS, Database, make_engine
from kiosk.services import audit, bootstrap
from kiosk.services.env import Env, make_env

EXPECTED_TABLES = {
    "accounts", "driving_licences", "learner_permits", "vehicles", "offices", "exam_sites", "exam_plans",
    "exam_sessions", "bookings", "exam_results", "applications", "application_events", "messages",
    "sms_codes", "terminals", "staff", "audit_log", "alembic_version",
    "electronic_licences", "photo_submissions",  # issue 4 (migration 0002)
    "notices",  # shared texts of bulk notifications (migration 0005)
    "violations",  # traffic violations of a vehicle (migration 0007)
    "terminal_keys",  # public e-licence signing keys of the terminals (migration 0009)
    "new_vehicles", "temporary_plates",  # 申请新车临时号牌 (migration 0011)
    "plate_selections",  # 新车选号, 在用车选号 (migration 0012)
    "used_car_invoices", "other_vehicles",  # 机动车转籍申请, 备案非本人机动车 (migration 0013)
    "photo_files",  # the photos' bytes, for the hall's other machines (migration 0016)
}


def _schema_differences(engine: Engine) -> list:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)


@pytest.fixture
def migrated(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'schema.db'}")
    upgrade(engine)
    yield engine
    engine.dispose()


def test_migrated_sqlite_schema_equals_the_models(migrated: Engine) -> None:
    assert set(inspect(migrated).get_table_names()) == EXPECTED_TABLES
    assert _schema_differences(migrated) == []
    assert is_current(migrated)


def test_sqlite_booking_status_and_session_indexes_are_partial(migrated: Engine) -> None:
    """Migration 0015: publication day's UPDATE of 100,000s of bookings changes fewer index entries;
    the lookups still find their index (a pending status, a session)."""
    with migrated.connect() as conn:
        found = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                          "AND tbl_name = 'bookings'").all())
        assert found["ix_bookings_status"].endswith("WHERE status = 'pending'")
        assert found["ix_bookings_session_id"].endswith("WHERE session_id IS NOT NULL")

        def plan(sql: str, params: tuple) -> str:
            return " | ".join(r[3] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params))

        assert "USING INDEX ix_bookings_status" in plan(
            "SELECT id FROM bookings WHERE status = ? AND priority = 0", ("pending",))
        assert "ix_bookings_session_id (session_id=?)" in plan("SELECT id FROM bookings WHERE session_id = ?", (3,))
        from kiosk.services.allocation_service import BUSY_SQL
        assert "SEARCH b USING INDEX ix_bookings_session_id (session_id=?)" in plan(BUSY_SQL, ("2026-12-05", "2026-12-09"))


def test_check_constraints_and_triggers_exist_on_sqlite(migrated: Engine) -> None:
    checks = {c["name"] for c in inspect(migrated).get_check_constraints("exam_sessions")}
    assert {"ck_exam_sessions_placed_within_seats", "ck_exam_sessions_priority_within_quota",
            "ck_exam_sessions_quota_within_seats"} <= checks
    with migrated.connect() as conn:
        triggers = set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    assert triggers == {"audit_log_no_update", "audit_log_no_delete"}


def test_a_fresh_file_is_not_current_until_upgraded(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    try:
        assert not is_current(engine)
        upgrade(engine)
        assert is_current(engine)
        upgrade(engine)  # a second upgrade is a no-op
        assert _schema_differences(engine) == []
    finally:
        engine.dispose()


def test_prepare_migrates_and_loads_demo_data_once(tmp_path: Path, settings_factory) -> None:
    settings = settings_factory(tmp_path / "not" / "yet", "first.db")
    env = make_env(settings)
    try:
        assert bootstrap.prepare(env) is True
        assert (tmp_path / "not" / "yet" / "first.db").exists()
        assert bootstrap.prepare(env) is False  # already current, data present
    finally:
        env.db.dispose()


@pytest.fixture
def demo_env(tmp_path: Path, settings_factory) -> Iterator[Env]:  # type: ignore[no-untyped-def]
    """A migrated SQLite file with the demo data, for tests that go back to an older revision."""
    env = make_env(settings_factory(tmp_path, "demo.db"))
    bootstrap.prepare(env)
    yield env
    env.db.dispose()


def _downgrade(env: Env, revision: str) -> None:
    """As a kiosk of the version before: the schema of ``revision``."""
    from alembic import command

    from kiosk.db.migrate import alembic_config

    command.downgrade(alembic_config(env.settings.db_url), revision)


def test_prepare_after_an_upgrade_gives_older_demo_permits_their_city(demo_env: Env) -> None:
    env = demo_env
    _downgrade(env, "0003")
    assert not is_current(env.db.engine)
    assert bootstrap.prepare(env) is False
    with env.db.read() as s:
        cities = s.execute(text("SELECT city, count(*) FROM learner_permits GROUP BY city")).all()
    assert cities and None not in dict(cities) and "重庆" in dict(cities)  # every demo permit has its city


def test_notice_texts_read_the_same_before_and_after_a_downgrade(demo_env: Env) -> None:
    from kiosk.db.models import Account, Application, ApplicationEvent, Message, Notice
    from kiosk.services import applications, messaging

    env = demo_env
    with env.db.write() as s:
        account = s.scalars(select(Account).where(Account.registered_at.is_not(None))).first()
        at = datetime(2026, 12, 2)
        app = Application(serial_no="B1", account_id=account.id, kind="exam_booking", title="考试预约",
                          status="预约成功", payload={}, terminal_id="t", created_at=at, updated_at=at)
        s.add(app)
        notice = Notice(title="考试预约结果", head="您的考试预约（业务流水号", tail="）预约成功。", note="预约成功")
        s.add(notice)
        s.flush()
        s.add(Message(channel="inbox", account_id=account.id, title="", body="", created_at=at,
                      notice_id=notice.id, ref="B1"))
        s.add(ApplicationEvent(application_id=app.id, at=at, status="预约成功", note="", notice_id=notice.id))
        aid, serial = account.id, app.serial_no

    def seen() -> tuple:
        inbox = messaging.inbox(env, aid)[0]
        events = next(a for a in applications.list_for(env, aid) if a.serial_no == serial).events
        return inbox.title, inbox.body, events[-1].note

    assert seen() == ("考试预约结果", "您的考试预约（业务流水号B1）预约成功。", "预约成功。")  # 网办进度: a sentence
    _downgrade(env, "0004")
    with env.db.read() as s:
        old = s.execute(text("SELECT title, body FROM messages ORDER BY id DESC LIMIT 1")).one()
        note = s.scalar(text("SELECT note FROM application_events ORDER BY id DESC LIMIT 1"))
    assert (*old, note) == ("考试预约结果", "您的考试预约（业务流水号B1）预约成功。", "预约成功")
    upgrade(env.db.engine)
    assert seen() == ("考试预约结果", "您的考试预约（业务流水号B1）预约成功。", "预约成功。")  # now from its own text


def test_prepare_without_demo_leaves_the_database_empty(settings) -> None:
    env = make_env(settings)
    try:
        assert bootstrap.prepare(env, load_demo=False) is False
        assert is_current(env.db.engine)
        with env.db.read() as s:
            assert s.scalar(text("SELECT count(*) FROM accounts")) == 0
    finally:
        env.db.dispose()


# SQLite connection set-up ------------------------------------------------------------------

def test_sqlite_pragmas_are_in_effect(env: Env) -> None:
    for db in (env.db,):
        with db.read() as s:
            assert s.scalar(text("PRAGMA journal_mode")) == "wal"
            assert s.scalar(text("PRAGMA foreign_keys")) == 1
            assert s.scalar(text("PRAGMA busy_timeout")) == SQLITE_BUSY_MS
        with db.write() as s:
            assert s.scalar(text("PRAGMA foreign_keys")) == 1
    assert Path(env.db.url.removeprefix("sqlite:///")).with_name("kiosk.db-wal").exists()


def test_foreign_keys_are_enforced(env: Env) -> None:
    with pytest.raises(IntegrityError):
        with env.db.write() as s:
            s.add(AuditEntry(at=datetime(2026, 12, 1), actor="system", terminal_id="t", action="x",
                             account_id=999_999))


def test_write_transactions_start_immediately(tmp_path: Path) -> None:
    """A write unit of work takes the write lock at BEGIN, so a second writer waits, never deadlocks."""
    path = tmp_path / "lock.db"
    db = Database(f"sqlite:///{path}")
    upgrade(db.engine)
    other = sqlite3.connect(path, timeout=0.05, isolation_level=None)  # plain driver, no hooks

    def other_can_write() -> bool:
        try:
            other.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            assert "locked" in str(exc)
            return False
        other.execute("ROLLBACK")
        return True

    try:
        with db.read() as s:
            s.execute(text("SELECT count(*) FROM accounts"))
            assert other_can_write()  # a read does not block writers
        with db.write() as s:
            s.execute(text("SELECT count(*) FROM accounts"))  # nothing written yet, but the lock is held
            assert not other_can_write()
        assert other_can_write()
    finally:
        other.close()
        db.dispose()


# Append-only audit log ---------------------------------------------------------------------

def _one_audit_entry(env: Env) -> int:
    with env.db.write() as s:
        audit.record(s, env, actor="system", action="test_entry", detail="original")
    with env.db.read() as s:
        return s.scalars(select(AuditEntry.id).where(AuditEntry.action == "test_entry")).one()


def test_audit_insert_works(env: Env) -> None:
    entry_id = _one_audit_entry(env)
    with env.db.read() as s:
        entry = s.get(AuditEntry, entry_id)
        assert entry is not None
        assert (entry.actor, entry.detail, entry.terminal_id, entry.at) == (
            "system", "original", "test-kiosk", datetime(2026, 12, 1, 9, 0))


def test_audit_update_through_the_orm_is_refused(env: Env) -> None:
    entry_id = _one_audit_entry(env)
    with pytest.raises(PermissionError):
        with env.db.write() as s:
            entry = s.get(AuditEntry, entry_id)
            assert entry is not None
            entry.detail = "tampered"
    with env.db.read() as s:
        assert s.get(AuditEntry, entry_id).detail == "original"  # type: ignore[union-attr]


def test_audit_delete_through_the_orm_is_refused(env: Env) -> None:
    entry_id = _one_audit_entry(env)
    with pytest.raises(PermissionError):
        with env.db.write() as s:
            s.delete(s.get(AuditEntry, entry_id))
    with env.db.read() as s:
        assert s.get(AuditEntry, entry_id) is not None


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET detail = 'tampered'",
    "DELETE FROM audit_log",
])
def test_audit_raw_sql_update_and_delete_are_refused_by_the_trigger(env: Env, statement: str) -> None:
    _one_audit_entry(env)
    with env.db.read() as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(DBAPIError, match="append-only"):
        with env.db.write() as s:
            s.execute(text(statement))
    with env.db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == before
        assert s.scalar(select(func.count()).where(AuditEntry.detail == "tampered")) == 0


def test_audit_bulk_orm_update_and_delete_are_refused(env: Env) -> None:
    _one_audit_entry(env)
    with pytest.raises(DBAPIError, match="append-only"):
        with env.db.write() as s:
            s.execute(update(AuditEntry).values(detail="tampered"))
    with pytest.raises(DBAPIError, match="append-only"):
        with env.db.write() as s:
            s.execute(delete(AuditEntry))


# Exam session seats ------------------------------------------------------------------------

def test_placed_cannot_exceed_seats(env: Env) -> None:
    with env.db.read() as s:
        session_id, seats = s.execute(select(ExamSession.id, ExamSession.seats).limit(1)).one()
    with env.db.write() as s:  # filling to exactly the seats is fine
        s.execute(update(ExamSession).where(ExamSession.id == session_id).values(placed=seats))
    with pytest.raises(IntegrityError, match="placed_within_seats|CHECK"):
        with env.db.write() as s:
            s.execute(text("UPDATE exam_sessions SET placed = seats + 1 WHERE id = :id"), {"id": session_id})
    with pytest.raises(IntegrityError):
        with env.db.write() as s:
            row = s.get(ExamSession, session_id)
            assert row is not None
            row.placed = row.seats + 1
    with env.db.read() as s:
        assert s.get(ExamSession, session_id).placed == seats  # type: ignore[union-attr]


def test_new_session_over_capacity_is_refused(env: Env) -> None:
    with env.db.read() as s:
        plan = s.scalars(select(ExamPlan).limit(1)).one()
        site_id = s.scalar(select(ExamSession.site_id).where(ExamSession.plan_id == plan.id))
    with pytest.raises(IntegrityError):
        with env.db.write() as s:
            s.add(ExamSession(plan_id=plan.id, site_id=site_id, exam_date=date(2027, 1, 5), start_time=time(8, 30),
                              subject=1, classes="C1", seats=10, priority_quota=11))


# PostgreSQL --------------------------------------------------------------------------------

@pytest.mark.postgres
def test_migrated_postgresql_schema_equals_the_models(pg_url: str) -> None:
    engine = make_engine(pg_url)
    try:
        assert not is_current(engine)
        upgrade(engine)
        assert is_current(engine)
        assert set(inspect(engine).get_table_names()) == EXPECTED_TABLES
        assert _schema_differences(engine) == []
        checks = {c["name"] for c in inspect(engine).get_check_constraints("exam_sessions")}
        assert "ck_exam_sessions_placed_within_seats" in checks
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_postgresql_demo_data_and_append_only_audit(pg_url: str, settings) -> None:
    settings.db_url = pg_url
    env = make_env(settings)
    try:
        assert bootstrap.prepare(env) is True
        with env.db.write() as s:
            audit.record(s, env, actor="system", action="pg_test")
        for statement in ("UPDATE audit_log SET detail = 'x'", "DELETE FROM audit_log"):
            with pytest.raises(DBAPIError, match="append-only"):
                with env.db.write() as s:
                    s.execute(text(statement))
        with pytest.raises(IntegrityError):
            with env.db.write() as s:
                s.execute(text("UPDATE exam_sessions SET placed = seats + 1"))
        with env.db.read() as s:
            assert s.scalar(select(func.count()).where(AuditEntry.action == "pg_test")) == 1
    finally:
        env.db.dispose()


def test_no_code_path_in_the_app_edits_or_deletes_the_audit_log() -> None:
    """Issue 5: the audit screen only reads. No module of the app updates or deletes an
    AuditEntry (the ORM hook and the triggers above would refuse it anyway)."""
    import re

    root = Path(__file__).resolve().parents[2] / "kiosk"
    pattern = re.compile(r"(update|delete)\(\s*AuditEntry|(UPDATE|DELETE FROM)\s+audit_log", re.IGNORECASE)
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if "migrations" not in p.parts and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_upgrade_unbinds_a_phone_shared_by_registered_accounts_from_the_later_one(demo_env: Env) -> None:
    env = demo_env
    _downgrade(env, "0005")
    with env.db.engine.begin() as conn:  # two accounts bound to one number before the check existed
        first, second = conn.execute(text("SELECT id, phone FROM accounts WHERE registered_at IS NOT NULL "
                                          "ORDER BY registered_at, id LIMIT 2")).all()
        conn.execute(text("UPDATE accounts SET phone = :p WHERE id = :id"), {"p": first.phone, "id": second.id})
    upgrade(env.db.engine)
    assert is_current(env.db.engine)
    with env.db.read() as s:
        phones = dict(s.execute(text("SELECT id, phone FROM accounts WHERE id IN (:a, :b)"),
                                {"a": first.id, "b": second.id}).all())
        entry = s.execute(select(AuditEntry.actor, AuditEntry.action, AuditEntry.detail)
                          .where(AuditEntry.account_id == second.id, AuditEntry.action == "phone_unbound")).one()
    assert phones == {first.id: first.phone, second.id: None}
    assert entry.actor == "system" and f"{first.phone[:3]}****{first.phone[-4:]}" in entry.detail
    with env.db.engine.begin() as conn, pytest.raises(IntegrityError):  # and the index keeps it so
        conn.execute(text("UPDATE accounts SET phone = :p WHERE id = :id"), {"p": first.phone, "id": second.id})
