"""The standard look (标准显示) meets WCAG AA (4.5:1) where a tester measured it short: an error line
under a field (3.4:1), the title bar (3.6:1) and the red banner of an e-licence that is not valid,
e.g. 机动车驾驶证（电子版） 违法未处理 (3.45:1). Each ratio is computed from the theme's colours with
the WCAG relative luminance, as drawn in true colour and in the 256 colours of a terminal without
it (the colours the tester read: 131 on 233, 195 on 32, 224 on 131). The rules of kiosk.tcss draw
them with these variables."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from rich.color import Color as RichColor
from rich.color import ColorSystem
from textual.color import Color

from kiosk.ui.theme import HIGH_CONTRAST_LOOK, STANDARD_LOOK
from tests.unit.test_theme_contrast import contrast, resolve, variables

AA = 4.5
PAIRS = [  # (what, text colour, background colour): variables as kiosk.tcss uses them
    ("an error line under a field", "kiosk-error-text", "background"),
    ("the title bar", "text", "kiosk-title-bar"),
    ("the red e-licence banner", "text", "kiosk-error-banner"),
    ("the green e-licence banner", "text", "success"),
]
RULES = [  # (selector in kiosk.tcss, the declaration it must hold)
    (".field-error", "color: $kiosk-error-text"),
    (".screen-error", "color: $kiosk-error-text"),
    ("KioskHeader", "background: $kiosk-title-bar"),
    ("#card-title.-red", "background: $kiosk-error-banner"),
]


def in_256_colours(color: Color) -> Color:
    """``color`` as a terminal of 256 colours shows it (Rich's nearest of the palette)."""
    rgb = RichColor.from_rgb(color.r, color.g, color.b).downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    return Color(rgb.red, rgb.green, rgb.blue)


def ratios(theme, fg: str, bg: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    names = variables(theme)
    background = resolve(names[bg], Color.parse(names["background"]))
    text = resolve(names[fg], background)
    return contrast(text, background), contrast(in_256_colours(text), in_256_colours(background))


@pytest.mark.parametrize(("what", "fg", "bg"), PAIRS)
def test_the_standard_look_reaches_aa(what: str, fg: str, bg: str) -> None:
    true_colour, palette = ratios(STANDARD_LOOK, fg, bg)
    assert true_colour >= AA and palette >= AA, f"{what}: {true_colour:.2f}:1, in 256 colours {palette:.2f}:1"


@pytest.mark.parametrize(("what", "fg", "bg"), PAIRS)
def test_the_high_contrast_look_names_them_too(what: str, fg: str, bg: str) -> None:
    assert min(ratios(HIGH_CONTRAST_LOOK, fg, bg)) >= AA, what


def test_textual_dark_as_it_was_is_what_the_tester_measured() -> None:
    """The check can fail: Textual's own colours (the standard look before) are below AA."""
    old = {"kiosk-error-text": "#ba3c5b", "kiosk-title-bar": "#0178d4", "kiosk-error-banner": "#ba3c5b"}
    before = replace(STANDARD_LOOK, variables=old)
    measured = {what: round(ratios(before, fg, bg)[1], 2) for what, fg, bg in PAIRS[:3]}
    assert measured == {"an error line under a field": 4.13, "the title bar": 3.61, "the red e-licence banner": 3.45}


@pytest.mark.parametrize(("selector", "declaration"), RULES)
def test_kiosk_tcss_draws_them_with_these_variables(selector: str, declaration: str) -> None:
    tcss = (Path(__file__).parents[2] / "kiosk.tcss").read_text(encoding="utf-8")
    rule = re.search(rf"^{re.escape(selector)} {{([^}}]*)}}", tcss, re.MULTILINE)
    assert rule is not None and declaration in rule.group(1), selector


def test_the_high_contrast_look_keeps_its_own_red_and_blue() -> None:
    names = HIGH_CONTRAST_LOOK.variables
    assert names["kiosk-error-text"] == names["kiosk-error-banner"] == HIGH_CONTRAST_LOOK.error
    assert names["kiosk-title-bar"] == HIGH_CONTRAST_LOOK.primary
