"""First run: create the data directory, migrate, and load demo data into an empty database."""
from __future__ import annotations

from pathlib import Path

from ..db.migrate import is_current, upgrade
from . import demo
from .env import Env


def ensure_sqlite_dir(url: str) -> None:
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)


def prepare(env: Env, *, load_demo: bool = True) -> bool:
    """Bring the schema to head; load demo data if the database is empty. True if demo data was loaded."""
    ensure_sqlite_dir(env.db.url)
    upgraded = not is_current(env.db.engine)
    if upgraded:
        upgrade(env.db.engine)
    if load_demo and demo.is_empty(env):
        demo.load(env)
        return True
    if load_demo and upgraded:  # demo rows made by an older version get what the new one adds
        demo.after_upgrade(env)
    return False
