"""Apply Alembic migrations programmatically: the only way the schema is created."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from .session import MIGRATE_TURN, take_turn

HERE = Path(__file__).parent


def alembic_config(url: str | None = None) -> Config:
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
        return MigrationContext.configure(conn).get_current_revision()


def is_current(engine: Engine) -> bool:
    return _revision(engine) == ScriptDirectory.from_config(alembic_config()).get_current_head()


def has_schema(engine: Engine) -> bool:
    """Whether the database holds the kiosk's tables at some revision (an empty database, or one of
    another program, has none)."""
    return _revision(engine) is not None
