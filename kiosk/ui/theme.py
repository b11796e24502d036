"""The kiosk's two looks: Textual's own dark theme with three colours made readable (标准显示) and
a high-contrast theme (高对比度) for citizens who see poorly: white text on black, a yellow focus,
no dimmed or muted text.

A hall sets a terminal's look (``kiosk --theme``, KIOSK_THEME: kiosk.config); a citizen may switch it
on the start screen for their own visit. kiosk.tcss uses theme variables only, plus a few rules
under ``App.-theme-kiosk-high-contrast`` where Textual's own widgets draw their focus or disabled
state in a way no variable reaches (a focused button is reversed, a disabled one faded)."""
from __future__ import annotations

from dataclasses import replace

from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from textual._ansi_theme import MONOKAI
from textual.color import Color
from textual.filter import LineFilter
from textual.theme import BUILTIN_THEMES, Theme

from ..config import HIGH_CONTRAST, STANDARD

# Textual theme names for the settings' names (kiosk.config.THEMES).
STANDARD_THEME = "kiosk-standard"
HIGH_CONTRAST_THEME = "kiosk-high-contrast"
TEXTUAL_THEMES = {STANDARD: STANDARD_THEME, HIGH_CONTRAST: HIGH_CONTRAST_THEME}

BLACK, WHITE, YELLOW = "#000000", "#ffffff", "#ffff00"

# Textual's dark theme, but for three pairs below WCAG AA (4.5:1) as drawn, in true colour and
# in the 256 colours of a terminal without it (tester: 3.4 to 4.1:1): an error line under a field
# ($kiosk-error-text on the screen), the title bar ($text on $kiosk-title-bar) and the red banner of
# an e-licence that is not valid, 违法未处理 ($text on $kiosk-error-banner). The same red and blue,
# a little lighter for text on the dark screen, a little darker under light text.
# tests/unit/test_standard_contrast.py computes them.
STANDARD_LOOK = replace(BUILTIN_THEMES["textual-dark"], name=STANDARD_THEME, variables={
    "kiosk-error-text": "#d65a76",  # was $error #ba3c5b
    "kiosk-title-bar": "#015fa8",  # was $primary #0178d4
    "kiosk-error-banner": "#9e2f4a",  # was $error #ba3c5b
})

HIGH_CONTRAST_LOOK = Theme(
    name=HIGH_CONTRAST_THEME,
    primary="#0000af",  # dark blue fills (the header, a primary button) under white text
    secondary="#0000af",
    accent=YELLOW,  # the focus: a yellow fill under black text, a yellow bar, a yellow border
    warning="#ffaf00",  # the idle countdown, 正在办理: black text on amber
    error="#ff5f5f",  # error lines on black; black text on it (an invalid e-licence's title)
    success="#5fd75f",
    foreground=WHITE,
    background=BLACK,
    surface="#303030",  # buttons, inputs and dialogs: dark grey under white text, outlined in white
    panel="#1c1c1c",  # the demo phone bar, set off by its yellow top line
    dark=True,
    variables={
        "boost": "#3a3a3a",  # a one-line input at 80x24 (as a variable: with a panel given, Textual drops boost=)
        # Text is pure white (black on a light fill): no 87 % or 60 % greys.
        "text": "auto 100%",
        "text-muted": "auto 100%",
        "text-disabled": "#d0d0d0",  # a placeholder: light grey, readable (7:1) on a focused input
        "text-primary": "#afd7ff",
        "text-secondary": "#afd7ff",
        "text-accent": YELLOW,
        "text-warning": "#ffd75f",
        "text-error": "#ffafaf",
        "text-success": "#87ff87",
        "foreground-muted": WHITE,
        "foreground-disabled": "#bcbcbc",
        # The muted fills Textual puts behind coloured flat buttons: dark enough for light text.
        "primary-muted": "#0000af",
        "error-muted": "#5c0f0f",
        "success-muted": "#0b4a1e",
        "warning-muted": "#5c3d00",
        "accent-muted": "#4d4d00",
        # Borders: every input, list and choice outlined in white; the focused one in yellow.
        "border": YELLOW,
        "border-blurred": WHITE,
        "surface-active": "#262626",
        # The cursor row of a focused list or table: black on yellow, as a focused button.
        "block-cursor-foreground": BLACK,
        "block-cursor-background": YELLOW,
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-foreground": WHITE,
        "block-cursor-blurred-background": "#3a3a3a",
        "block-hover-background": "#262626",
        "input-cursor-foreground": BLACK,
        "input-cursor-background": YELLOW,
        "input-selection-background": "#0000af",
        "input-selection-foreground": WHITE,
        "button-foreground": WHITE,
        "button-color-foreground": "auto 100%",  # white on the blue primary, black on red, amber, green
        "button-focus-text-style": "bold",  # the fill shows the focus (kiosk.tcss), not reverse video
        "scrollbar": "#c8c8c8",
        "scrollbar-hover": YELLOW,
        "scrollbar-active": YELLOW,
        "scrollbar-background": "#262626",
        "scrollbar-background-hover": "#262626",
        "scrollbar-background-active": "#262626",
        "scrollbar-corner-color": "#262626",
        "link-color": YELLOW,
        "link-color-hover": BLACK,
        "link-background-hover": YELLOW,
        "footer-key-foreground": YELLOW,
        "screen-selection-background": "#0000af",
        "screen-selection-foreground": WHITE,
        # What kiosk.tcss names for the three the standard look makes readable (STANDARD_LOOK):
        # here its own error red and blue, as before.
        "kiosk-error-text": "#ff5f5f",  # error lines on black
        "kiosk-title-bar": "#0000af",  # the header: white on dark blue
        "kiosk-error-banner": "#ff5f5f",  # an invalid e-licence's title: black on red
    },
)

# Colours a screen names as plain ANSI colours in Rich text ("bold red" 无效, "green" 通过): under
# the high-contrast theme they map to bright ones, each at least 7:1 on black.
HIGH_CONTRAST_ANSI = TerminalTheme(
    (0, 0, 0),
    (255, 255, 255),
    [(0, 0, 0), (255, 107, 107), (62, 224, 107), (255, 214, 0), (156, 192, 255), (255, 140, 255),
     (0, 230, 230), (255, 255, 255), (184, 184, 184)],
    [(255, 138, 138), (92, 240, 138), (255, 255, 0), (180, 210, 255), (255, 170, 255), (100, 255, 255),
     (255, 255, 255)],
)
STANDARD_ANSI = MONOKAI  # Textual's own mapping (App.ansi_theme_dark)


_NOT_DIM = Style(dim=False)


class NoDim(LineFilter):
    """Text a screen marks "dim" (the steps still to come on a step bar, a file name in small print)
    is drawn at full strength: the terminal's faint grey on black is what the theme is there to avoid."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [Segment(s.text, s.style + _NOT_DIM, s.control) if s.style is not None and s.style.dim else s
                for s in segments]

