"""A SQLite file deleted (or replaced) under running terminals: a terminal's next write is refused
(the citizen reads 系统繁忙, the log says why) instead of going into a file nobody can open again."""
from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.cli.start_errors import cannot_start
from kiosk.config import Settings
from kiosk.db.session import Database, DatabaseFileGone, sqlite_file
from kiosk.ui.app import make_app
from kiosk.ui.base import GENERIC_ERROR
from tests.ui.conftest import ask_for_a_code, screen_text


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):  # rm k.db k.db-wal k.db-shm
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@pytest.fixture
def db(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = Database(f"sqlite:///{tmp_path / 'k.db'}")
    with db.write() as s:
        s.execute(text("CREATE TABLE t (x INTEGER)"))
        s.execute(text("INSERT INTO t VALUES (1)"))
    yield db
    db.dispose()


def _rows(path: Path) -> list[int]:
    with closing(sqlite3.connect(path)) as conn:
        return [x for (x,) in conn.execute("SELECT x FROM t ORDER BY x")]


def test_a_write_after_the_file_was_deleted_is_refused(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    _remove(path)
    with pytest.raises(DatabaseFileGone) as refused:
        with db.write() as s:
            s.execute(text("INSERT INTO t VALUES (2)"))
    assert f"数据库文件 {path} 已被删除或替换" in str(refused.value.orig)
    with pytest.raises(DatabaseFileGone):
        with db.fast(write=True) as tx:  # the booking submission's way in
            tx.cursor.execute("INSERT INTO t VALUES (3)")
    assert not path.exists()  # nothing made there either


def test_a_write_after_the_file_was_replaced_is_refused(db: Database, tmp_path: Path) -> None:
    path, other = tmp_path / "k.db", tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE t (x INTEGER)")
        conn.commit()
    _remove(path)
    os.replace(other, path)  # a backup put back under the same name while the terminal ran
    with pytest.raises(DatabaseFileGone):
        with db.write() as s:
            s.execute(text("INSERT INTO t VALUES (2)"))
    assert _rows(path) == []


def test_writes_go_on_while_the_file_is_there(db: Database, tmp_path: Path) -> None:
    with db.write() as s:
        s.execute(text("INSERT INTO t VALUES (2)"))
    with db.fast(write=True) as tx:
        tx.cursor.execute("INSERT INTO t VALUES (3)")
    assert _rows(tmp_path / "k.db") == [1, 2, 3]


def test_only_a_sqlite_file_is_checked() -> None:
    assert sqlite_file("sqlite://") is None and sqlite_file("sqlite:///:memory:") is None
    assert sqlite_file("postgresql+psycopg://u@127.0.0.1/kiosk") is None
    assert sqlite_file("sqlite:///file:k.db?mode=ro&uri=true") is None
    assert sqlite_file("sqlite:///k.db") == Path.cwd() / "k.db"  # as pysqlite opens it
    memory = Database("sqlite://")
    try:
        with memory.write() as s:
            s.execute(text("SELECT 1"))
    finally:
        memory.dispose()


def test_a_subcommand_says_it_in_one_chinese_line(tmp_path: Path) -> None:
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'k.db'}", data_dir=tmp_path)
    line = cannot_start(DatabaseFileGone(tmp_path / "k.db"), settings)
    assert f"数据库文件 {tmp_path / 'k.db'} 已被删除或替换，本终端未写入任何数据" in line and "\n" not in line


async def test_the_citizen_reads_the_busy_message_not_a_traceback(env, people, caplog) -> None:  # type: ignore[no-untyped-def]
    path = sqlite_file(env.settings.db_url)
    assert path is not None and path.exists()
    app = make_app(env.settings, env)
    with caplog.at_level(logging.ERROR, logger="kiosk.ui"):
        async with app.run_test(size=(120, 40)) as pilot:
            _remove(path)
            await ask_for_a_code(pilot, people["driver_normal"].id_number)  # sending a code writes
            assert GENERIC_ERROR in screen_text(app).replace("\n", "")
            assert "Traceback" not in screen_text(app)
    assert "已被删除或替换" in caplog.text  # the log says why, for the technician
    assert not path.exists()
