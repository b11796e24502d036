"""Driver-level bulk statements for the publication-day allocation (100,000s of rows at once).

SQLAlchemy compiles and type-processes every row of an executemany; at this scale that costs
more than the database work. Here the SQL is written once with ``?`` placeholders (turned into
``%s`` for drivers that use that style) and values are converted to what the dialect stores
with the same bind/result processors SQLAlchemy uses, once per distinct value where possible.
Works on SQLite and PostgreSQL.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from itertools import chain
from typing import Any

from sqlalchemy import Connection, Date, DateTime
from sqlalchemy.types import TypeEngine


def _sql(conn: Connection, sql: str) -> str:
    style = conn.dialect.paramstyle
    if style == "qmark":
        return sql
    if style in ("format", "pyformat"):
        return sql.replace("%", "%%").replace("?", "%s")
    raise NotImplementedError(f"paramstyle {style!r}")


@contextmanager
def _cursor(conn: Connection) -> Iterator[Any]:
    """A cursor of the driver connection, in the connection's current transaction; closed after."""
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        yield cursor
    finally:
        cursor.close()


def stored(conn: Connection, type_: TypeEngine, value: Any) -> Any:
    """``value`` as the driver should receive it for a column of ``type_``."""
    impl = type_.dialect_impl(conn.dialect)
    process = impl.bind_processor(conn.dialect)
    return process(value) if process else value


def run_many(conn: Connection, sql: str, rows: Sequence[tuple]) -> None:
    if rows:
        conn.exec_driver_sql(_sql(conn, sql), list(rows))


MAX_PARAMETERS = 999  # per statement: SQLite's limit before 3.32 (32,766 since)


def insert_rows(conn: Connection, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """Many rows into ``table``: COPY on PostgreSQL (psycopg), where an executemany of 100,000 rows
    took 0.8 s of a 7 s allocation. Elsewhere an executemany of INSERTs of as many rows each as
    MAX_PARAMETERS allows, in order (100,000 rows of 5 columns into SQLite: 0.10 s of CPU instead
    of 0.19 s for an INSERT per row), and one INSERT of the rows left over."""
    if not rows:
        return
    names = ", ".join(columns)
    if conn.dialect.driver == "psycopg":
        with _cursor(conn) as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    one = f"({placeholders(len(columns))})"
    per = max(1, MAX_PARAMETERS // len(columns))
    whole = len(rows) - len(rows) % per
    if whole:
        run_many(conn, f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * per)}",
                 [tuple(chain.from_iterable(rows[i:i + per])) for i in range(0, whole, per)])
    if whole < len(rows):
        run(conn, f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * (len(rows) - whole))}",
            tuple(chain.from_iterable(rows[whole:])))


def run(conn: Connection, sql: str, params: tuple = ()) -> None:
    """One statement (e.g. an INSERT ... SELECT) with positional ``?`` parameters."""
    conn.exec_driver_sql(_sql(conn, sql), params)


def fetch(conn: Connection, sql: str, params: tuple = ()) -> list[tuple]:
    """Plain driver tuples (no Row objects), in the connection's current transaction."""
    with _cursor(conn) as cursor:
        cursor.execute(_sql(conn, sql), params)
        return cursor.fetchall()


def stream(conn: Connection, sql: str, params: tuple = (), size: int = 10_000) -> Iterator[tuple]:
    """As ``fetch``, but row by row from batches of ``size``, for a caller that consumes the rows
    at once. At 1,000,000 allocation applicants, reading and converting them took 3.3 s this way
    against 4.9 s from one list of them all (memory, not work: the rows are the same)."""
    for batch in batches(conn, sql, params, size):
        yield from batch


def batches(conn: Connection, sql: str, params: tuple = (), size: int = 10_000) -> Iterator[list[tuple]]:
    """As ``stream``, a list of up to ``size`` rows at a time (for work done per batch: ``ids_lists``)."""
    with _cursor(conn) as cursor:
        cursor.execute(_sql(conn, sql), params)
        while batch := cursor.fetchmany(size):
            yield batch


def for_update(conn: Connection) -> str:
    """`` FOR UPDATE`` where the database takes row locks (PostgreSQL); SQLite has one writer at a time."""
    return "" if conn.dialect.name == "sqlite" else " FOR UPDATE"


def placeholders(n: int) -> str:
    return ", ".join("?" * n)


def as_datetime(value: Any) -> datetime:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def as_date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def as_ids(value: Any) -> tuple[int, ...]:
    """A JSON list of ints ("[3, 14]") as a tuple, without the general JSON parser when possible."""
    if not isinstance(value, str):
        return tuple(value or ())
    inner = value.strip()[1:-1].strip()
    if not inner:
        return ()
    try:
        return tuple(map(int, inner.split(",")))
    except ValueError:
        return tuple(json.loads(value))


def ids_lists(values: Sequence[Any]) -> Sequence[Any]:
    """Many JSON lists of ints at once, each as ``as_ids`` reads it (a list, not a tuple): one
    json.loads of them all, in C, instead of one parse each in Python (at 100,000 allocation
    applicants: 0.05 s instead of 0.15 s). Values the driver already decoded (PostgreSQL), or any
    that is not plain JSON, are read one by one by ``as_ids``."""
    try:
        lists = json.loads("[" + ",".join(values) + "]")  # TypeError: a value that is not text
    except (TypeError, ValueError):
        pass
    else:
        if len(lists) == len(values) and set(map(type, lists)) <= {list}:
            return lists
    return [as_ids(v) for v in values]


def when(conn: Connection, value: datetime) -> Any:
    return stored(conn, DateTime(), value)


def day(conn: Connection, value: date) -> Any:
    return stored(conn, Date(), value)


def chunks(items: Sequence[Any], size: int = 900) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
