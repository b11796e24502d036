"""A connection to a new, empty SQLite file made while another connection writes it (terminals
started together on a new database, one of them creating the schema): making the file WAL takes
the write lock without SQLite's busy handler, so the connection was refused at once with
``database is locked`` (a flaky failure of test_start_together). It now waits for the writer."""
from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from kiosk.db.session import make_engine, wal


def test_a_connection_waits_for_a_write_to_a_new_file_to_end(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")  # the write lock on the new file, as a migrating terminal holds it
    done = threading.Timer(0.3, lambda: writer.execute("COMMIT"))
    done.start()
    engine = make_engine(f"sqlite:///{path}")
    try:
        started = time.monotonic()
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert time.monotonic() - started >= 0.25  # it waited for the commit
    finally:
        done.join()
        engine.dispose()
        writer.close()


def test_it_still_gives_up_after_its_wait(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    reader = sqlite3.connect(path, timeout=0.1)
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            wal(reader.cursor(), wait_ms=100)
    finally:
        reader.close()
        writer.close()
