"""Pilot: the standard look draws the title bar and an error line under a field in the colours its
theme gives them for WCAG AA (kiosk.ui.theme.STANDARD_LOOK, tests/unit/test_standard_contrast.py):
kiosk.tcss wins over the widgets' own CSS ($primary, $error)."""
from __future__ import annotations

from textual.color import Color
from textual.widgets import Static

from kiosk.ui.theme import STANDARD_LOOK, STANDARD_THEME
from tests.ui.conftest import set_input, settle


def near(a: Color, b: Color) -> bool:
    return all(abs(x - y) <= 2 for x, y in zip(a.rgb, b.rgb))


async def test_title_bar_and_error_line_in_the_standard_look(kiosk_app):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        assert kiosk_app.theme == STANDARD_THEME
        set_input(kiosk_app, "id_number", "1101081967113018")
        await pilot.click("#send-code")
        await settle(pilot)
        header = kiosk_app.screen.query_one("KioskHeader")
        error = kiosk_app.screen.query_one("#field-id_number .field-error", Static)
        assert "18位" in str(error.render())
        assert near(header.styles.background, Color.parse(STANDARD_LOOK.variables["kiosk-title-bar"]))
        assert near(error.styles.color, Color.parse(STANDARD_LOOK.variables["kiosk-error-text"]))
