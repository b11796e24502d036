"""QR codes as terminal text: two module rows per text line with half-block characters.

Convention: every line is painted with foreground BLACK and background WHITE (``QR_FG`` /
``QR_BG``), whatever the terminal theme. Under that convention:

    "▀" top module dark, bottom light     "▄" top light, bottom dark
    "█" both dark                          " " both light

A terminal that drew these characters in its own colours (white on black in a dark theme)
would show an inverted code that many scanners reject, so the UI must always set both colours;
:func:`render_ansi` does it with 24-bit ANSI codes for a plain terminal.

Note: U+2580, U+2584 and U+2588 have East Asian Width "A" (ambiguous). Terminals set to draw
ambiguous characters double width (some CJK setups) would stretch the code; the kiosk's own
rendering (Textual/Rich) counts them as one cell.
"""
from __future__ import annotations

from dataclasses import dataclass

import qrcode
from qrcode.exceptions import DataOverflowError

QR_FG = "#000000"
QR_BG = "#ffffff"
MIN_QUIET_ZONE = 4

UPPER, LOWER, FULL, EMPTY = "\u2580", "\u2584", "\u2588", " "
_CHARS = {(False, False): EMPTY, (True, False): UPPER, (False, True): LOWER, (True, True): FULL}

_LEVELS = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}
LEVEL_ORDER = ("L", "M", "Q", "H")  # weakest to strongest

_ANSI_ON = "\x1b[38;2;0;0;0;48;2;255;255;255m"
_ANSI_OFF = "\x1b[0m"


@dataclass(frozen=True)
class QrText:
    """A rendered QR code. ``matrix[y][x]`` is True for a dark module; it includes the quiet
    zone. ``version`` is 1..40, ``level`` one of L M Q H."""

    matrix: tuple[tuple[bool, ...], ...]
    version: int
    level: str
    quiet_zone: int

    @property
    def modules(self) -> int:
        """Width (= height) in modules, quiet zone included."""
        return len(self.matrix)

    @property
    def columns(self) -> int:
        return self.modules

    @property
    def rows(self) -> int:
        """Text lines: two module rows per line; an odd last row gets a light lower half."""
        return (self.modules + 1) // 2

    @property
    def size(self) -> tuple[int, int]:
        return self.columns, self.rows

    def lines(self) -> list[str]:
        """The text, to be painted fg black on bg white."""
        out: list[str] = []
        width = self.modules
        light = (False,) * width
        for y in range(0, width, 2):
            top = self.matrix[y]
            bottom = self.matrix[y + 1] if y + 1 < width else light
            out.append("".join(_CHARS[(t, b)] for t, b in zip(top, bottom)))
        return out

    def styled_lines(self) -> list[tuple[str, str, str]]:
        """``(text, fg, bg)`` for each line, for UI code that paints runs."""
        return [(line, QR_FG, QR_BG) for line in self.lines()]

    def ansi(self) -> str:
        return "\n".join(_ANSI_ON + line + _ANSI_OFF for line in self.lines())


def _level(level: str) -> int:
    try:
        return _LEVELS[level.upper()]
    except (KeyError, AttributeError):
        raise ValueError(f"error correction level must be one of L M Q H, not {level!r}") from None


def render_qr(data: str, quiet_zone: int = MIN_QUIET_ZONE, level: str = "M",
              version: int | None = None) -> QrText:
    """Encode ``data`` (version picked automatically unless given). Raises ValueError when the
    data does not fit a version 40 code at this level, or the quiet zone is below 4."""
    if quiet_zone < MIN_QUIET_ZONE:
        raise ValueError(f"the quiet zone must be at least {MIN_QUIET_ZONE} modules")
    qr = qrcode.QRCode(version=version, error_correction=_level(level), border=quiet_zone)
    qr.add_data(data)
    try:
        qr.make(fit=version is None)
    except DataOverflowError as exc:
        raise ValueError("data too long for a QR code") from exc
    matrix = tuple(tuple(bool(m) for m in row) for row in qr.get_matrix())
    return QrText(matrix=matrix, version=qr.version, level=level.upper(), quiet_zone=quiet_zone)


def render_ansi(data: str, quiet_zone: int = MIN_QUIET_ZONE, level: str = "M") -> str:
    """The QR as lines wrapped in 24-bit ANSI colours (fg #000000, bg #ffffff), each line reset
    at its end, for a CLI printing to a real terminal."""
    return render_qr(data, quiet_zone=quiet_zone, level=level).ansi()


def qr_size(data: str, level: str = "M", quiet_zone: int = MIN_QUIET_ZONE) -> tuple[int, int]:
    """(columns, text rows) needed to show ``data``."""
    return render_qr(data, quiet_zone=quiet_zone, level=level).size


def fit_qr(data: str, max_columns: int, max_rows: int, *, min_level: str = "L",
           max_level: str = "Q", quiet_zone: int = MIN_QUIET_ZONE) -> QrText | None:
    """The strongest error correction between ``max_level`` and ``min_level`` whose code fits
    ``max_columns`` x ``max_rows`` text cells, or None when even ``min_level`` does not fit
    (the UI should then ask for a larger window instead of drawing a clipped code)."""
    lo, hi = LEVEL_ORDER.index(min_level.upper()), LEVEL_ORDER.index(max_level.upper())
    for level in reversed(LEVEL_ORDER[lo : hi + 1]):
        try:
            qr = render_qr(data, quiet_zone=quiet_zone, level=level)
        except ValueError:
            continue
        if qr.columns <= max_columns and qr.rows <= max_rows:
            return qr
    return None
