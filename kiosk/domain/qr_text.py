"""QR codes as terminal text: two module rows per text line with half-block characters.

A code may be drawn larger (``scale``): each module is then ``scale`` columns wide and ``scale``
half-lines tall, so it stays square on a terminal whose cells are twice as tall as they are wide
(scale 2 is full-block modules two columns wide). Scales are whole numbers only: modules of
unequal size (what a scale of 1.5 would need) distort the finder patterns scanners look for.

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
from functools import lru_cache

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
    zone. ``version`` is 1..40, ``level`` one of L M Q H; ``scale`` columns (and half-lines) per
    module when drawn."""

    matrix: tuple[tuple[bool, ...], ...]
    version: int
    level: str
    quiet_zone: int
    scale: int = 1

    @property
    def modules(self) -> int:
        """Width (= height) in modules, quiet zone included."""
        return len(self.matrix)

    @property
    def columns(self) -> int:
        return self.modules * self.scale

    @property
    def rows(self) -> int:
        """Text lines: two half-lines per line; an odd last half-line is light."""
        return (self.modules * self.scale + 1) // 2

    def scaled(self, scale: int) -> QrText:
        """The same code drawn ``scale`` times larger (whole numbers from 1)."""
        if scale < 1:
            raise ValueError("the scale must be a whole number from 1")
        return QrText(self.matrix, self.version, self.level, self.quiet_zone, scale)

    def max_scale(self, max_columns: int, max_rows: int) -> int:
        """The largest scale that fits ``max_columns`` x ``max_rows`` text cells; 0 when none does."""
        return max(0, min(max_columns // self.modules, (2 * max_rows) // self.modules))

    @property
    def size(self) -> tuple[int, int]:
        return self.columns, self.rows

    def lines(self) -> list[str]:
        """The text, to be painted fg black on bg white."""
        k = self.scale
        half_lines = [tuple(m for m in row for _ in range(k)) for row in self.matrix for _ in range(k)]
        out: list[str] = []
        light = (False,) * self.columns
        for y in range(0, len(half_lines), 2):
            top = half_lines[y]
            bottom = half_lines[y + 1] if y + 1 < len(half_lines) else light
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
    _level(level)  # an unknown level is refused here
    return _render(data, quiet_zone, level.upper(), version)


@lru_cache(maxsize=64)
def _render(data: str, quiet_zone: int, level: str, version: int | None) -> QrText:
    """render_qr's work, remembered: a screen asks for the same code again at every resize (the
    result is immutable)."""
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


def largest_qr(data: str, max_columns: int, max_rows: int, *, min_level: str = "L", max_level: str = "Q",
               quiet_zone: int = MIN_QUIET_ZONE) -> QrText | None:
    """``data`` drawn as large as ``max_columns`` x ``max_rows`` text cells allow (the largest
    whole scale of any level between ``min_level`` and ``max_level``, and at that scale the
    strongest level); None when it does not fit even at scale 1 and ``min_level``."""
    lo, hi = LEVEL_ORDER.index(min_level.upper()), LEVEL_ORDER.index(max_level.upper())
    best: QrText | None = None
    for level in reversed(LEVEL_ORDER[lo : hi + 1]):
        try:
            qr = render_qr(data, quiet_zone=quiet_zone, level=level)
        except ValueError:
            continue
        scale = qr.max_scale(max_columns, max_rows)
        if scale >= 1 and (best is None or scale > best.scale):
            best = qr.scaled(scale)
    return best


def pick_qr(texts: tuple[str, ...] | list[str], max_columns: int, max_rows: int, *, largest: bool = False,
            max_level: str = "M") -> tuple[str, QrText] | None:
    """Which of ``texts`` (in order of preference) to draw in ``max_columns`` x ``max_rows`` cells,
    and how (largest_qr): the first that fits; with ``largest``, the one that can be drawn with
    the largest modules (the first of those in order when several can). None when none fits."""
    best: tuple[str, QrText] | None = None
    for text in texts:
        qr = largest_qr(text, max_columns, max_rows, max_level=max_level)
        if qr is None:
            continue
        if not largest:
            return text, qr
        if best is None or qr.scale > best[1].scale:
            best = text, qr
    return best
