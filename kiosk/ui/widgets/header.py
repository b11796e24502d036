"""One-line header: service name, page title, who is signed in (masked), and the clock."""
from __future__ import annotations

from rich.cells import cell_len, set_cell_size
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
        clock = f"{now:%Y-%m-%d %H:%M:%S}"
        room = self.size.width - left.cell_len - len(clock) - 3  # a gap of at least 1, 2 before the clock
        right = Text(f"{fit(who, room)}  {clock}" if who and room >= 4 else clock)
        gap = max(1, self.size.width - left.cell_len - right.cell_len)
        return Text.assemble(left, " " * gap, right)


def fit(text: str, cells: int, trim: str = "") -> str:
    """``text`` cut to ``cells`` terminal cells, ending in ASCII ... when cut (a long terminal id
    must not push the clock off the line; the one-cell ellipsis is ambiguous-width). ``trim``: the
    characters not to leave just before the ... (besides spaces), e.g. an opening bracket."""
    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, cells - 3).rstrip(" " + trim) + "..."
