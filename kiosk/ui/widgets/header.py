"""One-line header: service name, page title, who is signed in (masked), and the clock."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class KioskHeader(Static):
    DEFAULT_CSS = """
    KioskHeader { dock: top; height: 1; background: $primary; color: $text; padding: 0 1; }
    """

    def __init__(self, title: str) -> None:
        super().__init__()
        self.page_title = title

    def on_mount(self) -> None:
        self.set_interval(1, self.refresh)

    def render(self) -> Text:
        app = self.app
        who = getattr(app, "who_text", lambda: "")()
        now = app.env.clock.now()  # type: ignore[attr-defined]
        left = Text.assemble(("交管12123 ", "bold"), (self.page_title, ""))
        right = Text(f"{who}  {now:%Y-%m-%d %H:%M:%S}")
        gap = max(1, self.size.width - left.cell_len - right.cell_len)
        return Text.assemble(left, " " * gap, right)
