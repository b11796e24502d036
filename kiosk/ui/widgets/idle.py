"""The idle warning shown in the last seconds before a citizen's session is wiped.

By default a band across the top of the screen, over the header. A screen that shows something the
band must not cover marks a widget ``idle-host`` (IDLE_HOST): the warning goes over that widget's
bottom instead. The e-licence's QR code is such a thing: a code whose top rows are hidden cannot be
scanned, in the very seconds a citizen may be holding it to a scanner (the full-screen code gives
its caption line, the card the column beside the code). A host marked ``-one-line`` as well gives
it one line: there it says the short form when the whole sentence does not fit the width."""
from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

IDLE_HOST = "idle-host"
FIRST, SECOND = "长时间无操作，{}秒后将退出并返回首页。", "触摸屏幕或按任意键继续办理。"
SHORT = "长时间无操作，{}秒后退出。按任意键继续。"


class IdleBanner(Static):
    SCOPED_CSS = False  # the rules below select it by its host
    DEFAULT_CSS = """
    IdleBanner { dock: top; layer: overlay; width: 100%; height: 3; content-align: center middle;
                 text-align: center; background: $warning; color: $text; text-style: bold; }
    .idle-host > IdleBanner { dock: bottom; height: auto; }
    .idle-host.-one-line > IdleBanner { height: 1; }
    """
    seconds = 0

    def show_seconds(self, seconds: int) -> None:
        self.seconds = seconds
        self.update(self._text())

    def _text(self) -> str:
        """The sentence on one line where it fits; else a sentence a line (not cut mid-word), or on a
        one-line host the short form."""
        first = FIRST.format(self.seconds)
        width = self.content_size.width
        if not width or cell_len(first + SECOND) <= width:
            return first + SECOND
        if self.parent is not None and self.parent.has_class("-one-line"):
            return SHORT.format(self.seconds)
        return f"{first}\n{SECOND}"

    def on_resize(self, event: events.Resize) -> None:
        self.update(self._text())  # its width is known only once laid out (and changes with the terminal)


def idle_host(screen: Screen) -> Widget:
    """Where the warning goes on ``screen``: its first shown ``idle-host``, else the screen itself
    (itself a host when it is marked so: the full-screen code)."""
    for widget in screen.query(f".{IDLE_HOST}"):
        if widget.display:
            return widget
    return screen
