"""A URL written postgres:// is refused (tester): the line said PostgreSQL 的地址须以 postgresql+psycopg:// 开头,
yet postgresql://... is accepted too. It now says what is wrong, the short scheme, and which form to write;
the forms the kiosk opens are not refused here."""
from __future__ import annotations

from kiosk.cli.start_errors import unsupported_database
from kiosk.config import Settings


def _line(url: str) -> str | None:
    return unsupported_database(Settings(db_url=url))


def test_postgres_short_scheme_is_named_as_what_is_wrong() -> None:
    line = _line("postgres://u@localhost/x")
    assert line is not None
    assert "须以" not in line, line  # postgresql:// is accepted as well: no "must start with"
    assert "不能写作 postgres://" in line and "postgresql+psycopg://" in line
    assert line.endswith("请检查 --db 或 KIOSK_DATABASE_URL。")


def test_the_accepted_forms_are_not_refused() -> None:
    for url in ("postgresql://u@localhost/x", "postgresql+psycopg://u@localhost/x", "sqlite:///x.db"):
        assert _line(url) is None, url
