"""A menu of buttons in a grid that the arrow keys move about, as a citizen expects of a menu.

Up and Down go to the row above or below, in the same column (or the last button of a shorter
row); Left and Right go to the button before or after, on to the next or previous row at a row's
end. Every MenuGrid of a screen is one menu: Down from a group's last row goes on to the next
group's first row (the 业务中心 has a grid per group). Tab and Shift+Tab go through the buttons in
the same order as before. Used by the 业务中心 and by the counter's 窗口工作台."""
from __future__ import annotations

from textual.binding import Binding
from textual.containers import Grid
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button


class MenuGrid(Grid):
    BINDINGS = [
        Binding("up", "move(-1, 0)", show=False),
        Binding("down", "move(1, 0)", show=False),
        Binding("left", "move(0, -1)", show=False),
        Binding("right", "move(0, 1)", show=False),
    ]

    def action_move(self, rows: int, step: int) -> None:
        menu = menu_rows(self.screen)
        focused = self.screen.focused
        where = [(r, c) for r, row in enumerate(menu) for c, button in enumerate(row) if button is focused]
        if not where:
            return
        r, c = where[0]
        if step:
            buttons = [button for row in menu for button in row]
            index = buttons.index(focused) + step
            target = buttons[index] if 0 <= index < len(buttons) else None
        else:
            r += rows
            target = menu[r][min(c, len(menu[r]) - 1)] if 0 <= r < len(menu) else None
        if target is not None:
            target.focus()


def menu_rows(screen: Screen) -> list[list[Widget]]:
    """The screen's menu buttons by row as shown: each grid's buttons in its number of columns
    (4 on a wide terminal, 3 at 80x24: see kiosk.tcss), grid after grid."""
    rows: list[list[Widget]] = []
    for grid in screen.query(MenuGrid):
        if not grid.display:
            continue
        buttons = [b for b in grid.query_children(Button) if b.display and b.focusable]
        columns = max(1, grid.styles.grid_size_columns or 1)
        rows += [buttons[i:i + columns] for i in range(0, len(buttons), columns)]
    return rows
