"""Blank rows above a page's row of buttons, so that the page's bottom edge does not cut the row.

审核队列 with three photos at 100x30: the page ended one row into 审核通过 / 审核不通过 / 刷新 / 返回,
and their top edge showed above the 下方还有内容 line, a half-drawn row of buttons (tester). With the
page at its top, when its edge would fall inside the row, an EdgeGap right above it takes the rows
left above the edge: the row is then wholly below it, as the line says, and a tap on the line brings
it into view whole. When the row fits, or is wholly below the edge anyway, the gap takes no row.

``keep_whole`` is called again whenever the page's size or content changes (the screen does that:
a live read adding a photo, a resize, the 下方还有内容 line taking the page's last row); the gap's
own rows are left out of the measure, so a gap once made is taken back when no longer needed."""
from __future__ import annotations

from textual.containers import ScrollableContainer
from textual.widget import Widget
from textual.widgets import Static


class EdgeGap(Static):
    DEFAULT_CSS = "EdgeGap { height: 1; width: 100%; }"

    def __init__(self, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__("", markup=False, **kwargs)
        self.display = False

    def keep_whole(self, page: ScrollableContainer, row: Widget) -> None:
        """Rows in the gap (it is right above ``row``, both in ``page``) so that ``page``'s edge,
        scrolled to its top, is not inside ``row``; none when it would not be."""
        if not (page.is_attached and row.display and row.region.height):
            return
        view = page.scrollable_content_region
        rows = self.region.height if self.display else 0
        top = row.region.y - view.y + round(page.scroll_y) - rows  # from the page's top, without the gap
        gap = view.height - top if top < view.height < top + row.region.height else 0
        if gap != rows:
            self.styles.height = max(gap, 1)
            self.display = gap > 0
