"""Pilot: the 业务中心 takes the terminal's size when it comes back (tester's finding 4).

Resized from 80x24 to 120x40 while a service screen was open, the menu came back with the 80x24
layout (3 columns of 1-row buttons) and lost, every second, the character across column 80.
The same the other way round."""
from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import Button, Static

from kiosk.ui import cjk_compositor
from tests.ui.conftest import screen_text, settle, sign_in
from tests.ui.test_cjk_overlay import _terminal

SMALL, LARGE = (80, 24), (120, 40)


def row_of(app, button_id: str) -> tuple[int, int]:
    """The button's (top row, height) on screen."""
    region = app.screen.query_one(f"#{button_id}", Button).region
    return region.y, region.height


async def open_progress_resize_and_come_back(pilot, before, after) -> None:
    await pilot.resize_terminal(*before)
    await settle(pilot)
    pilot.app.screen.query_one("#menu-progress", Button).press()
    await settle(pilot)
    await pilot.resize_terminal(*after)
    await settle(pilot)
    pilot.app.screen.query_one("#back", Button).press()
    await settle(pilot)
    await pilot.pause(0.2)


async def test_the_menu_comes_back_in_the_layout_of_the_new_size(kiosk_app, env, people):
    p = people["violation"]
    async with kiosk_app.run_test(size=SMALL) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await open_progress_resize_and_come_back(pilot, SMALL, LARGE)
        # wide: 4 buttons to a line, as on a menu opened at that size (the button style that fits
        # 120x40 for this citizen: 2 rows each, its label over its lower edge, kiosk.ui.widgets.menu_grid)
        first, fourth = row_of(kiosk_app, "menu-licence_replace"), row_of(kiosk_app, "menu-licence_delay_review")
        assert first == fourth and first[1] == 2
        assert row_of(kiosk_app, "menu-licence_contact")[0] == first[0] + first[1]
        assert "请选择要办理的业务：" in screen_text(kiosk_app)  # one line, whole
        await open_progress_resize_and_come_back(pilot, LARGE, SMALL)
        # narrow: 3 buttons of 1 row to a line
        first, third = row_of(kiosk_app, "menu-licence_replace"), row_of(kiosk_app, "menu-licence_delay_medical")
        assert first == third and first[1] == 1
        assert row_of(kiosk_app, "menu-licence_delay_review")[0] == first[0] + 1


class Greeting(App):
    def compose(self) -> ComposeResult:
        yield Static("您好，赵磊。身份证号码 5001**********0837，绑定手机 139****0083。请选择要办理的业务：")


async def test_a_partial_update_never_cuts_a_chinese_character():
    """The screen under the current one passes up its dirty regions measured at its old size: a
    region ending at column 80 used to cut 的 (columns 79-80) into spaces."""
    assert cjk_compositor.apply()
    app = Greeting()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        compositor = app.screen._compositor
        text = next(strip.text for strip in compositor.render_strips())
        assert cell_len(text[:text.index("的")]) == 77  # 的 takes columns 77 and 78: an edge at 78 cuts it
        compositor._dirty_regions.add(Region(0, 0, 78, 1))
        partial = _terminal(compositor.render_partial_update().render_segments(Console()))
        assert "请选择要办理的业务：" in partial.splitlines()[0]
