"""Pilot: in the standard theme the focused button is filled with the accent colour at every size,
not only at 80x24.

Tester's finding: at 120x40 the focused 登录 showed only as its label reversed on the button's own
colour, and a focused plain button as grey 235 on 234: an elderly citizen could not see where the
focus was. At 80x24 (and in the high-contrast theme) it was an orange fill. The standard theme's
warning colour is that same orange: a warning button is not filled with it unfocused, so the only
orange button is the focused one."""
from __future__ import annotations

import math

import pytest
from textual.app import App
from textual.color import Color
from textual.widgets import Button

from kiosk.ui.app import KioskApp, make_app
from kiosk.ui.theme import STANDARD_LOOK, STANDARD_THEME
from tests.ui.conftest import settle
from tests.ui.test_booking_wizard import to_sessions
from tests.ui.test_choice_marks import contrast
from tests.ui.test_theme_switch import at, colour_at

VARIANTS = ("default", "primary", "success", "warning", "error")


def near(a: Color, b: Color) -> bool:
    """The same colour but for Textual's 5 % focus tint."""
    return all(abs(x - y) < 12 for x, y in zip(a.rgb, b.rgb))


def far(a: Color, b: Color) -> bool:
    return math.dist(a.rgb, b.rgb) > 100


def label_look(app: App, button: Button) -> tuple[Color, Color]:
    """(text colour, background) of the first character of the button's label on screen."""
    region = button.region
    middle = region.y + region.height // 2
    fg, bg, _dim = colour_at(app, at(app, middle, str(button.label)[0], region.x), middle)  # type: ignore[arg-type]
    return fg, bg


def fill(app: App, button: Button) -> Color:
    """The background at the button's left edge, on its label's row (its fill, not the label's)."""
    region = button.region
    return colour_at(app, region.x + 1, region.y + region.height // 2)[1]  # type: ignore[arg-type]


class Buttons(App):
    CSS_PATH = KioskApp.CSS_PATH

    def __init__(self) -> None:
        super().__init__()
        self.register_theme(STANDARD_LOOK)  # as KioskApp: kiosk.tcss names its variables
        self.theme = STANDARD_THEME

    def compose(self):  # type: ignore[no-untyped-def]
        for variant in VARIANTS:
            yield Button(f"{variant} 按钮", id=variant, variant=variant)


async def test_at_120x40_the_focused_button_is_filled_with_the_accent_whatever_its_variant():
    app = Buttons()
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.theme == STANDARD_THEME
        accent = Color.parse(app.current_theme.accent)  # type: ignore[arg-type]
        app.set_focus(None)
        await pilot.pause()
        unfocused = {v: fill(app, app.query_one(f"#{v}", Button)) for v in VARIANTS}
        for variant in VARIANTS:
            button = app.query_one(f"#{variant}", Button)
            button.focus()
            await pilot.pause()
            fg, bg = label_look(app, button)
            assert near(bg, accent) and near(fill(app, button), accent), variant  # the whole button
            assert contrast(fg, bg) >= 7, (variant, fg, bg)  # its label readable on it
            for other, background in unfocused.items():  # no unfocused button looks like it
                assert far(background, accent), (variant, other, background)


async def test_the_start_screen_at_120x40_shows_where_the_focus_is(env):
    app = make_app(env.settings, env)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        accent = Color.parse(app.current_theme.accent)  # type: ignore[arg-type]
        sign_in, register = app.screen.query_one("#sign-in", Button), app.screen.query_one("#register", Button)
        assert app.focused is sign_in
        assert near(label_look(app, sign_in)[1], accent) and far(label_look(app, register)[1], accent)
        await pilot.press("right")
        await pilot.pause()
        assert app.focused is register
        assert near(label_look(app, register)[1], accent) and far(label_look(app, sign_in)[1], accent)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_priority_link_is_not_orange_unless_focused(kiosk_app, env, people, size):
    """考试预约 选择场次 (王芳): 切换至优先预约, a warning button, beside the focused 查询 (at 80x24 it
    already was so: the 120x40 rule for warning buttons must leave the one-line buttons be)."""
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        link, query = kiosk_app.screen.query_one("#to-priority", Button), kiosk_app.screen.query_one("#query", Button)
        accent = Color.parse(kiosk_app.current_theme.accent)  # type: ignore[arg-type]
        query.focus()
        link.scroll_visible(animate=False)
        await settle(pilot)
        assert near(label_look(kiosk_app, query)[1], accent)
        assert far(label_look(kiosk_app, link)[1], accent)
        link.focus()
        await settle(pilot)
        assert near(label_look(kiosk_app, link)[1], accent)  # its label on the fill (not under a border)
