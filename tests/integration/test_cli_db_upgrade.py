"""``kiosk db upgrade`` says what it did: the revision it brought the schema to when it applied
migrations (a new database, or one of an older version), and 数据库结构已是最新版本 only when there
was nothing to apply. It said 已是最新版本 even on a brand-new database it had just created."""
from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from kiosk.db.migrate import alembic_config

HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()
UPGRADED = f"已将数据库结构升级到最新版本（{HEAD}）\n"
CURRENT = "数据库结构已是最新版本\n"


def test_a_new_sqlite_database_is_said_to_be_upgraded_and_then_to_be_current(cli_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'new' / 'kiosk.db'}"
    assert cli_run("--db", url, "db", "upgrade") == (0, UPGRADED, "")
    assert cli_run("--db", url, "db", "upgrade") == (0, CURRENT, "")


def test_a_database_of_an_older_version_is_said_to_be_upgraded(cli_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'old.db'}"
    older = ScriptDirectory.from_config(alembic_config()).get_revision(HEAD).down_revision
    command.upgrade(alembic_config(url), str(older))
    assert cli_run("--db", url, "db", "upgrade") == (0, UPGRADED, "")
    assert cli_run("--db", url, "db", "upgrade") == (0, CURRENT, "")


@pytest.mark.postgres
def test_a_new_postgresql_database_is_said_to_be_upgraded(cli_run, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    assert cli_run("--db", pg_url, "db", "upgrade") == (0, UPGRADED, "")
    assert cli_run("--db", pg_url, "db", "upgrade") == (0, CURRENT, "")
