"""First run: create the data directory, migrate, and load demo data into an empty database.

Several terminals may start together on one new database: each step takes turns
(kiosk.db.session.take_turn), so one migrates and one loads the demo data while the others wait
and then find it done."""
from __future__ import annotations

from ..db.migrate import is_current, upgrade
from ..db.session import sqlite_file
from .env import Env
from .files import private_folder


def ensure_sqlite_dir(url: str) -> None:
    """The folder of a SQLite file, made if missing (the file is then made by the driver), open to
    the kiosk's user only: the database holds every citizen's data."""
    path = sqlite_file(url)
    if path is not None:
        private_folder(path.parent)


def migrate(env: Env) -> str | None:
    """Bring the schema to head: the revision reached, or None if it was there already."""
    ensure_sqlite_dir(env.db.url)
    if is_current(env.db.engine):
        return None
    return upgrade(env.db.engine)  # None too when another terminal migrated while this one waited


def prepare(env: Env, *, load_demo: bool = True) -> bool:
    """Bring the schema to head; load demo data if the database is empty. True if demo data was loaded."""
    upgraded = migrate(env) is not None
    if not load_demo:  # the subcommands: the demo module (all the demo people and their history) is not loaded
        return False
    from . import demo

    if demo.load_if_empty(env):
        return True
    if upgraded:  # demo rows made by an older version get what the new one adds
        demo.after_upgrade(env)
    return False
