"""An injectable clock: rules take ``now`` from here, never from ``datetime.now()``."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)


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
    """Starts at a given instant and then runs with real time (for demos with ``--now``)."""

    at: datetime
    _started: datetime = field(default_factory=datetime.now)

    def now(self) -> datetime:
        return (self.at + (datetime.now() - self._started)).replace(microsecond=0)
