"""Demo mode: the SMS a citizen's phone would receive, shown in a bar docked at the bottom.

It is a docked widget rather than a floating toast: a toast drawn over other widgets gets its
double-width Chinese characters split where it crosses their edges. Plain: the text is shown as
it is, square brackets included.

The whole SMS is shown: the bar takes as many lines as the text needs, up to a quarter of the
screen (6 at 80x24). An SMS longer than that (none the kiosk sends today at 80 columns, but a
counter's typed note can make one) is shown a page at a time: the pages turn by
themselves, each staying long enough to be read (``page_seconds``), with 第1/2页（自动翻页） on the bar's
top edge, and a click or touch turns them too. Turning pages was chosen over a scrolling bar
(it would need the focus, a Tab stop the citizen did not ask for, to be scrolled with keys) and
over a shortened text with the rest in 消息 (a sign-in or registration code is not in 消息).

Nothing is left under the bar (``make_room``): the page above gets shorter by the bar's rows,
anything else docked at the bottom of the screen (the 业务中心's 退出登录 row, the 正在办理 note)
is lifted above it (Textual's toasts too: they stand above the bar, not on it), and what has
the focus is then scrolled back into view.

The bar is on the screen the citizen is on, not only on the screen on top: an SMS that comes
while a dialog is open (the 放弃并返回？ question asked right after 发送验证码) shows on the dialog
and on the screen under it, so it is still there when the dialog closes; a dialog that opens
while an SMS shows shows it too, where nothing of the dialog is under it (``show_sms``,
``follow_dialogs``)."""
from __future__ import annotations

import time

import textual.content
from textual.app import App
from textual import events
from textual.screen import Screen
from textual.timer import Timer

from .in_view import keep_focus_in_view
from .plain import Plain

SHOW_SECONDS = 45
TITLE = "手机通知（演示）  "
RECEIVED = "收到短信："  # after the phone number: where the SMS itself begins


def max_lines(screen_height: int) -> int:
    """Lines of text the bar may take: a quarter of the screen (6 at 80x24), 3 to 8."""
    return min(8, max(3, screen_height // 4))


def page_seconds(page: str) -> float:
    """How long a page stays before the next: 5 characters a second, 10 seconds at least."""
    return max(10.0, len(page) / 5)


class PhoneBar(Plain):
    DEFAULT_CSS = """
    PhoneBar { dock: bottom; height: auto; width: 100%; padding: 0 1;
               background: $panel; color: $text; border-top: solid $accent;
               border-title-align: right; border-title-color: $text; }
    """
    sms = ""  # the SMS shown, as it came
    until = 0.0  # when it goes (time.monotonic())
    _text = ""
    _pages: list[str] = []
    _page = 0
    _layout: tuple[int, int] = (0, 0)  # the (width, lines) the pages were cut for
    _hide_timer: Timer | None = None
    _page_timer: Timer | None = None

    def show(self, text: str, until: float | None = None, page: int = 0) -> float:
        """Show ``text`` from ``page`` on until ``until`` (a new SMS: long enough to read every page
        twice); returns when it goes."""
        self.sms = text
        self._text = TITLE + " ".join(text.splitlines())
        self._layout = (0, 0)
        self.display = True
        self._paginate(page)
        if self._hide_timer is not None:
            self._hide_timer.stop()
        if until is None:  # every page seen twice at its pace, and never less than SHOW_SECONDS
            until = time.monotonic() + max(SHOW_SECONDS, 2 * sum(page_seconds(p) for p in self._pages))
        self.until = until
        self._hide_timer = self.set_timer(max(0.0, until - time.monotonic()), self._expire)
        return until

    @property
    def live(self) -> bool:
        return self.display and self.until > time.monotonic()

    @property
    def pages(self) -> list[str]:
        return list(self._pages)

    @property
    def page(self) -> int:
        return self._page

    def _paginate(self, page: int = 0) -> None:
        """Cut the text into pages of whole lines at the bar's width (the screen's, before it is laid out)."""
        width = self.content_region.width if self.is_mounted else 0
        width = width or self.app.size.width - 2  # not laid out yet: the screen's, less the padding
        layout = (max(width, 10), max_lines(self.app.size.height))
        if layout == self._layout:
            return
        self._layout = layout
        width, lines = layout
        # where the bar breaks the lines (Chinese line breaking: kiosk.ui.cjk_wrap); a page is the
        # text of its lines as it is, which the bar wraps again the same way
        wrapped = _lines(self._text, width)
        self._pages = ["".join(wrapped[i:i + lines]).rstrip("\n")
                       for i in range(0, len(wrapped), lines)] or [""]
        self._turn_to(page)

    def _turn_to(self, page: int) -> None:
        self._page = page % len(self._pages)
        self.update(self._pages[self._page])
        self.border_title = f"第{self._page + 1}/{len(self._pages)}页（自动翻页）" if len(self._pages) > 1 else ""
        if self._page_timer is not None:
            self._page_timer.stop()
            self._page_timer = None
        if len(self._pages) > 1:
            self._page_timer = self.set_timer(page_seconds(self._pages[self._page]), self.next_page)

    def next_page(self) -> None:
        self._turn_to(self._page + 1)

    def on_click(self, event: events.Click) -> None:
        self.next_page()

    async def _expire(self) -> None:
        screen = self.screen
        await self.remove()
        make_room(screen)

    def on_resize(self, event: events.Resize) -> None:
        """Laid out at another width (the terminal resized): the pages again; at another height
        (it has just appeared, or the text has other lines): room made for it."""
        self._paginate()
        make_room(self.screen)


def _lines(text: str, width: int) -> list[str]:
    """``text`` cut where the bar breaks its lines. An SMS that does not fit on the line after
    「139****0055 收到短信：」 starts on a line of its own (a line that ends the head ends with a line
    break) when that takes no more lines: cut where it happened to reach the edge, 80 columns split
    a sign-in SMS between 验证码 and its digits, 「验证码」 ending one line and 「425022，5分钟内有效」
    starting the next (tester). A line more would push a page that just fits under the bar
    (考试预约's 确认并提交 at 80x24), so an SMS a line longer runs on after the head as before."""
    flowing = _cut(text, width)
    head, received, body = text.partition(RECEIVED)
    if not received or len(flowing) == 1:
        return flowing
    apart = _cut(head + received, width)
    apart[-1] += "\n"
    apart += _cut(body, width)
    return apart if len(apart) <= len(flowing) else flowing


def _cut(text: str, width: int) -> list[str]:
    breaks = [0, *textual.content.divide_line(text, width), len(text)]
    return [text[a:b] for a, b in zip(breaks, breaks[1:])]


def make_room(screen: Screen) -> None:
    """Lift whatever else is docked at the bottom of ``screen`` above the phone bar (or put it
    back down when there is none), then bring what has the focus back into view once laid out."""
    bars = [bar for bar in screen.query_children(PhoneBar) if bar.display and bar.is_mounted]
    rows = bars[0].outer_size.height if bars else 0
    for widget in screen.children:
        if widget.styles.dock != "bottom" or isinstance(widget, PhoneBar):
            continue
        if rows:
            top, right, bottom, left = widget.styles.base.margin
            widget.styles.margin = (top, right, bottom + rows, left)
        else:
            widget.styles.clear_rule("margin")
        widget.refresh(layout=True)
    screen.call_after_refresh(keep_focus_in_view, screen)


def page_screen(app: App) -> Screen:
    """The screen the citizen is on: the one on top, or the one the open dialogs are over."""
    return next((s for s in reversed(app.screen_stack) if not s.is_modal), app.screen)


def show_sms(app: App, text: str) -> None:
    """A new SMS: on the screen the citizen is on and, when a dialog is open over it, on the dialog too."""
    page = page_screen(app)
    until = _put(page, text)
    if app.screen is not page:
        _put(app.screen, text, until)


def follow_dialogs(app: App) -> None:
    """After the screen on top changed: a dialog on top shows the SMS the screen under it shows."""
    top, page = app.screen, page_screen(app)
    if top is page or not top.is_attached:
        return
    shown = [bar for bar in page.query_children(PhoneBar) if bar.live]
    mine = [bar for bar in top.query_children(PhoneBar) if bar.live]
    if shown and not (mine and mine[0].sms == shown[0].sms):
        _put(top, shown[0].sms, shown[0].until, shown[0].page)


def _put(screen: Screen, text: str, until: float | None = None, page: int = 0) -> float:
    bars = list(screen.query_children(PhoneBar))
    bar = bars[0] if bars else PhoneBar()
    if not bars:
        screen.mount(bar)
    return bar.show(text, until, page)
