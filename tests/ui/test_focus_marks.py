"""Pilot: at 80x24 (no borders) the focused list, field and button are marked in the accent colour,
as a focused scrolling page is: a bar down a list's or field's left side, a button filled with it."""
from __future__ import annotations

from rich.style import Style
from textual.color import Color

from tests.ui.test_flow_errors import _open
from tests.ui.conftest import screen_text, settle


def _accent(app, style: Style, part: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether the colour ``part`` ("color" or "bgcolor") of ``style`` is (near) the theme's accent."""
    colour = getattr(style, part)
    if colour is None:
        return False
    accent = Color.parse(app.current_theme.accent)
    return all(abs(a - b) < 12 for a, b in zip(colour.get_truecolor(), accent.rgb))


async def test_the_focused_control_is_marked_at_80x24(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["driver_normal"], "licence_replace")
        screen = kiosk_app.screen
        for selector, part in (("#choice-kind", "color"), ("#choice-delivery", "color"),
                               ("#input-address", "color"), ("#back", "bgcolor"), ("#next", "bgcolor")):
            control = screen.query_one(selector)
            control.focus()
            await settle(pilot)
            x, y = control.region.x, control.region.y
            assert _accent(kiosk_app, screen.get_style_at(x, y), part), selector
            screen.set_focus(None)
            await settle(pilot)
            assert not _accent(kiosk_app, screen.get_style_at(x, y), part), selector
        # The bar has a column of its own: the focused list's marks stay whole ("( )", not " )").
        screen.query_one("#choice-kind").focus()
        await settle(pilot)
        assert "█( ) 补领（驾驶证遗失）" in screen_text(kiosk_app)
