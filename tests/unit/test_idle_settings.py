"""The idle time: 120 s on a citizen kiosk (the session is wiped), 300 s at the counter (the screen
locks: a clerk talking a citizen through a form met the lock screen every 2 minutes); --idle sets it
for either."""
from __future__ import annotations

import pytest

from kiosk.__main__ import build_parser, settings_from
from kiosk.config import Settings


def _settings(*argv: str) -> Settings:
    return settings_from(build_parser().parse_args(list(argv)))


def test_the_counter_locks_after_300_seconds_and_the_kiosk_ends_a_session_after_120() -> None:
    assert _settings().idle_limit == 120
    assert _settings("--counter").idle_limit == 300
    assert Settings(counter=True).idle_limit == 300 and Settings().idle_limit == 120


def test_an_explicit_idle_wins_in_either_mode() -> None:
    assert _settings("--counter", "--idle", "60").idle_limit == 60
    assert _settings("--counter", "--idle", "900").idle_limit == 900
    assert _settings("--idle", "60").idle_limit == 60
    with pytest.raises(ValueError, match="--idle"):  # below the 20 s warning + 1: refused, not quietly raised
        _settings("--counter", "--idle", "5")
