"""A QR code drawn with half blocks, always black modules on white whatever the theme.

``QrView`` gets payloads in order of preference and draws the first whose code fits its own
size, as large as it fits (kiosk.domain.qr_text.pick_qr, quiet zone 4, whole scales); with
``largest`` it draws the payload that can have the largest modules (the full-screen view). Only
the code's cells carry the explicit Style(color="#000000", bgcolor="#ffffff"); the rest of the
widget keeps the theme. When no payload fits, it draws no clipped code but ``too_small`` (the
e-licence screens pass "": they say it in their own line, beside the button it names or instead
of the countdown, and the code area saying it too was the same thing twice).
"""
from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ...domain.qr_text import QR_BG, QR_FG, QrText, pick_qr

QR_STYLE = Style(color=QR_FG, bgcolor=QR_BG)
NO_ROOM = "窗口太小，无法显示二维码，请放大窗口"


class QrView(Widget):
    DEFAULT_CSS = """
    QrView { width: 1fr; height: 1fr; }
    """
    texts: reactive[tuple[str, ...]] = reactive(tuple, layout=False)
    too_small: reactive[str] = reactive(NO_ROOM, layout=False)

    class Resized(Message):
        """The view's size changed: what it can draw may have changed with it."""

    def __init__(self, *texts: str, too_small: str = NO_ROOM, largest: bool = False, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(QrView.texts, tuple(texts))
        self.set_reactive(QrView.too_small, too_small)
        self.largest = largest
        self.shown: QrText | None = None
        self.shown_text: str | None = None

    def watch_texts(self, texts: tuple[str, ...]) -> None:
        if not texts:  # nothing to draw: nothing is shown, also while the widget is hidden (not rendered)
            self.shown, self.shown_text = None, None

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized())

    def pick(self, width: int, height: int) -> tuple[str | None, QrText | None]:
        found = pick_qr(self.texts, width, height, largest=self.largest)
        return found if found is not None else (None, None)

    def scale_for(self, width: int, height: int) -> int:
        """How large this view would draw its code in ``width`` x ``height`` cells (0: not at all)."""
        _, qr = self.pick(width, height)
        return qr.scale if qr is not None else 0

    def render(self) -> Text:
        width, height = self.content_size
        text, qr = self.pick(width, height)
        self.shown, self.shown_text = qr, text
        if qr is None:
            return Text(self.too_small if self.texts else "", style="bold")
        left = " " * max(0, (width - qr.columns) // 2)
        top = max(0, (height - qr.rows) // 2)
        out = Text("\n" * top)
        for i, (line, fg, bg) in enumerate(qr.styled_lines()):
            if i:
                out.append("\n")
            out.append(left)
            out.append(line, style=Style(color=fg, bgcolor=bg))
        return out
