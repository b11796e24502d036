"""A menu of buttons in a grid that the arrow keys move about, as a citizen expects of a menu.

Up and Down go to the row above or below, in the same column (or the last button of a shorter
row); Left and Right go to the button before or after in the same row and stay put at its ends,
as Up and Down do not wrap either (they went on to the previous or next row: 「Left on the first
item of a row jumps to the last item of the row above」). Every MenuGrid of a screen is one menu:
Down from a group's last row goes on to the next group's first row (the 业务中心 has a grid per
group). A screen whose ``BELOW_MENU`` names a button (the 业务中心's 退出登录, docked under the
menu) has Down from the last row go on to it, and Up from it come back to the button Down left
(``menu_up_from_below``); it may name a row of buttons (the 窗口工作台's 锁定屏幕 and 退出登录):
Down goes to the first, Left and Right along the row (ButtonRowKeys), Up from any of them back to
the menu. Tab and Shift+Tab go through the buttons in the same order as before. Enter presses the
button it is typed on, however fast a Tab follows it. Used by the 业务中心 and by the counter's 窗口工作台."""
from __future__ import annotations

from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import Grid
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button

from ..focus import focus_now
from ..key_order import hold_until_next_screen


class MenuGrid(Grid):
    BINDINGS = [  # read as they come, as Tab is (kiosk.ui.bindings), each in its turn: the button's own
        # Enter acted once the key had passed up to the app, on the button Tab had moved to by then
        # (Enter Tab opened the next tile); the arrows too, so Right Enter still opens the one moved to
        Binding("up", "move(-1, 0)", show=False, priority=True),
        Binding("down", "move(1, 0)", show=False, priority=True),
        Binding("left", "move(0, -1)", show=False, priority=True),
        Binding("right", "move(0, 1)", show=False, priority=True),
        Binding("enter", "press_focused", show=False, priority=True),
    ]

    def action_press_focused(self) -> None:
        """Enter on a button of the menu presses that button, now."""
        focused = self.screen.focused
        if not isinstance(focused, Button) or focused.parent is not self:
            raise SkipAction()
        focused.press()
        hold_until_next_screen(focused)  # the keys typed next go to the screen it opens (kiosk.ui.key_order)

    def action_move(self, rows: int, step: int) -> None:
        menu = menu_rows(self.screen)
        focused = self.screen.focused
        where = [(r, c) for r, row in enumerate(menu) for c, button in enumerate(row) if button is focused]
        if not where:
            return
        r, c = where[0]
        if step:  # along the row only: its first and last button are its ends
            c += step
            target = menu[r][c] if 0 <= c < len(menu[r]) else None
        else:
            r += rows
            target = menu[r][min(c, len(menu[r]) - 1)] if 0 <= r < len(menu) else None
        if target is None and rows > 0:
            target = _below_menu(self.screen)
            if target is not None:
                self.screen._menu_left_from = focused  # type: ignore[attr-defined]  # Up comes back to it
        if target is not None:  # focused now, not after the keys already queued: each moves on from it
            focus_now(target)


def _below_menu_all(screen: Screen) -> list[Widget]:
    selector = getattr(screen, "BELOW_MENU", "")
    return [w for w in screen.query(selector) if w.display and w.focusable] if selector else []


def _below_menu(screen: Screen) -> Widget | None:
    found = _below_menu_all(screen)
    return found[0] if found else None


def menu_up_from_below(screen: Screen) -> bool:
    """Up on a ``BELOW_MENU`` button (the selector may name a row of them, as the 窗口工作台's
    锁定屏幕 and 退出登录: Down reaches the first): back to the menu button Down left (the last
    row's first when that is gone); False when the focus is elsewhere or there is no menu."""
    if screen.focused is None or screen.focused not in _below_menu_all(screen):
        return False
    rows = menu_rows(screen)
    buttons = [button for row in rows for button in row]
    left = getattr(screen, "_menu_left_from", None)
    target = left if left in buttons else (rows[-1][0] if rows else None)
    if target is None:
        return False
    focus_now(target)  # now, as action_move: an Up queued after it moves on from here
    return True


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


# The looks of a page of menu groups (a title line, then a MenuGrid, per group; the 业务中心's), the
# roomiest first: (rows a button takes, blank rows between a grid's rows, blank rows before a
# group's title, blank rows under the text above the first group). Each is a class ``-NAME`` on the
# page (kiosk.tcss: #home.-tall ...). ``tall`` (the framed buttons) only on a wide terminal: at 80x24
# every button is one line (App.-narrow Button). ``roomy`` and ``padded``: two rows a button, its
# label over its lower edge, so that a tap on the row under the label opens it too (tester: at 100x30
# the one-line entries took a tap on their label's row only, with rows to spare under the menu);
# ``roomy`` (120x40) with a blank line before each group, as ``spaced``.
LOOKS: dict[str, tuple[int, int, int, int]] = {
    "tall": (3, 0, 0, 1),
    "roomy": (2, 0, 1, 0),
    "padded": (2, 0, 0, 0),
    "spaced": (1, 1, 1, 0),
    "gapped": (1, 1, 0, 0),
    "tight": (1, 0, 0, 0),
}
# Rows the padded look may be short of (100x30: 27 where 26 are): as many groups of one row are drawn
# flat (one line, no edge: ``-flat``), the lowest first, each with the next group's title under it
# (a tap there opens nothing); never the last group, which has 退出登录 under it.
PADDED_SHORT = 1


def _grids(page: Widget) -> list[MenuGrid]:
    return [child for child in page.children if isinstance(child, MenuGrid) and child.display]


def _rows(grid: MenuGrid) -> int:
    shown = [b for b in grid.query_children(Button) if b.display]
    return -(-len(shown) // max(1, grid.styles.grid_size_columns or 1))


def menu_height(page: Widget, look: str) -> int:
    """Rows the groups of ``page`` (and the text above them, at its present width) take in ``look``."""
    button_rows, gap, before_title, under_text = LOOKS[look]
    height = 0
    for child in page.children:
        if not child.display:
            continue
        if isinstance(child, MenuGrid):
            rows = _rows(child)
            height += rows * button_rows + max(0, rows - 1) * gap
        elif child.has_class("group-title"):
            height += 1 + before_title
        else:
            height += child.size.height + under_text
    return height


def flat_groups(page: Widget, height: int) -> list[MenuGrid]:
    """The groups drawn flat for the padded look to fit ``height`` rows (PADDED_SHORT); none when it
    fits as it is, or is more rows short than that."""
    short = menu_height(page, "padded") - height
    grids = _grids(page)
    single = [grid for grid in grids[:-1] if _rows(grid) == 1][::-1]
    return single[:short] if 0 < short <= min(PADDED_SHORT, len(single)) else []


def fitting_look(page: Widget, height: int, *, narrow: bool) -> str:
    """The roomiest look in which the whole menu fits ``height`` rows; the tightest when none does."""
    for look in LOOKS:
        if look == "tall" and narrow:
            continue
        if menu_height(page, look) <= height or (look == "padded" and flat_groups(page, height)):
            return look
    return "tight"
