"""下方还有内容: a line under a service form's page while part of it (its 下一步 or 提交 among it) is
below the page's edge.

At 100x30 (the full look: framed fields and buttons) a tall form (驾驶证补换领, 补换领机动车号牌,
机动车转籍申请) runs past the screen's bottom: the tester saw no 下一步 and nothing saying it was
there, the page's thin scrollbar aside. The line is docked at the screen's bottom (above the demo
phone bar: kiosk.ui.widgets.phone.make_room lifts it), shown only while something that is not
blank lies below the view; scrolled to the end, or a form that fits, it is gone and gives its row
back. The 业务中心 has its own (#home-more)."""
from __future__ import annotations

from textual.widget import Widget

from .plain import Plain

MORE_BELOW_TEXT = "下方还有内容，请向下滚动或按Tab键查看"


class MoreBelow(Plain):
    DEFAULT_CSS = """
    MoreBelow { dock: bottom; height: 1; width: 100%; padding: 0 2; color: $text-warning; text-style: bold; }
    """

    def __init__(self, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(MORE_BELOW_TEXT, **kwargs)
        self.display = False

    def follow(self, page: Widget) -> None:
        """Shown while ``page`` (a kiosk.ui.widgets.page.Page) has something below its view."""
        below = bool(getattr(page, "has_more_below", False))
        if below != self.display:
            self.display = below
