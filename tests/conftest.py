"""Fixtures shared by every test tier.

``settings``  Settings on a SQLite file in ``tmp_path``, clock frozen at 2026-12-01 09:00.
``env``       make_env(settings) after bootstrap.prepare(env): migrated and loaded with demo data.
``module_env`` the same for a whole module, for tests that only read.
``people``    demo person key -> kiosk.services.demo_people.Person.
``last_code`` last_code(env, phone) -> the 6-digit code in the newest SMS to ``phone``.
``settings_factory`` make_settings(folder, db_name) for tests that need several databases.

Migrating and loading the demo data takes about a second, so it is done once per test session
into a template file; each ``env`` starts from a copy of it and then runs ``bootstrap.prepare``
itself (which finds the schema current and the data present). Tests of the first-run path
itself (tests/integration/test_migrations.py, test_cli.py) start from empty files.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.config import Settings
from kiosk.services import bootstrap, messaging
from kiosk.services.demo_people import PEOPLE, Person
from kiosk.services.env import Env, make_env

NOW = datetime(2026, 12, 1, 9, 0)
TERMINAL_ID = "test-kiosk"
_CODE = re.compile(r"验证码(\d{6})")


def make_settings(folder: Path, db_name: str = "kiosk.db") -> Settings:
    """Settings on a SQLite file in ``folder`` with a frozen (movable) clock."""
    s = Settings(db_url=f"sqlite:///{folder / db_name}", now=NOW, terminal_id=TERMINAL_ID, data_dir=folder)
    if hasattr(s, "clock_runs"):
        s.clock_runs = False  # tests move the clock themselves
    return s


def db_path(settings: Settings) -> Path:
    return Path(settings.db_url.removeprefix("sqlite:///"))


def last_sms_code(env: Env, phone: str) -> str:
    """The 6 digits of the newest SMS to ``phone`` that carries a code (read from the outbox)."""
    for message in messaging.outbox(env, phone, limit=20):
        found = _CODE.search(message.body)
        if found:
            return found.group(1)
    raise AssertionError(f"no SMS code was sent to {phone}")


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with the demo data, built once per test session."""
    folder = tmp_path_factory.mktemp("template")
    env = make_env(make_settings(folder))
    try:
        assert bootstrap.prepare(env) is True
    finally:
        env.db.dispose()
    return folder / "kiosk.db"


def _prepared_env(settings: Settings, template: Path) -> Env:
    with closing(sqlite3.connect(template)) as src, closing(sqlite3.connect(db_path(settings))) as dst:
        src.backup(dst)
    env = make_env(settings)
    bootstrap.prepare(env)
    return env


@pytest.fixture(scope="session")
def settings_factory() -> Callable[..., Settings]:
    """make_settings(folder, db_name="kiosk.db") for tests that need more than one database."""
    return make_settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def env(settings: Settings, _template_db: Path) -> Iterator[Env]:
    env = _prepared_env(settings, _template_db)
    yield env
    env.db.dispose()


@pytest.fixture(scope="module")
def module_env(tmp_path_factory: pytest.TempPathFactory, _template_db: Path) -> Iterator[Env]:
    """A prepared env shared by a module: only for tests that do not write."""
    env = _prepared_env(make_settings(tmp_path_factory.mktemp("module")), _template_db)
    yield env
    env.db.dispose()


@pytest.fixture(scope="session")
def people() -> dict[str, Person]:
    return {p.key: p for p in PEOPLE}


@pytest.fixture
def last_code() -> Callable[[Env, str], str]:
    return last_sms_code


@pytest.fixture
def document_service(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A 网办 service that ends 受理中, registered in the catalog for this test (tests.app_helpers)."""
    from tests.app_helpers import register_document_service

    return register_document_service(monkeypatch)


def problems_of(exc: pytest.ExceptionInfo) -> dict:
    """Field -> message of a refusal: every problem of a FieldErrors, or the one of a DomainError."""
    from kiosk.domain.errors import FieldErrors

    value = exc.value
    return dict(value.problems) if isinstance(value, FieldErrors) else {value.field: value.message}
