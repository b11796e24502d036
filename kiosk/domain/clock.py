"""An injectable clock: rules take ``now`` from here, never from ``datetime.now()``.

Every date and time the kiosk keeps is 北京时间 (UTC+8, China's one time zone, without daylight
saving since 1991), written without a zone: what the DMV's rules, plans and receipts mean, on any
host whatever its own time zone (a server set to UTC must not move an exam's 08:30).
``epoch`` and ``from_epoch`` turn those into Unix seconds and back (signed QR codes, file times).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Protocol

BEIJING = timezone(timedelta(hours=8), "CST")


def beijing_now() -> datetime:
    """The current 北京时间, to the second, without a zone."""
    return datetime.now(BEIJING).replace(tzinfo=None, microsecond=0)


def epoch(at: datetime) -> float:
    """Unix seconds of ``at``: naive means 北京时间; an aware value keeps its own zone."""
    return (at if at.tzinfo else at.replace(tzinfo=BEIJING)).timestamp()


def from_epoch(seconds: float, like: datetime | None = None) -> datetime:
    """Unix seconds as 北京时间 without a zone, or in the zone of ``like`` when that one has a zone."""
    if like is not None and like.tzinfo is not None:
        return datetime.fromtimestamp(seconds, tz=like.tzinfo)
    return datetime.fromtimestamp(seconds, tz=BEIJING).replace(tzinfo=None)


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return beijing_now()


@dataclass
class FixedClock:
    """A frozen clock (``KIOSK_NOW``) that tests may move forward."""

    at: datetime
    _offset: timedelta = field(default_factory=timedelta)

    def now(self) -> datetime:
        return self.at + self._offset

    def advance(self, **kwargs: float) -> None:
        self._offset += timedelta(**kwargs)


@dataclass
class FrozenStartClock:
    """Starts at a given instant and then runs with real time (for demos with ``--now``); the time
    elapsed is measured by the monotonic clock, which no change of the host's clock moves."""

    at: datetime
    _started: float = field(default_factory=lambda: time.monotonic())

    def now(self) -> datetime:
        return (self.at + timedelta(seconds=time.monotonic() - self._started)).replace(microsecond=0)


def beijing_struct_time(seconds: float | None = None) -> time.struct_time:
    """``seconds`` (default: now) as 北京时间 fields, for logging.Formatter.converter."""
    return time.gmtime((time.time() if seconds is None else seconds) + 8 * 3600)
