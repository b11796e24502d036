"""Left and Right between buttons placed side by side (a form's 上一步/下一步, a dialog's 确认/暂不办理,
the start screen's 登录/注册), as they move about the 业务中心 menu: a citizen who sees buttons in
a row expects the arrow keys to go along it, not only Tab.

A row is any container that lays its children out horizontally (the ``.buttons`` rows, the dialogs'
rows, ``#welcome-buttons``); the next button is the next one in it that is shown and enabled. At a
row's end the focus stays. The keys are bound on the screen (every kiosk screen and dialog is a
ButtonRowKeys: a dialog does not reach the App's bindings) without priority, so an input (its
cursor), a list, a table, a choice and the menu grid keep the arrow keys as their own."""
from __future__ import annotations

from textual.actions import SkipAction
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button

from ..bindings import BUTTON_ROW_BINDINGS


class ButtonRowKeys(Screen):
    BINDINGS = BUTTON_ROW_BINDINGS

    def action_button_row(self, step: int) -> None:
        """Left/Right: the previous/next button in the row of buttons that has the focus."""
        target = row_neighbour(self.focused, step)
        if target is None:
            raise SkipAction()
        target.focus()


def row_neighbour(focused: Widget | None, step: int) -> Button | None:
    """The button ``step`` places along from ``focused`` in its row, or None (not a button in a
    row, or nothing shown and enabled that way)."""
    if not isinstance(focused, Button):
        return None
    row = focused.parent
    layout = row.styles.layout if isinstance(row, Widget) else None
    if layout is None or layout.name != "horizontal":
        return None
    buttons = [b for b in row.query_children(Button) if b is focused or (b.display and b.focusable)]
    index = buttons.index(focused) + step
    return buttons[index] if 0 <= index < len(buttons) else None
