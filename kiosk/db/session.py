"""Engine and unit-of-work set-up: SQLite (WAL, foreign keys, busy timeout) or PostgreSQL (lock
timeout).

SQLite connections also keep temporary tables in memory: publication-day allocation loads
its result into one (100,000s of rows) and joins it into every write; in memory that is
about 0.1 s faster at 100,000 applicants than through a temporary file.

Write transactions on SQLite start with ``BEGIN IMMEDIATE`` so two kiosks never deadlock on a
read-then-write upgrade; pysqlite's own transaction handling is switched off to allow that.

A write transaction on a SQLite file first checks that the file its connection opened is still the
one at its path (``check_same_file``): a file deleted (or replaced) under running terminals would
otherwise take their writes into a file no one can open again, all lost at their restart.
"""
from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from .driver import Tx
from .models import AuditEntry

SQLITE_BUSY_MS = 30_000
PG_LOCK_TIMEOUT_MS = SQLITE_BUSY_MS  # how long a PostgreSQL statement waits for a lock
# Terminals starting together take turns at each step of their preparation (kiosk.services.bootstrap):
# one migrates or loads the demo data while the others wait, up to PREPARE_WAIT_MS, for it to end.
MIGRATE_TURN, DEMO_TURN = 0x6B696F736B01, 0x6B696F736B02  # advisory lock keys ("kiosk" 1 and 2)
PREPARE_WAIT_MS = 300_000


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL opens (as pysqlite opens it: relative to the working folder); None for
    another database, an in-memory one, and a SQLite URI (``?uri=true``)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:") or "uri" in parsed.query:
        return None
    return Path(os.path.abspath(parsed.database))


class DatabaseFileGone(OperationalError):
    """The SQLite file a connection opened is no longer at its path (deleted, or replaced by another
    file). Nothing is written: a terminal shows 系统繁忙 and logs this; it needs the file put back and
    a restart. An OperationalError, so ``kiosk`` subcommands say it as a database that cannot be used."""

    def __init__(self, path: Path) -> None:
        reason = f"数据库文件 {path} 已被删除或替换，本终端未写入任何数据。请恢复该文件后重新启动终端"
        super().__init__("BEGIN IMMEDIATE", None, sqlite3.OperationalError(reason))


FILE_ID = "kiosk_sqlite_file"  # key in a pooled connection's info: (st_dev, st_ino) of the file it opened


def check_same_file(path: Path, info: dict[str, Any]) -> None:
    """Before a write on a connection to ``path``: refuse unless the file there is the one it opened.
    One os.stat (about a microsecond)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise DatabaseFileGone(path) from None
    if (st.st_dev, st.st_ino) != info.get(FILE_ID):
        raise DatabaseFileGone(path)


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})
        path = sqlite_file(url)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, record) -> None:  # type: ignore[no-untyped-def]
            if path is not None:  # the file just opened (sqlite3 creates it on connect when missing)
                st = os.stat(path)
                record.info[FILE_ID] = (st.st_dev, st.st_ino)
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
            cur = dbapi_conn.cursor()
            wal(cur)
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA temp_store=MEMORY")  # temporary tables and sorts in RAM, not a temp file
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
            immediate = conn.get_execution_options().get("write", False)
            if immediate and path is not None:
                check_same_file(path, conn.connection.info)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    postgres = make_url(url).get_backend_name() == "postgresql"
    return create_engine(url, pool_pre_ping=True, connect_args=_postgres_options(url) if postgres else {})


def wal(cur: sqlite3.Cursor, wait_ms: int = SQLITE_BUSY_MS) -> None:
    """WAL journal mode (kept in the file: after the first time it is only read). Making a new,
    empty file WAL writes it, and SQLite then takes the write lock without its busy handler: a
    terminal whose connection met another's write there (terminals started together on a new
    database, the other creating the schema) was refused at once with ``database is locked``.
    Tried again here until the other has finished, for up to ``wait_ms``, like any busy wait."""
    deadline = time.monotonic() + wait_ms / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _postgres_options(url: str) -> dict[str, str]:
    """PostgreSQL waits for a row lock as long as it takes; a kiosk waiting behind a transaction
    that never ends would hang. ``lock_timeout`` gives up after PG_LOCK_TIMEOUT_MS (SQLite's busy
    timeout): the statement fails, its transaction is rolled back, and the screen says 系统繁忙，
    请稍后再试, as for any database error. Options given in the URL (``?options=...``) are kept, and come after
ours: a lock_timeout there wins."""
    given = make_url(url).query.get("options")
    if isinstance(given, tuple):
        given = " ".join(given)
    ours = f"-c lock_timeout={PG_LOCK_TIMEOUT_MS}"
    return {"options": f"{ours} {given}" if given else ours}


def take_turn(conn: Connection | Session, key: int | str, *, wait_ms: int | None = PREPARE_WAIT_MS) -> None:
    """Inside a write transaction: wait until no other terminal holds ``key``, and hold it until the
    transaction ends, so what is checked here still holds when it commits. PostgreSQL: a
    transaction-level advisory lock (a text ``key`` hashed to one), waited for up to ``wait_ms``:
    PREPARE_WAIT_MS by default (another terminal's migration or demo load takes seconds, longer than
    a row lock may), None for the connection's own lock timeout (a short turn: a staff sign-in try).
    SQLite: the transaction's ``BEGIN IMMEDIATE`` already let this writer in alone, nothing to do."""
    dialect = conn.get_bind().dialect if isinstance(conn, Session) else conn.dialect
    if dialect.name != "postgresql":
        return
    if wait_ms is not None:
        conn.execute(text(f"SET LOCAL lock_timeout = {wait_ms}"))
    lock = "pg_advisory_xact_lock(hashtext(:key))" if isinstance(key, str) else "pg_advisory_xact_lock(:key)"
    conn.execute(text(f"SELECT {lock}"), {"key": key})
    if wait_ms is not None:
        conn.execute(text("SET LOCAL lock_timeout TO DEFAULT"))  # the connection's own (see _postgres_options)


@event.listens_for(Session, "before_flush")
def _audit_is_append_only(session: Session, _ctx, _instances) -> None:  # type: ignore[no-untyped-def]
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditEntry) and (obj in session.deleted or session.is_modified(obj)):
            raise PermissionError("audit log is append-only")


class Database:
    """Owns the engine; hands out one session per unit of work."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sqlite = self.engine.dialect.name == "sqlite"
        self._file = sqlite_file(url) if self._sqlite else None
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self.engine.execution_options(write=True), expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: commits on success, rolls back on any exception (see ``_follow_up``)."""
        try:
            with self._write() as session, session.begin():
                yield session
        except Exception as exc:
            self._follow_up(exc)
            raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self._read() as session, session.begin():
                yield session
        except Exception as exc:
            self._follow_up(exc)
            raise

    def _follow_up(self, exc: Exception) -> None:
        """An exception may carry ``after_rollback(session)``: what must be recorded although the
        transaction it ended was rolled back (a refusal for the audit log). It runs once, in a
        write transaction of its own, after the failed one has let go of the database."""
        follow_up = getattr(exc, "after_rollback", None)
        if follow_up is not None:
            exc.after_rollback = None  # type: ignore[attr-defined]
            with self._write() as session, session.begin():
                follow_up(session)

    @contextmanager
    def fast(self, write: bool) -> Iterator[Tx]:
        """A transaction straight on a pooled driver connection, for code that runs only
        ``Prepared`` statements (kiosk.db.driver): commits on success, rolls back on any
        exception. ``write`` on SQLite: BEGIN IMMEDIATE, as ``write()``."""
        pooled = self.engine.raw_connection()
        try:
            dbapi = pooled.driver_connection
            cursor = dbapi.cursor()  # type: ignore[union-attr]
            if write and self._file is not None:
                check_same_file(self._file, pooled.info)
            if self._sqlite:  # autocommit mode (see make_engine): the transaction is ours to begin
                cursor.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield Tx(self.engine.dialect, cursor)
            except BaseException:
                dbapi.rollback()  # type: ignore[union-attr]
                raise
            dbapi.commit()  # type: ignore[union-attr]
            cursor.close()
        finally:
            pooled.close()  # back to the pool (rolled back there if still open)

    def dispose(self) -> None:
        self.engine.dispose()
