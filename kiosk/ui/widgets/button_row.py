"""Left and Right between buttons placed side by side (a form's 上一步/下一步, a dialog's 确认/暂不办理,
the start screen's 登录/注册), as they move about the 业务中心 menu: a citizen who sees buttons in
a row expects the arrow keys to go along it, not only Tab.

A row is any container that lays its children out horizontally (the ``.buttons`` rows, the dialogs'
rows, ``#welcome-buttons``); the next button is the next one in it that is shown and enabled. At a
row's end the focus stays. The keys are bound on the screen (every kiosk screen and dialog is a
ButtonRowKeys: a dialog does not reach the App's bindings) without priority, so an input (its
cursor), a list, a table, a choice and the menu grid keep the arrow keys as their own.

``ButtonRow`` (so far the e-licence photo page's rows): a row that also takes Up and Down, between
the rows of buttons of a page, as they move between the rows of the 业务中心 menu
(kiosk.ui.widgets.menu_grid). Those keys are bound on the row itself, so they come before the
page's own scrolling, as the menu grid's do. Down goes to what comes next in the focus order after
the row (Up: before it), and when that is a row of buttons, to the button in the same column as
shown, or the enabled one nearest to it (拍照 / 相册选择 above 提交审核 / 返回: Down from 拍照 reaches
返回 while 提交审核 is still disabled, and Up from 返回 goes back to 相册选择). Anything else on the way
(the album's list, the path field, 使用该照片) is a stop of its own. With nothing that way the key
goes on to the page (it scrolls, if it can). Tab is unchanged."""
from __future__ import annotations

from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button

from ..bindings import BUTTON_ROW_BINDINGS
from ..focus import focus_now
from ..own_close import OwnClose


class ButtonRowKeys(OwnClose):  # every screen and dialog: it also closes only itself (kiosk.ui.own_close)
    BINDINGS = BUTTON_ROW_BINDINGS

    def action_button_row(self, step: int) -> None:
        """Left/Right: the previous/next button in the row of buttons that has the focus."""
        target = row_neighbour(self.focused, step)
        if target is None:
            raise SkipAction()
        focus_now(target)  # before the keys queued after it: Enter presses this one


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
        focus_now(there[min(reachable, key=lambda i: (abs(i - column), i))])


def shown_in_row(widget: Widget) -> list[Widget]:
    """The buttons shown in ``widget``'s ButtonRow, enabled or not (the columns as the citizen sees
    them); ``widget`` alone when it is not a button in one."""
    row = widget.parent
    if not isinstance(widget, Button) or not isinstance(row, ButtonRow):
        return [widget]
    return [b for b in row.query_children(Button) if b.display]
