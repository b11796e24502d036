"""Rasterise half-block terminal text the way a terminal draws it, to feed QR decoders.

Each character cell is one module wide and two modules tall: "▀" upper half dark, "▄" lower
half dark, "█" both, " " neither (foreground black on background white, the convention of
kiosk.domain.qr_text). ``inverted=True`` draws what a terminal would show if it used its own
light-on-dark colours instead. Reusable on text captured from a terminal (UI tests).
"""
from __future__ import annotations

from collections.abc import Iterable

from PIL import Image, ImageOps

_HALVES = {" ": (False, False), "\u2580": (True, False), "\u2584": (False, True), "\u2588": (True, True),
           "\u00a0": (False, False)}


def lines_to_matrix(lines: Iterable[str], *, strict: bool = True) -> list[list[bool]]:
    """Module matrix (True = dark), two rows per text line; short lines are padded light.
    With ``strict=False`` any other character is read as light (e.g. a border in a capture)."""
    rows = [line.rstrip("\n") for line in lines]
    width = max((len(r) for r in rows), default=0)
    matrix: list[list[bool]] = []
    for r in rows:
        top: list[bool] = []
        bottom: list[bool] = []
        for ch in r.ljust(width):
            if ch not in _HALVES and strict:
                raise ValueError(f"not a half-block character: {ch!r}")
            t, b = _HALVES.get(ch, (False, False))
            top.append(t)
            bottom.append(b)
        matrix += [top, bottom]
    return matrix


def raster_lines(lines: Iterable[str], *, scale: int = 4, margin: int = 0, inverted: bool = False,
                 strict: bool = True) -> Image.Image:
    """A greyscale PIL image: each module ``scale`` x ``scale`` pixels, black on white (or white
    on black when ``inverted``), with ``margin`` extra light modules around it."""
    matrix = lines_to_matrix(lines, strict=strict)
    height = len(matrix)
    width = len(matrix[0]) if matrix else 0
    img = Image.new("L", (width + 2 * margin, height + 2 * margin), 255)
    px = img.load()
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                px[x + margin, y + margin] = 0
    img = img.resize((img.width * scale, img.height * scale), Image.NEAREST)
    return ImageOps.invert(img) if inverted else img
