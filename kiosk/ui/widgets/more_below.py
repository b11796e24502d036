"""下方还有内容: a line under a citizen's wizard page (a service form, 考试预约, 满分学习考试, the e-licence
photo's steps) while part of it (its 下一步 or 提交 among it) is below the page's edge; 上方还有内容
while nothing is below but part of it is above the top (MORE_ABOVE_TEXT).

At 100x30 (the full look: framed fields and buttons) a tall form (驾驶证补换领, 补换领机动车号牌,
机动车转籍申请) runs past the screen's bottom: the tester saw no 下一步 and nothing saying it was
there, the page's thin scrollbar aside; at 80x24 考试预约's 选择场次 and 满分学习考试's steps run past
it too. The line is the last of the page's column (kiosk.ui.widgets.page_column), right under the
page and aligned with it (centred with it wider than 120 columns; docked at the screen's bottom it
began at column 2 at 160x50), above the demo phone bar as the page is; shown only while something
that is not blank lies below the view; scrolled to the end, or a form that fits, it is gone and
gives its row back. The 业务中心 has its own (#home-more).

The line is a tap target: on a touch screen 按Tab键 means nothing and the page's thin scrollbar was
hard to hit (a tester, when the page ran over by a row or two), so a tap (click) on the line scrolls
the page down by its height, or to its end when less is left, without animation; the line then goes
once the end is in view. It takes no focus (a Static, as its column and screen: the focused field
keeps it), and a tap within 0.5 s of a new step or screen is dropped as any tap is (kiosk.ui.pointer).

Upwards too: after 查询 (考试预约's 选择场次 at 100x30) the page is scrolled to the sessions found, and
开始日期, 结束日期, 考试场地 and 查询 were above the view with nothing saying so; a tester at a touch
screen could not get back to the dates but by the thin scrollbar. Scrolled to the end with something
above (any of the three wizards), the line says 上方还有内容：请点这里向上翻页（或按Shift+Tab键）, and a tap
pages the page up (one page height, or to its top); with something both above and below it says
below, as before. Shift+Tab keeps that promise: the key onto the page's first control brings the page
to its top, the intro above it in view (kiosk.ui.widgets.page.Page.top_after_shift_tab). As the
业务中心's line (#home-more) says 上方还有更多业务. Under the booking lists
(MoreBelowByPageUp) it names PageUp instead: Shift+Tab there did not bring the top back.

``MoreInList`` is the same line under a list that scrolls inside a page that fits (窗口工作台's
最近操作记录): its last entry was cut at the list's edge at 80x24, with nothing saying more was below."""
from __future__ import annotations

from textual import _time, events
from textual.widget import Widget

from ..pointer import FreshScreenTaps
from .plain import Plain

SECOND_TAP = FreshScreenTaps.SECOND_TAP  # seconds: a tap this soon after the last is a double-tap's

MORE_BELOW_TEXT = "下方还有内容：请点这里向下翻页（或按Tab键）"
MORE_ABOVE_TEXT = "上方还有内容：请点这里向上翻页（或按Shift+Tab键）"


class MoreBelow(Plain):
    DEFAULT_CSS = """
    MoreBelow { height: 1; width: 100%; padding: 0 2; color: $text-warning; text-style: bold; }
    """

    def __init__(self, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(MORE_BELOW_TEXT, **kwargs)
        self.display = False

    upwards = False  # it says MORE_ABOVE_TEXT, and a tap pages up

    def follow(self, page: Widget) -> None:
        """Shown while ``page`` (a kiosk.ui.widgets.page.Page) has something below its view (下方),
        or else above it (上方)."""
        self._show(bool(getattr(page, "has_more_below", False)), bool(getattr(page, "has_more_above", False)))

    BELOW_TEXT, ABOVE_TEXT = MORE_BELOW_TEXT, MORE_ABOVE_TEXT

    def _show(self, below: bool, above: bool) -> None:
        above = not below and above
        if above != self.upwards:
            self.upwards = above
            self.update(self.ABOVE_TEXT if above else self.BELOW_TEXT)
        if (below or above) != self.display:
            self.display = below or above

    _tapped: tuple[float, bool] | None = None  # the last tap taken: when, and whether it paged up

    def on_click(self, event: events.Click) -> None:
        """A tap: the page beside it in its column one page height down (up when the line says
        上方), to the end (the top) when less is left. A double-tap's second tap, on the line that
        the first turned the other way, does nothing: it paged back at once (tester)."""
        event.stop()
        now = _time.get_time()
        if self._tapped is not None and now - self._tapped[0] < SECOND_TAP and self._tapped[1] != self.upwards:
            return
        self._tapped = (now, self.upwards)
        for page in self._scrolled():
            if self.upwards:
                page.scroll_page_up(animate=False)
            else:
                page.scroll_page_down(animate=False)

    def _scrolled(self) -> list[Widget]:
        """What a tap pages: the page beside it in its column."""
        from .page import Page

        parent = self.parent
        return list(parent.query_children(Page)) if parent is not None else []


class MoreBelowByPageUp(MoreBelow):
    """The line under the booking lists (取消考试预约, 考试费缴纳, 考试预约凭证: kiosk.ui.screens.booking.records):
    上方 names PageUp, not Shift+Tab. There the page itself is the first Tab stop while it reads the
    certificate (the arrow keys read on), so from it at the end Shift+Tab went round to 返回业务中心 and
    查看预约凭证, both in view, and only the third brought the list back. PageUp pages the page up
    as a tap on the line does, from the page and from its buttons alike (a key of the page's, which
    the buttons in it leave to it)."""

    ABOVE_TEXT = "上方还有内容：请点这里向上翻页（或按PageUp键）"


class MoreInList(MoreBelow):
    """下方还有内容 right under ``target``, a list that scrolls by itself (a DataTable, its height held
    by kiosk.tcss), while some of its rows are below its view; 上方还有内容 once it is scrolled to its
    end with rows above. A tap pages the list, as MoreBelow's pages its page; the arrow keys scroll it
    once it has the focus (Tab reaches it), which the line says instead of MoreBelow's Tab."""

    DEFAULT_CSS = "MoreInList { padding: 0 1; }"  # in line with the list's text, in the same page
    BELOW_TEXT = "下方还有内容：请点这里向下翻页（或选中列表后按方向键）"
    ABOVE_TEXT = "上方还有内容：请点这里向上翻页（或选中列表后按方向键）"

    def __init__(self, target: Widget, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(**kwargs)
        self.update(self.BELOW_TEXT)
        self._target = target

    def on_mount(self) -> None:
        # after the refresh: the scroll and the rows' layout just made (read at once, the last ones); a
        # resize of the terminal fills the list again (StaffHomeScreen._fill), its virtual size changes
        for name in ("scroll_y", "virtual_size"):
            self.watch(self._target, name, lambda _value: self.call_after_refresh(self.follow_list), init=False)

    def follow(self, page: Widget) -> None:
        """A page on the same screen tells its hints (kiosk.ui.widgets.page): this one follows its list."""
        self.follow_list()

    def follow_list(self) -> None:
        t = self._target
        if t.is_attached:
            self._show(t.scroll_y < t.max_scroll_y, t.scroll_y > 0)

    def _scrolled(self) -> list[Widget]:
        return [self._target]
