"""Keeping what has the focus on screen when the page gets shorter under it."""
from __future__ import annotations

from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.widget import Widget


def keep_focus_in_view(screen: Screen) -> None:
    """Scroll the focused widget back into view (a field with its label and message). For a bar
    docked at the bottom that has just taken rows from the page (kiosk.ui.widgets.phone), so
    nothing typed goes on below the screen's edge."""
    from .field import FormField

    focused = screen.focused
    if focused is None or not all(getattr(n, "display", True) for n in focused.ancestors_with_self):
        return
    bring_into_view(focused.parent if isinstance(focused.parent, FormField) else focused)


def bring_into_view(widget: Widget) -> None:
    """Scroll ``widget`` into view, and the row of buttons right under it as well when both fit (the
    SMS code and 预约): what to press next is seen too."""
    buttons = _buttons_after(widget)
    if buttons is not None:
        buttons.scroll_visible(animate=False, immediate=True)
    widget.scroll_visible(animate=False, immediate=True)  # last: it wins when both do not fit


def _buttons_after(widget: Widget) -> Widget | None:
    """The next shown sibling of ``widget`` when it is a row of buttons; for the last shown child of
    a box (the SMS code at the end of the service form's #code-box), the box's next one: at 100x30
    with the SMS bar shown, 上一步 and 提交 under that box stayed below the page's edge, only their
    top edge in sight."""
    while True:
        parent = widget.parent
        if not isinstance(parent, Widget):
            return None
        siblings = [w for w in parent.children if isinstance(w, Widget) and w.display]
        if widget not in siblings:
            return None
        index = siblings.index(widget)
        after = siblings[index + 1] if index + 1 < len(siblings) else None
        if after is not None:
            return after if after.has_class("buttons") else None
        if isinstance(parent, (ScrollableContainer, Screen)):  # the page itself: nothing after it
            return None
        widget = parent
