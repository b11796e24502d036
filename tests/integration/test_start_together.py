"""Several terminals started together on one new database (two kiosks and a counter within a second,
as a hall switches on in the morning): each one's start-up preparation (bootstrap.prepare: migrate,
then load the demo data into an empty database) must succeed, and the demo data be there once.
Without taking turns they all found the database empty and loaded it at once; on PostgreSQL all but
one then stopped with duplicate key value violates unique constraint "uq_offices_city".

The terminals are spawned processes (each its own engine and connections), released together at a
barrier, on a fresh SQLite file and on a fresh PostgreSQL database (skipped when the server is
absent); the database is either new (no schema: the migration is raced too) or made with ``kiosk
db upgrade`` first (schema only, as the hall's steps say)."""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.db.base import Base
from kiosk.db.migrate import upgrade
from kiosk.db.session import make_engine
from tests.conftest import NOW

TERMINALS = 3


def _one_terminal(url: str, data_dir: str, barrier, number: int) -> str:  # type: ignore[no-untyped-def]
    """In a process of its own: the preparation a terminal makes at start; "loaded", "ok" or the error."""
    from kiosk.config import Settings
    from kiosk.services import bootstrap
    from kiosk.services.env import make_env

    env = make_env(Settings(db_url=url, now=NOW, terminal_id=f"kiosk-{number}", data_dir=Path(data_dir)))
    try:
        barrier.wait(60)
        try:
            return "loaded" if bootstrap.prepare(env) else "ok"
        except Exception as exc:  # noqa: BLE001 - the test shows what each terminal met
            return f"{type(exc).__name__}: {exc}"
    finally:
        env.db.dispose()


@pytest.fixture(scope="module")
def pool() -> Iterator[tuple[ProcessPoolExecutor, object]]:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager, ProcessPoolExecutor(TERMINALS, mp_context=ctx) as executor:
        yield executor, manager


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def new_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hall.db'}"
    return request.getfixturevalue("pg_url")


def _counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {t.name: conn.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}
    finally:
        engine.dispose()


@pytest.mark.parametrize("upgraded_first", [True, False], ids=["after-db-upgrade", "no-schema-yet"])
def test_terminals_started_together_on_a_new_database_all_start_and_load_the_demo_data_once(
        pool, new_url: str, upgraded_first: bool, tmp_path: Path, _template_db: Path) -> None:  # type: ignore[no-untyped-def]
    executor, manager = pool
    if upgraded_first:
        engine = make_engine(new_url)
        try:
            upgrade(engine)
        finally:
            engine.dispose()
    barrier = manager.Barrier(TERMINALS)  # type: ignore[attr-defined]
    futures = [executor.submit(_one_terminal, new_url, str(tmp_path / f"data-{i}"), barrier, i)
               for i in range(TERMINALS)]
    answers = sorted(f.result(timeout=300) for f in futures)
    assert answers == ["loaded"] + ["ok"] * (TERMINALS - 1)
    # the same rows as one terminal starting alone (the session's template database, same clock)
    assert _counts(new_url) == _counts(f"sqlite:///{_template_db}")
