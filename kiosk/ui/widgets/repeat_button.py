"""A button for taps in a row (the number pad's keys, the calendar's 上个月 and 下个月): every tap
presses it. Textual's Button ignores a click while it shows its press effect (0.2 s, the class
"-active"): 8 tapped twice quickly typed 8 once (the demo IDs are full of pairs: 88, 00, 11), and
下个月 tapped five times 0.15 s apart turned three months (tester). Its class ``taps-repeat`` tells
kiosk.ui.pointer not to drop a double-tap's second tap on it."""
from __future__ import annotations

from textual import events
from textual.widgets import Button

REPEAT_CLASS = "taps-repeat"


class RepeatButton(Button):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.add_class(REPEAT_CLASS)

    async def _on_click(self, event: events.Click) -> None:
        event.stop()
        event.prevent_default()  # Button._on_click, next in the MRO, would drop it while "-active"
        self.press()
