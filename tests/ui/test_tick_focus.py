"""A focused check box (Tick: 我已阅读并同意, the counter's 角色 boxes) has its label filled with the accent
colour, as a focused button and a focused list's cursor row: Textual's own block cursor is the blue of
a primary button (tester at 80x24: the 角色 boxes read as 返回业务中心's colour)."""
from __future__ import annotations

import pytest
from textual.color import Color
from textual.screen import Screen

from kiosk.ui.widgets.choice import Tick


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_focused_tick_is_filled_with_the_accent(kiosk_app, size) -> None:
    async with kiosk_app.run_test(size=size) as pilot:
        screen = Screen()
        await kiosk_app.push_screen(screen)
        ticks = [Tick("管理员"), Tick("窗口")]
        await screen.mount_all(ticks)
        ticks[0].focus()
        await pilot.pause()
        accent = Color.parse(kiosk_app.get_css_variables()["accent"]).rich_color
        focused = ticks[0].get_component_rich_style("toggle--label")
        assert focused.bgcolor == accent
        assert ticks[1].get_component_rich_style("toggle--label").bgcolor != accent  # only the focused one
