"""Statements built once with SQLAlchemy Core and run on the database driver's own cursor.

Executing a Core statement costs about 15 microseconds of Python in SQLAlchemy (execution
context, events, result objects) against about 3 on the driver. The booking path runs some 15
statements per submission, and on SQLite its write transaction is held by one kiosk at a time,
so its hot statements are ``Prepared``: compiled once per dialect (the same SQL SQLAlchemy
would send), their parameters passed through the same bind processors and their rows through
the same result processors. They run in the caller's Session transaction, on its connection.

Not for statements with expanding ``IN`` parameters (their SQL depends on the list's length).

A ``Driver`` runs them in a Session's transaction, or in a ``Tx``: a transaction straight on a
pooled driver connection (``Database.fast``), without the Session and Connection machinery
(about 120 microseconds per transaction). The booking submission uses it: every statement it
runs is ``Prepared``.
"""
from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable


@dataclass(frozen=True)
class _Compiled:
    sql: str
    order: tuple[str, ...] | None  # parameter names in positional order; None: named parameters
    binds: tuple[tuple[str, Callable | None], ...]  # (name, bind processor) of the caller's parameters
    fixed: dict[str, Any]  # literal values compiled into the statement, already processed
    results: tuple[tuple[int, Callable], ...]  # (column index, result processor)
    row: type | None


class Prepared:
    """A Core statement with ``bindparam`` parameters, compiled once per dialect."""

    def __init__(self, stmt: Executable) -> None:
        self.stmt = stmt
        self._by_dialect: dict[tuple[str, str, str], _Compiled] = {}

    def _compiled(self, dialect: Dialect) -> _Compiled:
        key = (dialect.name, dialect.driver, dialect.paramstyle)
        found = self._by_dialect.get(key)
        if found is None:
            found = self._by_dialect[key] = self._compile(dialect)
        return found

    def _compile(self, dialect: Dialect) -> _Compiled:
        compiled = self.stmt.compile(dialect=dialect)
        binds, fixed = [], {}
        for name, bp in compiled.binds.items():
            if bp.expanding:
                raise ValueError(f"Prepared cannot run expanding parameter {name!r}")
            process = bp.type.dialect_impl(dialect).bind_processor(dialect)
            if bp.required:
                binds.append((name, process))
            else:
                value = bp.effective_value
                fixed[name] = process(value) if process else value
        columns = list(getattr(self.stmt, "exported_columns", ()) or ())
        results = tuple((i, p) for i, c in enumerate(columns)
                        if (p := c.type.dialect_impl(dialect).result_processor(dialect, None)) is not None)
        row = namedtuple("Row", [c.key or f"c{i}" for i, c in enumerate(columns)], rename=True) if columns else None
        order = tuple(compiled.positiontup) if compiled.positiontup is not None else None
        return _Compiled(compiled.string, order, tuple(binds), fixed, results, row)


class Tx:
    """A transaction on a pooled driver connection (see ``Database.fast``)."""

    __slots__ = ("dialect", "cursor")

    def __init__(self, dialect: Dialect, cursor: Any) -> None:
        self.dialect = dialect
        self.cursor = cursor


class Driver:
    """The driver cursor of a Session's connection (or of a ``Tx``), running ``Prepared`` statements."""

    __slots__ = ("_cursor", "_dialect")

    def __init__(self, source: Session | Tx) -> None:
        if isinstance(source, Tx):
            self._dialect, self._cursor = source.dialect, source.cursor
            return
        conn = source.connection()
        self._dialect = conn.dialect
        self._cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]

    @property
    def dialect_name(self) -> str:
        return self._dialect.name

    def _execute(self, p: Prepared, params: dict[str, Any]) -> _Compiled:
        c = p._compiled(self._dialect)
        values = dict(c.fixed)
        for name, process in c.binds:
            value = params[name]
            values[name] = process(value) if process is not None and value is not None else value
        self._cursor.execute(c.sql, [values[n] for n in c.order] if c.order is not None else values)
        return c

    def run(self, p: Prepared, **params: Any) -> int:
        """Execute; the number of rows changed."""
        self._execute(p, params)
        return self._cursor.rowcount

    def all(self, p: Prepared, **params: Any) -> list:
        c = self._execute(p, params)
        return [self._row(c, r) for r in self._cursor.fetchall()]

    def first(self, p: Prepared, **params: Any) -> Any:
        c = self._execute(p, params)
        r = self._cursor.fetchone()
        if r is not None:
            self._cursor.fetchall()  # drain, so the statement is finished
        return None if r is None else self._row(c, r)

    @staticmethod
    def _row(c: _Compiled, r: tuple) -> Any:
        if c.results:
            r = list(r)
            for i, process in c.results:
                r[i] = process(r[i])
        return c.row._make(r) if c.row is not None else tuple(r)
