"""What a screen or a wizard step focuses first (its main control), and what counts as shown:
displayed, and so are all its containers. KioskScreen (kiosk.ui.base) opens on the main control
and moves the focus into a wizard's new step with these."""
from __future__ import annotations

from textual.containers import ScrollableContainer
from textual.widget import Widget
from textual.widgets import DataTable

# What a screen or a wizard step focuses first: a field to fill in or a table to pick from (not
# one still empty), else its main (primary) button, else any button: see main_control.
CONTROLS = "Input, RadioSet, DataTable, Select, Checkbox, CodeButton"
FOCUS_ORDER = (CONTROLS, "Button.-primary", "Button")


def main_control(container: Widget) -> Widget | None:
    """What the user acts on first in ``container``, by FOCUS_ORDER, among what is shown and can
    take the focus. A table with no rows (still loading, or nothing to list) is passed over: it
    would hold an invisible focus on which Enter does nothing."""
    for selector in FOCUS_ORDER:
        for widget in container.query(selector):
            if widget.focusable and shown(widget) and not (isinstance(widget, DataTable) and not widget.row_count):
                return widget
    return None


def focus_first(container: Widget) -> None:
    """Focus what the user acts on first in ``container`` (``main_control``), once it is laid out.
    A wizard calls this after switching steps: the focus must not stay on a button of the step
    just hidden, where Enter would still press it. The page is not scrolled to it."""

    def go() -> None:
        widget = main_control(container)
        if widget is not None:
            widget.focus(scroll_visible=False)

    container.call_after_refresh(go)


def focus_now(widget: Widget, *, scroll_visible: bool = True) -> None:
    """The focus on ``widget`` at once, as a key that moves it is read (an arrow key along a row of
    buttons or about a menu). ``Widget.focus`` moves it only after the keys already queued, so an
    Enter sent with the arrow (tmux, a fast hand) pressed the button being left: Left Enter on the
    counter's 办结 question answered 暂不办理, Right Enter on 确定退出登录吗？ signed out."""
    widget.screen.set_focus(widget, scroll_visible=scroll_visible)


def shown(widget: Widget) -> bool:
    """Displayed, and so are all its containers."""
    return all(getattr(node, "display", True) for node in widget.ancestors_with_self)


def in_sight(widget: Widget) -> bool:
    """Shown, and its content (an input's row of text, inside its frame) at least partly within the
    view of every container that scrolls it: not scrolled away above or below a page's edge."""
    if not shown(widget):
        return False
    region = widget.content_region
    for node in widget.ancestors:
        if isinstance(node, ScrollableContainer):
            region = region.intersection(node.scrollable_content_region)
    return bool(region.area) and bool(region.intersection(widget.screen.region).area)
