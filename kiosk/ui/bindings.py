"""Every key binding of the app, in one table.

Citizen kiosk mode: no key quits or escapes. The usual quit/suspend/palette/screenshot keys are
bound to nothing at the highest priority so they are harmless. Staff press the hidden exit key
and then enter their number and PIN.
"""
from __future__ import annotations

from textual.binding import Binding

SWALLOWED = ("ctrl+c", "ctrl+q", "ctrl+z", "ctrl+p", "ctrl+s", "ctrl+backslash", "ctrl+d")


STAFF_EXIT_KEY = "f12"

APP_BINDINGS = [Binding(key, "swallow", show=False, priority=True, system=True) for key in SWALLOWED] + [
    Binding(STAFF_EXIT_KEY, "staff_exit", show=False, priority=True, system=True)
]
