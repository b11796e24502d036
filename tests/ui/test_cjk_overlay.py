"""An open Select list keeps its Chinese labels whole over the widgets beneath it (kiosk.ui.cjk_compositor).

Without the fix Textual cut every line at the edges of the widgets under the list and drew a
character straddling such an edge as two spaces: 「渝中考场（重  市」."""
from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Select, Static

from kiosk.ui import cjk_compositor

LABELS = ["渝中考场（重庆市渝中区经纬大道555号，电话023-63255068）",
          "沙坪坝土主考场（沙坪坝区土主镇月台路16号，电话023-88568787）",
          "九龙坡聚业路考场（重庆市九龙坡区九龙园C区聚业路118号，电话023-68060224）"]
SIZE = (120, 30)


class Form(App):
    """A site list over rows of fields whose edges fall at odd and even columns."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.width = width

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Select([(label, i) for i, label in enumerate(LABELS)], prompt="全部考场")
            for _ in range(6):
                with Horizontal():
                    yield Input("x", classes="w")
                    yield Static("说明", classes="w")
                    yield Input("y", classes="w")

    def on_mount(self) -> None:
        for widget in self.query(".w"):
            widget.styles.width = self.width


def _terminal(raw: str) -> str:
    """What a terminal shows after the escape sequences of a (partial) update."""
    rows = [[" "] * SIZE[0] for _ in range(SIZE[1])]
    y = x = 0
    for m in re.finditer(r"\x1b\[(\d+);(\d+)H|\x1b\[[0-9;]*m|\n|([^\x1b\n]+)", raw):
        if m.group(1):
            y, x = int(m.group(1)) - 1, int(m.group(2)) - 1
        elif m.group(0) == "\n":
            y, x = y + 1, 0
        elif m.group(3):
            for ch in m.group(3):
                if x < SIZE[0]:
                    rows[y][x] = ch
                if cell_len(ch) == 2 and x + 1 < SIZE[0]:
                    rows[y][x + 1] = ""
                x += cell_len(ch)
    return "\n".join("".join(r) for r in rows)


async def test_open_select_list_keeps_chinese_labels_whole() -> None:
    assert cjk_compositor.apply(), "written for the pinned Textual; check the fix against the new version"
    for width in range(9, 16):
        app = Form(width)
        async with app.run_test(size=SIZE) as pilot:
            app.query_one(Select).focus()
            await pilot.press("enter")
            await pilot.pause(0.2)
            compositor = app.screen._compositor
            full = "\n".join(strip.text for strip in compositor.render_strips())
            compositor._dirty_regions.add(compositor.size.region)
            partial = _terminal(compositor.render_partial_update().render_segments(Console()))
            for label in LABELS:
                assert label[:12] in full, (width, label)
                assert label[:12] in partial, (width, label)
