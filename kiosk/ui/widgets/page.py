"""A screen's scrolling page of text: a Tab stop only while it has something to scroll.

A page that is a Tab stop (kiosk.tcss: focused, it shows a bar down its left side and the arrow
keys scroll it) was one even when all of it fitted: Tab then stopped on it for nothing (the
tester's 驾驶证信息 and 换照片 screens: 「the first Tab only puts an orange bar down the left
edge」). A Page is a Tab stop only while some of what it shows is out of view, at the size it
has now. Blank lines do not count: the empty line kept for a message (``.screen-error``, a
field's ``.field-error``) or a margin below the buttons made a whole form at 80x24 (驾驶证补换领,
考试预约) one line taller than the page, and the page a Tab stop that scrolled to nothing."""
from __future__ import annotations

from collections.abc import Iterator

from textual.containers import ScrollableContainer, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static


class Page(VerticalScroll):
    def allow_focus(self) -> bool:
        return self.can_focus and self.has_more_to_show

    def read_from(self, widget: Widget) -> None:
        """``widget`` (a detail that may be long, at 80x24) into view from its top, and the page
        focused so the arrow keys read on (Tab goes back to what was before it); when all of it
        shows already, nothing moves."""
        if self.scrollable_content_region.contains_region(widget.region):
            return
        self.scroll_to_widget(widget, top=True, animate=False)
        if self.allow_focus():
            self.focus(scroll_visible=False)

    @property
    def has_more_to_show(self) -> bool:
        """Something that is not blank lies (partly) outside the view: scrolling shows it."""
        if self.max_scroll_y <= 0 and self.max_scroll_x <= 0:
            return False
        view = self.scrollable_content_region
        for widget in _shown_leaves(self):
            region = widget.region
            if region.height and region.width and not view.contains_region(region):
                return True
        return False


def _shown_leaves(container: Widget) -> Iterator[Widget]:
    """The displayed widgets in ``container`` that hold no displayed widget (a box that scrolls by
    itself, as a list or a notice, counts whole), without blank text."""
    for child in container.children:
        if not child.display:
            continue
        if any(c.display for c in child.children) and not isinstance(child, ScrollableContainer):
            yield from _shown_leaves(child)
        elif not (isinstance(child, Static) and not str(child.content).strip()):
            yield child
