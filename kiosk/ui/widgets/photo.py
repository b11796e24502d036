"""A photo drawn in the terminal: each cell is "▀" (U+2580) with the colour of the upper pixel as
foreground and of the lower one as background, so a cell shows two pixels, one above the other
(kiosk.services.photos.half_blocks makes the colours). Both colours are always set: the theme
never shows through. Like the QR code (kiosk.domain.qr_text), this counts U+2580, East Asian
Width "A", as one cell, as Textual/Rich do."""
from __future__ import annotations

from rich.style import Style
from rich.text import Text

from ...services.photos import Pixels
from .plain import Plain

UPPER_HALF = "\u2580"


def photo_text(pixels: Pixels) -> Text:
    out = Text(no_wrap=True, overflow="crop")
    for i, row in enumerate(pixels):
        if i:
            out.append("\n")
        for top, bottom in row:
            out.append(UPPER_HALF, style=Style(color=top, bgcolor=bottom))
    return out


class PhotoPreview(Plain):
    """The picture, or nothing at all (not displayed) when there is none."""

    DEFAULT_CSS = """
    PhotoPreview { width: auto; height: auto; }
    """

    def __init__(self, pixels: Pixels = (), **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__("", **kwargs)
        self.pixels: Pixels = ()
        self.show(pixels)

    def show(self, pixels: Pixels) -> None:
        self.pixels = pixels
        self.update(photo_text(pixels))
        self.display = bool(pixels)
