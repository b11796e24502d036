"""Scrollbars whose thumb is at an end of its track exactly when that end of the list is in view.

Textual (8.2.8) draws a thumb's ends in eighths of a cell: in a long list the thumb's end entered the
track's last cell, the track below it gone, while rows were still below (选择场次 with 90 sessions at
100x30: the thumb at the bottom with the view 6 rows short of the last, tester), and it stayed in the
first cell until 8 rows had gone by. Here the thumb is whole cells: in the last cell only when the
view is at the end (the last row shown), in the first only at the start, and in between it moves
with the view. Every scrollbar of the app (lists, pages, the counter's lists) is drawn so; what a
tap on the track or the thumb does is Textual's as before (the same ``@mouse.down`` meta).
"""
from __future__ import annotations

from rich.color import Color
from rich.segment import Segment, Segments
from rich.style import Style
from textual.scrollbar import ScrollBar, ScrollBarRender


def thumb_cells(size: int, virtual_size: float, window_size: float, position: float) -> tuple[int, int]:
    """The thumb's first cell and its length in cells, on a track of ``size`` cells for a view of
    ``window_size`` over ``virtual_size``, scrolled to ``position``."""
    length = min(size - 1, max(1, round(size * window_size / virtual_size)))
    travel, most = size - length, virtual_size - window_size
    if position <= 0 or travel <= 0:
        return 0, length
    if position >= most:
        return travel, length
    if travel == 1:  # two places only: at the end, or not
        return 0, length
    return min(travel - 1, max(1, round(travel * position / most))), length


class EndsExactScrollBarRender(ScrollBarRender):
    @classmethod
    def render_bar(cls, size: int = 25, virtual_size: float = 50, window_size: float = 20, position: float = 0,
                   thickness: int = 1, vertical: bool = True, back_color: Color = Color.parse("#555555"),
                   bar_color: Color = Color.parse("bright_magenta")) -> Segments:
        width = thickness if vertical else 1
        blank = cls.BLANK_GLYPH * width
        if window_size and size and virtual_size and size != virtual_size and window_size < virtual_size:
            start, length = thumb_cells(int(size), virtual_size, window_size, position)
            upper = Segment(blank, Style(bgcolor=back_color, meta={"@mouse.down": "scroll_up"}))
            lower = Segment(blank, Style(bgcolor=back_color, meta={"@mouse.down": "scroll_down"}))
            thumb = Segment(blank, Style(color=bar_color, reverse=True, meta={"@mouse.down": "grab"}))
            segments = [upper] * start + [thumb] * length + [lower] * (int(size) - start - length)
        else:
            segments = [Segment(blank, Style(bgcolor=back_color))] * int(size)
        if vertical:
            return Segments(segments, new_lines=True)
        return Segments((segments + [Segment.line()]) * thickness, new_lines=False)


def apply() -> None:
    """Every scrollbar drawn from now on is drawn so (Textual's ScrollBar takes its renderer from the class)."""
    ScrollBar.renderer = EndsExactScrollBarRender
