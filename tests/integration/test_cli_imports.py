"""`kiosk --help` and the small subcommands start quickly: the arguments are parsed before the database
layer is imported, a subcommand loads only its own services, Alembic only when there is something to
migrate, and Textual only for a terminal (kiosk/__main__.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from kiosk.config import Settings
from kiosk.db import migrate
from kiosk.services.env import Env

HEAVY = ("sqlalchemy", "alembic", "textual", "rich", "qrcode", "argon2")
SCRIPT = textwrap.dedent("""
    import json, sys
    from kiosk.__main__ import main
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
    print(json.dumps({"code": code, "loaded": sorted(m for m in %r if m in sys.modules)}))
""" % (HEAVY,))


def loaded_by(settings: Settings, *args: str) -> list[str]:
    """Which of HEAVY one `kiosk ARGS` (in a fresh interpreter) imported; it must succeed."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    environ.update(KIOSK_NOW="2026-12-01T09:00", KIOSK_DATA_DIR=str(settings.data_dir),
                   KIOSK_DATABASE_URL=settings.db_url, PYTHONIOENCODING="utf-8")
    done = subprocess.run([sys.executable, "-c", SCRIPT, *args], capture_output=True, text=True, env=environ,
                          timeout=120)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] in (0, None), done.stdout + done.stderr
    return result["loaded"]


@pytest.mark.parametrize("args", [("--help",), ("staff", "add", "--help"), ("review", "reject", "--help"),
                                  ("allocate", "--help")])
def test_help_imports_no_database_layer(env: Env, args: tuple[str, ...]) -> None:
    assert loaded_by(env.settings, *args) == []


@pytest.mark.parametrize("args", [("outbox", "--phone", "13923000055"), ("demo",), ("staff", "list")])
def test_small_subcommands_load_neither_alembic_nor_textual_nor_other_commands(env: Env,
                                                                              args: tuple[str, ...]) -> None:
    """On a database at the newest revision: the check that it is current needs no Alembic; the QR
    code of `elicence show` is no business of `outbox`."""
    loaded = loaded_by(env.settings, *args)
    assert "sqlalchemy" in loaded  # the database was used
    assert not {"alembic", "textual", "rich", "qrcode"} & set(loaded), loaded


def test_script_head_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    assert migrate.script_head() == ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()


def test_revision_read_without_alembic_is_alembics(env: Env) -> None:
    from alembic.runtime.migration import MigrationContext

    with env.db.engine.connect() as conn:
        assert migrate._revision(env.db.engine) == MigrationContext.configure(conn).get_current_revision()  # noqa: SLF001
    assert migrate.is_current(env.db.engine) and migrate.has_schema(env.db.engine)


def test_an_empty_database_has_no_schema(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.db.session import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        assert not migrate.has_schema(engine) and not migrate.is_current(engine)
    finally:
        engine.dispose()
