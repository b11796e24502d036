"""The kiosk keeps 北京时间 whatever the host's time zone (kiosk.domain.clock)."""
from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone

import pytest

from kiosk.domain.clock import SystemClock, epoch, from_epoch


@pytest.fixture
def host_in_utc(monkeypatch):  # a server set to UTC, as many are
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def host_in_new_york(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@pytest.mark.parametrize("host", ["host_in_utc", "host_in_new_york"])
def test_system_clock_reads_beijing_time_on_any_host(host, request):
    request.getfixturevalue(host)
    shown = SystemClock().now()
    assert abs(shown - (_utc_now() + timedelta(hours=8))) < timedelta(seconds=5)
    assert shown.tzinfo is None and shown.microsecond == 0


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset")
def test_epoch_reads_naive_times_as_beijing_time(host_in_new_york):
    # 2027-01-04 08:30 in Beijing is 00:30 UTC that day
    assert epoch(datetime(2027, 1, 4, 8, 30)) == datetime(2027, 1, 4, 0, 30, tzinfo=timezone.utc).timestamp()
    assert from_epoch(epoch(datetime(2027, 1, 4, 8, 30))) == datetime(2027, 1, 4, 8, 30)
    aware = datetime(2027, 1, 4, 0, 30, tzinfo=timezone.utc)
    assert epoch(aware) == aware.timestamp() and from_epoch(aware.timestamp(), aware) == aware
    assert os.environ["TZ"] == "America/New_York"


def test_a_now_with_a_zone_is_taken_as_beijing_time():
    from kiosk.config import parse_now

    assert parse_now("2026-12-02T01:00Z") == datetime(2026, 12, 2, 9, 0)
    assert parse_now("2026-12-02T09:00") == datetime(2026, 12, 2, 9, 0)


def test_log_times_are_beijing_time(host_in_new_york):
    from kiosk.domain.clock import beijing_struct_time

    at = datetime(2027, 1, 4, 0, 30, tzinfo=timezone.utc).timestamp()
    assert time.strftime("%Y-%m-%d %H:%M", beijing_struct_time(at)) == "2027-01-04 08:30"


def test_a_clock_started_at_a_given_instant_runs_on(monkeypatch):
    from kiosk.domain import clock

    ticks = iter([100.0, 165.4])
    monkeypatch.setattr(clock.time, "monotonic", lambda: next(ticks))
    c = clock.FrozenStartClock(datetime(2026, 12, 1, 9, 0))
    assert c.now() == datetime(2026, 12, 1, 9, 1, 5)
