"""Steps 业务须知 and 优先预约业务须知: the notice in a box of its own under one line that asks for
it to be read, with 上一步 and 阅读并同意 always in view beneath it.

The box is as tall as the page leaves room for. When the notice is longer (80x24), the box has the
focus first (a bar down its left side; the arrow and page keys scroll it) and the line says how to
read on; Tab reaches the buttons. When it fits, 阅读并同意 has the focus, as everything is in view.
Before, at 80x24 the buttons were below the screen's edge with 阅读并同意 focused: Enter agreed to
a notice the citizen could not see the end of, with a button that was not on screen.

阅读并同意 agrees only once the notice's end has been in view (the seeds: 在阅读完毕后点击). Until a
longer notice has been scrolled to its end, a press scrolls the box on by a page instead and says why
in the row kept under the box (saying it moves nothing); once the end was in view (keys, mouse wheel
or these presses), the next press agrees. The step remembers it: after 上一步 and back, the notice
is not to be read again. A notice that fits agrees at once, as before. Agreed to, the notice is not
shown again on this terminal (the wizard skips it; 上一步 right after still returns to it).
"""
from __future__ import annotations

import re

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from ....config import ASSETS
from ...widgets.plain import Plain

READ = "请阅读全文后点击【阅读并同意】。"
READ_ON = "请阅读全文后点击【阅读并同意】（可按方向键、翻页键或滚动鼠标查看下文）。"
UNREAD = "请阅读至须知末尾后再点击【阅读并同意】（已为您向下翻页）"
AT_END = "已翻到须知末尾，请阅读后再点击【阅读并同意】"
MIN_ROWS = 5  # the box is never squeezed below this; the page scrolls instead


def notice_text(key: str) -> str:
    return (ASSETS / "notices" / f"{key}.txt").read_text(encoding="utf-8").strip()


_ITEM = re.compile(r"^(\s+(?:\d+、|（[一二三四五六七八九十]+）)?)(\S.*)$")  # an indented line, with its number


def notice_lines(text: str) -> RenderableType:
    """The notice as stored, each indented line (「  1、...」, 「  排名在前面的...」) wrapping under its
    own text, not back at the left edge, so the numbers of a list stand out in a narrow box."""
    parts: list[RenderableType] = []
    for line in text.splitlines():
        item = _ITEM.match(line)
        if item is None:
            parts.append(Text(line))
            continue
        row = Table.grid()
        row.add_column(no_wrap=True)
        row.add_column(ratio=1, overflow="fold")
        row.add_row(Text(item.group(1)), Text(item.group(2)))
        parts.append(row)
    return Group(*parts)


class NoticeStep(Vertical):
    DEFAULT_CSS = """
    NoticeStep { height: auto; }
    NoticeStep .notice-read { text-style: bold; color: $accent; margin: 0 0 1 0; height: auto; }
    NoticeStep .notice-box { height: auto; padding: 0 0 0 1; }  /* the focus bar is drawn in that column */
    NoticeStep .notice-box > Plain { height: auto; }
    NoticeStep .notice-unread { display: none; }
    """

    def __init__(self, key: str, text_id: str, prev_id: str, agree_id: str, id: str) -> None:
        super().__init__(id=id)
        self.key, self.text_id, self.prev_id, self.agree_id = key, text_id, prev_id, agree_id
        self.reached = False  # the notice's end has been in view (or it was agreed to): 阅读并同意 agrees

    def compose(self) -> ComposeResult:
        yield Plain(READ, classes="notice-read")
        with VerticalScroll(classes="notice-box"):
            yield Plain(notice_lines(notice_text(self.key)), id=self.text_id)
        # the row for 阅读并同意 pressed too soon: kept under a box that scrolls, so saying it moves nothing
        yield Plain("", classes="field-error notice-unread")
        with Horizontal(classes="buttons"):
            yield Button("上一步", id=self.prev_id)
            yield Button("阅读并同意", id=self.agree_id, variant="primary")

    def on_mount(self) -> None:
        self.watch(self.box, "scroll_y", self._scrolled, init=False)

    @property
    def box(self) -> VerticalScroll:
        return self.query_one(".notice-box", VerticalScroll)

    @property
    def at_end(self) -> bool:
        """The end of the notice is (or has been) in view: all of it fits, or the box was scrolled
        to its end, now or before."""
        box = self.box
        return self.reached or box.max_scroll_y == 0 or box.scroll_offset.y >= box.max_scroll_y

    def _scrolled(self, _y: float) -> None:
        box = self.box
        if not self.reached and 0 < box.max_scroll_y <= box.scroll_offset.y:
            self.reached = True
            self._say("")  # read on to the end: nothing left to ask

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """阅读并同意 before the end was read: a page on, and why (the wizard does not see the press)."""
        if event.button.id != self.agree_id:
            return
        if self.at_end:
            self.reached = True  # agreed: after 上一步 it is not asked again
            self._say("")
            return  # on to the wizard, which goes on
        event.stop()
        box = self.box
        y = min(box.max_scroll_y, box.scroll_offset.y + box.scrollable_content_region.height)
        self.reached = y >= box.max_scroll_y  # the end comes into view now: the next press agrees
        box.scroll_to(y=y, animate=False, immediate=True)
        self._say(AT_END if self.reached else UNREAD)

    def _say(self, text: str) -> None:
        """``text`` in the row under the box ("": nothing)."""
        self.query_one(".notice-unread", Static).update(text)

    def fit(self, page: VerticalScroll, focus: bool, tries: int = 10, whole: bool = False) -> None:
        """Size the box to the room ``page`` leaves it (all of it shown, or scrolled within the box);
        then, with ``focus``, focus the box when it scrolls, else 阅读并同意. Waits (a few refreshes
        at most) until the step just shown is laid out, measured with the box at its whole height
        (``whole``): one still cut from an earlier visit keeps its scroll bar, whose columns wrap the
        text onto one more row than the room (tester at 120x40: opened again after 查询, the notice
        that fitted the first time scrolled by one row)."""
        box = self.box
        if not whole:
            # no scroll bar while measured whole: one kept from a visit laid out narrower (the page's
            # own bar beside the sessions) wrapped the text onto a row more than the box was given,
            # and kept itself there (CI at 120x40: opened again after 查询, it scrolled by one row)
            box.styles.max_height, box.styles.overflow_y = None, "hidden"
            self.call_after_refresh(self.fit, page, focus, tries, True)
            return
        if not box.region.height:  # not laid out yet as shown now (its size may be from an earlier visit)
            if tries and self.display:
                self.call_after_refresh(self.fit, page, focus, tries - 1, True)
            return
        rest = page.virtual_size.height - box.outer_size.height  # the step bar, the lines, the buttons
        box.styles.max_height = max(MIN_ROWS, page.scrollable_content_region.height - rest)
        box.styles.overflow_y = "auto"
        self.call_after_refresh(self._settled, page, focus)

    def _settled(self, page: VerticalScroll, focus: bool) -> None:
        box = self.box
        longer = box.max_scroll_y > 0
        line, under = self.query_one(".notice-read", Static), self.query_one(".notice-unread", Static)
        if str(line.render()) != (READ_ON if longer else READ) or under.display != longer:
            line.update(READ_ON if longer else READ)  # the line may take another row, the one under
            under.display = longer  # the box one: fit again (the box only grows when that one goes)
            self.call_after_refresh(self.fit, page, focus, 10, True)
            return
        box.can_focus = longer  # no Tab stop that shows nothing more
        if focus:
            (box if longer else self.query_one(f"#{self.agree_id}", Button)).focus(scroll_visible=False)
