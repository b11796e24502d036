"""The high-contrast theme (高对比度) meets WCAG contrast: body text at least 7:1 (AAA), every other
text, the focus and the field outlines at least 4.5:1. The ratios are computed from the theme's own
colours as Textual builds them into CSS variables, for the pairs kiosk.tcss and Textual's widgets
draw (text on its background, a focused button's label on its fill, an error line on the screen ...).
The same check finds the weaker pairs of Textual's default theme and of a theme made bad on purpose,
so it can fail."""
from __future__ import annotations

from dataclasses import replace

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES, Theme

from kiosk.ui.theme import HIGH_CONTRAST_ANSI, HIGH_CONTRAST_LOOK, STANDARD_LOOK

BODY, OTHER = 7.0, 4.5

# (what it is, text colour, background colour, minimum): variables as kiosk.tcss and Textual's
# widgets use them. "auto N%" text is worked out against its background as Textual does.
PAIRS = [
    ("body text on the screen", "foreground", "background", BODY),
    ("labels and hints ($text, $text-muted)", "text", "background", BODY),
    ("hint lines (.hint, #welcome-help)", "text-muted", "background", BODY),
    ("a button's label", "button-foreground", "surface", BODY),
    ("a primary button's label", "button-color-foreground", "primary", BODY),
    ("the header", "text", "kiosk-title-bar", BODY),
    ("typed text in a field", "foreground", "surface", BODY),
    ("typed text in a one-line field (80x24)", "foreground", "boost", BODY),
    ("the demo phone bar", "text", "panel", BODY),
    ("a dialog's text", "foreground", "surface", BODY),
    ("a focused button's label on the accent fill", "text", "accent", OTHER),
    ("the cursor row of a focused list or table", "block-cursor-foreground", "block-cursor-background", OTHER),
    ("an error line under a field", "kiosk-error-text", "background", OTHER),
    ("an error button's label", "button-color-foreground", "error", OTHER),
    ("a title in the accent colour", "accent", "background", OTHER),
    ("the idle countdown, 正在办理", "text", "warning", OTHER),
    ("an invalid e-licence's red title", "text", "kiosk-error-banner", OTHER),
    ("a valid e-licence's green title", "text", "success", OTHER),
    ("a coloured button at 80x24 (primary)", "text-primary", "surface", OTHER),
    ("a coloured button at 80x24 (success)", "text-success", "surface", OTHER),
    ("a coloured button at 80x24 (warning)", "text-warning", "surface", OTHER),
    ("a coloured button at 80x24 (error)", "text-error", "surface", OTHER),
    ("审核 done line", "text-success", "background", OTHER),
    ("the demo badge", "warning", "background", OTHER),
    ("a disabled button's label", "foreground-disabled", "background", OTHER),
    ("a placeholder in a field", "text-disabled", "surface", OTHER),
    ("a placeholder in a one-line field (80x24)", "text-disabled", "boost", OTHER),
    ("the focused field's border", "border", "background", OTHER),
    ("an unfocused field's outline", "border-blurred", "background", OTHER),
    ("the focus bar down a list or page", "accent", "background", OTHER),
]


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def variables(theme: Theme) -> dict[str, str]:
    """The CSS variables Textual makes of the theme (App.get_css_variables)."""
    return {**theme.to_color_system().generate(), **theme.variables}


def resolve(value: str, under: Color) -> Color:
    """A variable's colour as drawn over ``under``: "auto N%" is black or white by contrast, then
    blended, as Textual does; a colour with alpha is blended over what is under it."""
    if value.startswith("auto"):
        alpha = float(value.split()[1].rstrip("%")) / 100 if " " in value else 1.0
        return under + under.get_contrast_text(alpha)
    return under + Color.parse(value)


def problems(theme: Theme) -> list[str]:
    names = variables(theme)
    screen = Color.parse(names["background"])
    found = []
    for what, fg, bg, minimum in PAIRS:
        background = resolve(names[bg], screen)
        ratio = contrast(resolve(names[fg], background), background)
        if ratio < minimum:
            found.append(f"{what}: ${fg} on ${bg} {ratio:.2f}:1 < {minimum}:1")
    return found


def test_the_high_contrast_theme_meets_every_pair() -> None:
    assert problems(HIGH_CONTRAST_LOOK) == []


def test_body_text_is_pure_white_on_black() -> None:
    names = variables(HIGH_CONTRAST_LOOK)
    black = Color.parse(names["background"])
    assert black == Color(0, 0, 0)
    for name in ("foreground", "text", "text-muted"):
        assert resolve(names[name], black) == Color(255, 255, 255), name


def test_the_default_theme_has_weaker_pairs_the_check_finds() -> None:
    """The standard look (Textual's dark theme, three colours made AA: test_standard_contrast) does
    not reach these levels: its header, its 60 % hints, its blue primary button: which is why the
    high-contrast theme exists."""
    assert STANDARD_LOOK.primary == BUILTIN_THEMES["textual-dark"].primary
    found = problems(STANDARD_LOOK)
    assert any(p.startswith("the header") for p in found), found
    assert any(p.startswith("a primary button's label") for p in found), found


@pytest.mark.parametrize(("change", "pair"), [
    ({"variables": {**HIGH_CONTRAST_LOOK.variables, "text-muted": "#777777"}}, "hint lines"),
    ({"accent": "#444444"}, "the focus bar down a list or page"),
    ({"variables": {**HIGH_CONTRAST_LOOK.variables, "button-color-foreground": "#ffffff"}}, "an error button's label"),
    ({"variables": {**HIGH_CONTRAST_LOOK.variables, "text-disabled": "#707070"}}, "a placeholder in a field"),
    ({"variables": {**HIGH_CONTRAST_LOOK.variables, "kiosk-error-text": "#aa0000"}}, "an error line under a field"),
    ({"variables": {**HIGH_CONTRAST_LOOK.variables, "kiosk-title-bar": "#5f87ff"}}, "the header"),
    ({"variables": {**HIGH_CONTRAST_LOOK.variables, "border-blurred": "#333333"}}, "an unfocused field's outline"),
])
def test_a_theme_made_worse_fails_where_it_was_made_worse(change: dict, pair: str) -> None:
    bad = replace(HIGH_CONTRAST_LOOK, name="bad", **change)
    assert any(p.startswith(pair) for p in problems(bad)), problems(bad)


@pytest.mark.parametrize("colour", ["red", "green", "yellow", "blue", "magenta", "cyan", "white"])
def test_plain_colour_names_in_screen_text_stay_readable(colour: str) -> None:
    """A screen's Rich text in "bold red" (无效) or "green" (通过) maps, under the theme, to a colour
    at least 7:1 on black (Textual's default mapping gives red 5:1)."""
    index = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"].index(colour)
    r, g, b = HIGH_CONTRAST_ANSI.ansi_colors[index]
    assert contrast(Color(r, g, b), Color(0, 0, 0)) >= BODY
