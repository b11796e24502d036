"""Fixtures of the integration tests: a scratch PostgreSQL database (``pg_url``), and one migrated
and loaded with the demo data (``pg_env``)."""
from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from kiosk.services import bootstrap
from kiosk.services.env import Env, make_env

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A uniquely named, empty PostgreSQL database, dropped afterwards."""
    try:
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - no server, no driver, no role: skip
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL}: {exc}")
    name = f"kiosk_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_env(pg_url: str, settings) -> Iterator[Env]:  # type: ignore[no-untyped-def]
    """The ``env`` of a test on PostgreSQL: ``settings`` with ``pg_url``, migrated, demo data loaded."""
    settings.db_url = pg_url
    env = make_env(settings)
    bootstrap.prepare(env)
    yield env
    env.db.dispose()


@pytest.fixture
def cli_run(tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """``cli_run(*argv) -> (exit code, stdout, stderr)`` of ``kiosk`` in-process, with its own data
    folder and none of the KIOSK_* settings of the environment."""
    from kiosk.__main__ import main

    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    for name in ("KIOSK_DATABASE_URL", "KIOSK_NOW", "KIOSK_TERMINAL_ID", "KIOSK_THEME", "KIOSK_ELICENCE_TTL"):
        monkeypatch.delenv(name, raising=False)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run
