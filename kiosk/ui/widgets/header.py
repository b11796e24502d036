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
        now = app.env.clock.now()  # type: ignore[attr-defined]
        left = Text.assemble(("交管12123 ", "bold"), (self.page_title, ""))
        clock = f"{now:%Y-%m-%d %H:%M:%S}"
        # the room for who is signed in does not depend on the page's title (up to TITLE_ROOM), so
        # that it reads the same on every page; a gap of at least 1, 2 before the clock
        title = max(cell_len(self.page_title), TITLE_ROOM)
        room = self.size.width - cell_len("交管12123 ") - title - len(clock) - 3
        who = pick(who_forms(app), room)
        right = Text(f"{who}  {clock}" if who else clock)
        gap = max(1, self.size.width - left.cell_len - right.cell_len)
        return Text.assemble(left, " " * gap, right)


# Cells kept for the page's title: the longest title of a citizen's service (免检车申领检验标志, 18).
# A longer title (机动车驾驶证（电子版）) takes its cells from who is signed in, on its page only.
TITLE_ROOM = 18


def who_forms(app: object) -> list[str]:
    """Who is signed in, longest first: a citizen (or unit) by name and masked ID number (统一社会信用代码),
    else by name alone; the staff member or the terminal as the app says (KioskApp.who_text)."""
    citizen = getattr(app, "citizen", None)
    if citizen is not None:
        return [f"{citizen.name}  {citizen.id_masked}", citizen.name]
    who = getattr(app, "who_text", lambda: "")()
    return [who] if who else []


def pick(forms: list[str], cells: int) -> str:
    """The first of ``forms`` that fits ``cells``; else the last cut to fit (nothing under 4 cells),
    never a masked number cut in the middle (9150*********...)."""
    for form in forms:
        if cell_len(form) <= cells:
            return form
    return fit(forms[-1], cells) if forms and cells >= 4 else ""


def fit(text: str, cells: int, trim: str = "") -> str:
    """``text`` cut to ``cells`` terminal cells, ending in ASCII ... when cut (a long terminal id
    must not push the clock off the line; the one-cell ellipsis is ambiguous-width). ``trim``: the
    characters not to leave just before the ... (besides spaces), e.g. an opening bracket."""
    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, cells - 3).rstrip(" " + trim) + "..."
