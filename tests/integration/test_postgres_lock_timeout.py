"""A kiosk never waits for a row lock forever on PostgreSQL: its connections give up after
``lock_timeout`` (30 s, as SQLite's busy timeout), the statement's transaction is rolled back,
and the citizen reads 系统繁忙，请稍后再试 with nothing they saved lost; they can try again."""
from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from kiosk.db import session as db_session
from kiosk.db.models import Account, Application
from kiosk.services import bootstrap, elicence
from kiosk.services.elicence_card import account_for
from kiosk.services.env import Env, make_env
from kiosk.ui.app import make_app
from kiosk.ui.base import GENERIC_ERROR
from tests.ui.conftest import screen_text, settle, sign_in

pytestmark = pytest.mark.postgres


def test_postgresql_connections_wait_at_most_30_s_for_a_lock(pg_url: str) -> None:
    for url, expected in [(pg_url, "30s"), (f"{pg_url}?options=-c%20statement_timeout%3D5000", "30s")]:
        engine = db_session.make_engine(url)
        try:
            with engine.connect() as conn:
                assert conn.scalar(text("SHOW lock_timeout")) == expected
                if "statement_timeout" in url:  # options of the URL are kept
                    assert conn.scalar(text("SHOW statement_timeout")) == "5s"
        finally:
            engine.dispose()


@pytest.fixture
def quick_env(pg_url: str, settings, monkeypatch) -> Iterator[Env]:  # type: ignore[no-untyped-def]
    """A PostgreSQL env whose connections give up on a lock after 1 s instead of 30."""
    monkeypatch.setattr(db_session, "PG_LOCK_TIMEOUT_MS", 1000)
    settings.db_url = pg_url
    env = make_env(settings)
    bootstrap.prepare(env)
    yield env
    env.db.dispose()


class HeldLock:
    """Another terminal's transaction holding a citizen's account row (FOR UPDATE) until released."""

    def __init__(self, env: Env, account_id: int) -> None:
        self.conn = env.db.engine.connect()
        self.conn.begin()
        self.conn.execute(select(Account.id).where(Account.id == account_id).with_for_update())

    def release(self) -> None:
        self.conn.rollback()
        self.conn.close()


def _applications(env: Env, account_id: int) -> int:
    with env.db.read() as s:
        return len(s.scalars(select(Application.id).where(Application.account_id == account_id)).all())


def test_a_service_waiting_for_a_held_lock_gives_up_and_saves_nothing(quick_env: Env, people) -> None:  # type: ignore[no-untyped-def]
    env = quick_env
    aid = account_for(env, people["driver_normal"].id_number)
    before = _applications(env, aid)
    held = HeldLock(env, aid)
    outcome: list[BaseException | object] = []

    def apply() -> None:
        try:
            outcome.append(elicence.apply_direct(env, aid))
        except BaseException as exc:  # noqa: BLE001 - checked below
            outcome.append(exc)

    worker = threading.Thread(target=apply)
    try:
        worker.start()
        worker.join(15)
        assert not worker.is_alive(), "still waiting for the lock"
    finally:
        held.release()
        worker.join(15)
    assert len(outcome) == 1 and isinstance(outcome[0], OperationalError), outcome
    assert "lock timeout" in str(outcome[0])
    assert _applications(env, aid) == before  # rolled back: no half-made application
    assert elicence.apply_direct(env, aid).issued  # once the other terminal let go, it works


async def test_the_citizen_reads_the_busy_message_and_can_try_again(quick_env: Env, people) -> None:  # type: ignore[no-untyped-def]
    env, person = quick_env, people["driver_normal"]
    aid = account_for(env, person.id_number)
    before = _applications(env, aid)
    app = make_app(env.settings, env)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, person.id_number, person.phone)
        await pilot.click("#menu-elicence")
        await settle(pilot)
        held = HeldLock(env, aid)
        try:
            await pilot.click("#el-confirm")
            await settle(pilot, timeout=15)
            assert GENERIC_ERROR in screen_text(app).replace("\n", "")
        finally:
            held.release()
        assert _applications(env, aid) == before
        await pilot.click("#el-confirm")  # the question is still there
        await settle(pilot)
        assert "已办结" in screen_text(app) and _applications(env, aid) == before + 1
