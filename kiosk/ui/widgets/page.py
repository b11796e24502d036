"""A screen's scrolling page of text: a Tab stop only while it has something to scroll.

A page that is a Tab stop (kiosk.tcss: focused, it shows a bar down its left side and the arrow
keys scroll it) was one even when all of it fitted: Tab then stopped on it for nothing (the
tester's 驾驶证信息 and 换照片 screens: 「the first Tab only puts an orange bar down the left
edge」). A Page is a Tab stop only while its text does not fit, at the size it has now."""
from __future__ import annotations

from textual.containers import VerticalScroll


class Page(VerticalScroll):
    def allow_focus(self) -> bool:
        return self.can_focus and (self.max_scroll_y > 0 or self.max_scroll_x > 0)
