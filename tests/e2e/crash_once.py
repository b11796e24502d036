"""Runs the real ``kiosk`` main with one bug planted: the first app run fails a moment after it
starts (an error no screen handles). Used by test_crash_restart_tmux to see the restart as a hall
terminal shows it. Not part of the kiosk."""
from __future__ import annotations

import sys

from kiosk import __main__ as kiosk_main
from kiosk.ui.app import KioskApp

_real_mount = KioskApp.on_mount
_runs: list[KioskApp] = []


def _mount_then_fail_once(self: KioskApp) -> None:
    _real_mount(self)
    _runs.append(self)
    if len(_runs) == 1:
        self.set_timer(1.5, lambda: 1 / 0)  # after the start screen is up


KioskApp.on_mount = _mount_then_fail_once  # type: ignore[method-assign]

if __name__ == "__main__":
    sys.exit(kiosk_main.main(sys.argv[1:]))
