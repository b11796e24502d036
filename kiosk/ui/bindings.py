"""Every key binding of the app, in one table.

Citizen kiosk mode: no key quits. The usual quit/suspend/palette/screenshot keys are bound to
nothing at the highest priority so they are harmless. Escape is each screen's way back (its 返回 or
上一步, kiosk.ui.base.KioskScreen) and a dialog's safe answer; it never leaves the kiosk or signs
out. Staff press the hidden exit key and then enter their number and PIN.
"""
from __future__ import annotations

from textual.binding import Binding

SWALLOWED = ("ctrl+c", "ctrl+q", "ctrl+z", "ctrl+p", "ctrl+s", "ctrl+backslash", "ctrl+d")


STAFF_EXIT_KEY = "f12"

# Tab and Shift+Tab move the focus at once, as the app reads them: bound on the screen (Textual's
# default) they waited until the focused field had handled the keys before them, so characters
# typed right after a Tab (a card reader, a fast typist, tmux) went into the field being left.
FOCUS_BINDINGS = [Binding("tab", "focus_next", show=False, priority=True, system=True),
                  Binding("shift+tab", "focus_previous", show=False, priority=True, system=True)]

APP_BINDINGS = [Binding(key, "swallow", show=False, priority=True, system=True) for key in SWALLOWED] + [
    Binding(STAFF_EXIT_KEY, "staff_exit", show=False, priority=True, system=True), *FOCUS_BINDINGS]

# Along a row of buttons (kiosk.ui.widgets.button_row), on every screen and dialog. Not priority:
# whatever has the focus (an input, a table, a choice, the menu grid) uses the arrows first.
BUTTON_ROW_BINDINGS = [Binding("left", "button_row(-1)", show=False), Binding("right", "button_row(1)", show=False)]
