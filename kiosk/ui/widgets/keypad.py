"""An on-screen number pad for touch screens: types into the focused input, never takes focus."""
from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Button, Input

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "X", "0", "删除")


class PadKey(Button):
    """A key of the pad: every tap types. Textual's Button ignores a click while it shows its press
    effect (0.2 s, the class "-active"), so 8 tapped twice quickly typed 8 once, and the demo IDs
    are full of pairs (88, 00, 11: tester)."""

    async def _on_click(self, event: events.Click) -> None:
        event.stop()
        event.prevent_default()  # Button._on_click, next in the MRO, would drop it while "-active"
        self.press()


class Keypad(Grid):
    DEFAULT_CSS = """
    Keypad { grid-size: 3 4; grid-gutter: 0 1; width: 32; height: 12; }
    Keypad > PadKey { width: 100%; min-width: 6; height: 3; }
    """

    def compose(self) -> ComposeResult:
        for key in KEYS:
            button = PadKey(key, id=f"key-{'del' if key == '删除' else key}", classes="keypad-key")
            button.can_focus = False
            yield button

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        target = self.screen.focused
        if not isinstance(target, Input):
            inputs = [i for i in self.screen.query(Input) if i.display and not i.disabled]
            if not inputs:
                return
            target = inputs[0]
            target.focus()
        label = str(event.button.label)
        if label == "删除":
            target.action_delete_left()
        else:
            target.insert_text_at_cursor(label)
