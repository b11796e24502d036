"""Up and Down between the rows of buttons of a page, as they move between the rows of the 业务中心
menu (kiosk.ui.widgets.menu_grid): the keys are bound on the row itself, so they come before the
page's own scrolling, as the menu grid's do.

Down goes to what comes next in the focus order after the row (Up: before it), and when that is a
row of buttons, to the button in the same column as shown, or the enabled one nearest to it (the
换照片 page's 拍照 / 相册选择 above 提交审核 / 返回: Down from 拍照 reaches 返回 while 提交审核 is
still disabled, and Up from 返回 goes back to 相册选择, the button above it). Anything else on the way (the album's list, the path field, 使用该照片)
is a stop of its own. With nothing that way the key goes on to the page (it scrolls, if it can).
Left and Right go along the row (kiosk.ui.widgets.button_row); Tab is unchanged."""
from __future__ import annotations

from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button


class ButtonRow(Horizontal):
    DEFAULT_CSS = "ButtonRow { height: auto; }"  # as .buttons (a Horizontal's own height is 1fr)
    BINDINGS = [Binding("up", "to_row(-1)", show=False), Binding("down", "to_row(1)", show=False)]

    def action_to_row(self, step: int) -> None:
        screen = self.screen
        focused = screen.focused
        chain = screen.focus_chain
        if focused is None or focused not in chain:
            raise SkipAction()
        here = shown_in_row(focused)
        index = chain.index(focused)
        while 0 <= index < len(chain) and chain[index] in here:
            index += step
        if not 0 <= index < len(chain):
            raise SkipAction()
        column = here.index(focused)
        there = shown_in_row(chain[index])
        reachable = [i for i, w in enumerate(there) if w.focusable]
        there[min(reachable, key=lambda i: (abs(i - column), i))].focus()


def shown_in_row(widget: Widget) -> list[Widget]:
    """The buttons shown in ``widget``'s ButtonRow, enabled or not (the columns as the citizen sees
    them); ``widget`` alone when it is not a button in one."""
    row = widget.parent
    if not isinstance(widget, Button) or not isinstance(row, ButtonRow):
        return [widget]
    return [b for b in row.query_children(Button) if b.display]
