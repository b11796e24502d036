"""Apply Alembic migrations programmatically: the only way the schema is created.

Every start asks whether the schema is at the newest revision (``is_current``). That question is
answered without Alembic, which takes a good part of a second to import: the database's revision is
read from its alembic_version table, and the newest is read from the ``revision =`` and
``down_revision =`` lines of the scripts under migrations/versions. Anything these plain readings do
not settle (several rows, a script written another way, more than one head) is asked of Alembic
itself, as is every upgrade."""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from .session import MIGRATE_TURN, take_turn

if TYPE_CHECKING:
    from alembic.config import Config

HERE = Path(__file__).parent
VERSIONS = HERE / "migrations" / "versions"
VERSION_TABLE = "alembic_version"  # Alembic's default, which env.py keeps
# `revision = '0019'`, `down_revision = '0018'` (None for the first), as `alembic revision` writes them
_ASSIGNED = re.compile(r"""^(revision|down_revision)(?:\s*:[^=\n]*)?\s*=\s*(?:'([^'\n]+)'|"([^"\n]+)"|None)\s*$""",
                       re.MULTILINE)


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    cfg = Config(str(HERE / "alembic.ini"))
    cfg.set_main_option("script_location", str(HERE / "migrations"))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def upgrade(engine: Engine) -> str | None:
    """Migrate to the newest revision in one transaction; the revision reached, or None when the
    schema was already there (nothing applied). Terminals starting together on a new database take
    turns (``take_turn``; on SQLite the transaction begins IMMEDIATE): the first creates the schema,
    the others then find it current. On SQLite foreign keys are off meanwhile (the way SQLite asks
    for a table to be rebuilt, which batch mode does to change a column: the old table could not be
    dropped while other tables point to it) and checked before it commits."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    cfg = alembic_config()
    with engine.execution_options(write=True).connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        raw = conn.connection.driver_connection  # outside any transaction: PRAGMA foreign_keys is a no-op in one
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                take_turn(conn, MIGRATE_TURN)
                before = MigrationContext.configure(conn).get_current_revision()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                after = MigrationContext.configure(conn).get_current_revision()
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise RuntimeError(f"migration left rows pointing nowhere: {broken[:5]}")
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
    return after if after != before else None


def _revision(engine: Engine) -> str | None:
    """The database's schema revision (None: no kiosk tables at all)."""
    with engine.connect() as conn:
        rows = _version_rows(conn)
        if not rows:  # no table, or an empty one
            return None
        if len(rows) == 1:
            return rows[0]
        from alembic.runtime.migration import MigrationContext  # several (branches): Alembic says what that means

        return MigrationContext.configure(conn).get_current_revision()


def _version_rows(conn: Connection) -> list[str] | None:
    """What alembic_version holds, as Alembic reads it; None when the table is not there."""
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    return [row[0] for row in conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))]


def script_head() -> str | None:
    """The newest revision among the scripts, read from their revision lines (Alembic's
    ScriptDirectory imports every script and takes a while); Alembic's answer when a script is
    written so that the lines do not say it plainly."""
    revisions: set[str] = set()
    revised: set[str] = set()
    scripts = [p for p in VERSIONS.glob("*.py") if not p.name.startswith(("__init__", ".#"))]  # as Alembic skips them
    for script in scripts:
        found = dict((m[1], m[2] or m[3]) for m in _ASSIGNED.finditer(script.read_text(encoding="utf-8")))
        if "revision" not in found or "down_revision" not in found or found["revision"] is None:
            return _alembic_head()
        revisions.add(found["revision"])
        if found["down_revision"] is not None:
            revised.add(found["down_revision"])
    heads = revisions - revised
    if len(heads) != 1 or not revised <= revisions or len(revisions) != len(scripts):
        return _alembic_head()
    return heads.pop()


def _alembic_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def is_current(engine: Engine) -> bool:
    return _revision(engine) == script_head()


def has_schema(engine: Engine) -> bool:
    """Whether the database holds the kiosk's tables at some revision (an empty database, or one of
    another program, has none)."""
    return _revision(engine) is not None
