"""Pilot: at 80x24 the focused button is the only button filled with a colour, whatever its variant.

A focused button is filled with the accent colour; a "warning" button (切换至优先预约, 窗口取消所选预约,
安排考试并公布结果) was filled with almost the same orange with the same black bold text, so it looked
focused when it was not. Unfocused, a button of a colour (primary, success, warning, error) is now
drawn as bold underlined text in its colour on the plain button background."""
from __future__ import annotations

import math

from textual.app import App
from textual.color import Color
from textual.widgets import Button

from kiosk.ui.app import KioskApp
from kiosk.ui.theme import STANDARD_LOOK, STANDARD_THEME
from tests.ui.conftest import settle
from tests.ui.test_booking_wizard import to_sessions

VARIANTS = ("default", "primary", "success", "warning", "error")  # every variant= in kiosk/ui


def look(app, button: Button) -> tuple[tuple[int, int, int], bool]:
    """(background, underlined) of the button's label on screen."""
    region = button.region
    style = app.screen.get_style_at(region.x + region.width // 2, region.y)
    return style.bgcolor.get_truecolor()[:3], bool(style.underline)


def far(a, b) -> bool:
    return math.dist(a, b) > 100


def near(a, b) -> bool:
    """The same colour but for Textual's 5 % focus tint."""
    return all(abs(x - y) < 12 for x, y in zip(a, b))


class Buttons(App):
    CSS_PATH = KioskApp.CSS_PATH

    def __init__(self) -> None:
        super().__init__()
        self.register_theme(STANDARD_LOOK)  # as KioskApp: kiosk.tcss names its variables
        self.theme = STANDARD_THEME

    def compose(self):
        for variant in VARIANTS:
            yield Button(f"{variant} 按钮", id=variant, variant=variant)

    def on_mount(self) -> None:
        self.add_class("-narrow")


async def test_only_the_focused_button_is_filled_whatever_its_variant():
    app = Buttons()
    async with app.run_test(size=(80, 24)) as pilot:
        accent = Color.parse(app.current_theme.accent).rgb
        app.set_focus(None)
        await pilot.pause()
        unfocused = {v: look(app, app.query_one(f"#{v}", Button)) for v in VARIANTS}
        plain_background = unfocused["default"][0]
        for variant in VARIANTS:
            button = app.query_one(f"#{variant}", Button)
            button.focus()
            await pilot.pause()
            background, underlined = look(app, button)
            assert near(background, accent) and not underlined, variant  # the focus: an accent fill
            for other, (other_background, _) in unfocused.items():  # no unfocused button looks like it
                assert far(other_background, background), (variant, other)
        for variant, (background, underlined) in unfocused.items():
            assert background == plain_background, variant  # no other button is filled with a colour
            assert underlined == (variant != "default"), variant  # a colour's button: underlined


async def test_the_priority_link_does_not_look_focused_at_80x24(kiosk_app, env, people):
    """考试预约 选择场次 (王芳, priority-eligible): 切换至优先预约 beside the focused 查询."""
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        link, query = kiosk_app.screen.query_one("#to-priority", Button), kiosk_app.screen.query_one("#query", Button)
        assert link.display and link.variant == "warning"
        accent = Color.parse(kiosk_app.current_theme.accent).rgb
        query.focus()
        link.scroll_visible(animate=False)
        await settle(pilot)
        assert near(look(kiosk_app, query)[0], accent)
        assert far(look(kiosk_app, link)[0], accent) and look(kiosk_app, link)[1]
        link.focus()
        await settle(pilot)
        assert near(look(kiosk_app, link)[0], accent) and not look(kiosk_app, link)[1]
