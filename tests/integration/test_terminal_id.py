"""The terminal's name (--terminal-id, KIOSK_TERMINAL_ID, default kiosk-<hostname>): a long one
works on PostgreSQL, one longer than the database keeps is refused at start-up in one line, and
a statement that fails at start-up is one line too, not a traceback."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from kiosk.db.migrate import upgrade
from kiosk.db.models import TERMINAL_ID_MAX, Application
from kiosk.db.session import make_engine
from kiosk.services.terminals import check_terminal_id
from tests.integration.test_cli import run_kiosk

HALL = "kiosk-dmv-yuzhong-hall-counter-window-03.cq.local"  # 47 characters, as the tester's


def _one_line(stderr: str) -> str:
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1, stderr
    return stderr.strip()


@pytest.mark.postgres
def test_a_long_terminal_id_works_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    """`kiosk demo` migrates and loads the demo data, whose past applications name the terminal."""
    for args, environ in [(("--terminal-id", HALL), {}), ((), {"KIOSK_TERMINAL_ID": HALL + "-2"})]:
        done = run_kiosk("--db", pg_url, *args, "demo", timeout=120, KIOSK_DATA_DIR=str(tmp_path), **environ)
        assert done.returncode == 0, done.stderr
    engine = make_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert HALL in set(conn.scalars(select(Application.terminal_id)))
    finally:
        engine.dispose()


def test_a_terminal_id_longer_than_the_database_keeps_is_refused_in_one_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'k.db'}"
    too_long = HALL.ljust(TERMINAL_ID_MAX + 1, "x")
    for args, environ in [(("--terminal-id", too_long), {}), ((), {"KIOSK_TERMINAL_ID": too_long}),
                          (("--terminal-id", "kiosk-1\nkiosk-2"), {})]:
        done = run_kiosk("--db", db, *args, "outbox", timeout=60, **environ)
        assert done.returncode == 2, done.stderr
        line = _one_line(done.stderr)
        assert line.startswith("kiosk: 终端编号") and "--terminal-id 或 KIOSK_TERMINAL_ID" in line, line
    assert f"最多{TERMINAL_ID_MAX}个" in run_kiosk("--db", db, "--terminal-id", too_long, "outbox").stderr
    assert not (tmp_path / "k.db").exists()  # refused before anything was opened


def test_the_check_accepts_up_to_the_maximum() -> None:
    assert check_terminal_id(HALL) == HALL
    assert check_terminal_id("k" * TERMINAL_ID_MAX) == "k" * TERMINAL_ID_MAX
    for bad in ("k" * (TERMINAL_ID_MAX + 1), "", "   ", "a\tb"):
        with pytest.raises(ValueError, match="终端编号"):
            check_terminal_id(bad)


@pytest.mark.postgres
def test_a_statement_that_fails_at_start_up_is_one_line_and_logged(pg_url: str, tmp_path: Path) -> None:
    """Here the terminals table of a database someone narrowed by hand: the kiosk cannot register
    itself. The operator reads one line naming the database's reason and the log file; the
    traceback is in the log file."""
    engine = make_engine(pg_url)
    try:
        upgrade(engine)
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE terminals ALTER COLUMN id TYPE varchar(10)"))
    finally:
        engine.dispose()
    for args in (("--counter",), ()):  # the counter and the citizen kiosk
        done = run_kiosk("--db", pg_url, *args, "--no-demo", "--terminal-id", "counter-window-03", timeout=60,
                         KIOSK_DATA_DIR=str(tmp_path))
        assert done.returncode == 1, done.stderr
        line = _one_line(done.stderr)
        assert "数据库操作失败（value too long for type character varying(10)）" in line, line
        assert str(tmp_path / "kiosk.log") in line, line
    log = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "StringDataRightTruncation" in log
