"""下方还有内容: a line under a citizen's wizard page (a service form, 考试预约, 满分学习考试) while part
of it (its 下一步 or 提交 among it) is below the page's edge.

At 100x30 (the full look: framed fields and buttons) a tall form (驾驶证补换领, 补换领机动车号牌,
机动车转籍申请) runs past the screen's bottom: the tester saw no 下一步 and nothing saying it was
there, the page's thin scrollbar aside; at 80x24 考试预约's 选择场次 and 满分学习考试's steps run past
it too. The line is the last of the page's column (kiosk.ui.widgets.page_column), right under the
page and aligned with it (centred with it wider than 120 columns; docked at the screen's bottom it
began at column 2 at 160x50), above the demo phone bar as the page is; shown only while something
that is not blank lies below the view; scrolled to the end, or a form that fits, it is gone and
gives its row back. The 业务中心 has its own (#home-more)."""
from __future__ import annotations

from textual.widget import Widget

from .plain import Plain

MORE_BELOW_TEXT = "下方还有内容，请向下滚动或按Tab键查看"


class MoreBelow(Plain):
    DEFAULT_CSS = """
    MoreBelow { height: 1; width: 100%; padding: 0 2; color: $text-warning; text-style: bold; }
    """

    def __init__(self, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(MORE_BELOW_TEXT, **kwargs)
        self.display = False

    def follow(self, page: Widget) -> None:
        """Shown while ``page`` (a kiosk.ui.widgets.page.Page) has something below its view."""
        below = bool(getattr(page, "has_more_below", False))
        if below != self.display:
            self.display = below
