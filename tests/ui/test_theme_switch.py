"""Pilot: the high-contrast look (高对比度). A hall sets it for a terminal (Settings.theme, from
--theme or KIOSK_THEME); a citizen switches it for their own visit with the button on the start
screen; when the visit ends (退出登录, the idle time, or the idle time on the start screen after only
switching) the terminal's own look comes back for the next citizen. Under it a focused button is a
yellow block with its label readable at 120x40 and at 80x24, a disabled one is not faded, and no
text is drawn dim."""
from __future__ import annotations

import time

import pytest
from rich.cells import cell_len
from textual.color import Color
from textual.widgets import Button

from kiosk.config import HIGH_CONTRAST, STANDARD
from kiosk.ui.app import KioskApp, make_app
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from kiosk.ui.theme import HIGH_CONTRAST_THEME, STANDARD_THEME
from kiosk.ui.widgets.stepbar import StepBar
from tests.ui.conftest import settle, sign_in

BLACK, WHITE = Color(0, 0, 0), Color(255, 255, 255)


def look_button(app: KioskApp) -> Button:
    return app.screen.query_one("#look", Button)


async def idle_out(pilot) -> None:  # type: ignore[no-untyped-def]
    """Nobody touched the terminal for its whole idle time."""
    app = pilot.app
    app._last_activity = time.monotonic() - app.settings.idle_limit - 1
    await app._idle_tick()
    await settle(pilot)


def row(app: KioskApp, y: int) -> str:
    return app.screen._compositor.render_strips()[y].text  # noqa: SLF001


def at(app: KioskApp, y: int, text: str, from_x: int = 0) -> int:
    """The cell where ``text`` starts on row ``y`` (at or after cell ``from_x``); CJK takes 2 cells."""
    line = row(app, y)
    for i in range(len(line)):
        if cell_len(line[:i]) >= from_x and line.startswith(text, i):
            return cell_len(line[:i])
    raise AssertionError(f"{text!r} not on row {y}: {line!r}")


def near(a: Color, b: Color) -> bool:
    return all(abs(x - y) <= 2 for x, y in zip(a.rgb, b.rgb))


def colour_at(app: KioskApp, x: int, y: int) -> tuple[Color, Color, bool]:
    """(text colour, background, dim) of the cell as drawn."""
    style = app.screen.get_style_at(x, y)
    return Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor), bool(style.dim)


async def test_a_citizen_switches_for_their_visit_and_signing_out_brings_the_terminals_look_back(
        kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        assert kiosk_app.settings.theme == STANDARD and kiosk_app.theme == STANDARD_THEME
        assert str(look_button(kiosk_app).label) == "高对比度显示"
        look_button(kiosk_app).press()
        await settle(pilot)
        assert kiosk_app.theme == HIGH_CONTRAST_THEME and kiosk_app.look == HIGH_CONTRAST
        assert str(look_button(kiosk_app).label) == "标准显示"  # the same button takes it back
        x, y = kiosk_app.screen.query_one("#welcome-title").region.offset
        assert colour_at(kiosk_app, x + 1, y + 1)[1] == BLACK
        await sign_in(pilot, env, p.id_number, p.phone)
        assert isinstance(kiosk_app.screen, HomeScreen)
        assert kiosk_app.theme == HIGH_CONTRAST_THEME  # it stays for the whole visit
        await kiosk_app.end_session("已退出登录，欢迎再次使用。")  # what 退出登录 does
        await settle(pilot)
        assert isinstance(kiosk_app.screen, WelcomeScreen)
        assert kiosk_app.theme == STANDARD_THEME
        assert str(look_button(kiosk_app).label) == "高对比度显示"


async def test_the_idle_timeout_ends_the_visit_and_its_look(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        look_button(kiosk_app).press()
        await settle(pilot)
        await sign_in(pilot, env, p.id_number, p.phone)
        await idle_out(pilot)
        assert isinstance(kiosk_app.screen, WelcomeScreen) and kiosk_app.citizen is None
        assert kiosk_app.theme == STANDARD_THEME


async def test_a_terminal_set_to_high_contrast_comes_back_to_it_after_a_citizen_switched_on_the_start_screen(env):
    env.settings.theme = HIGH_CONTRAST
    app = make_app(env.settings, env)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.theme == HIGH_CONTRAST_THEME
        assert str(look_button(app).label) == "标准显示"
        look_button(app).focus()
        look_button(app).press()
        await settle(pilot)
        assert app.theme == STANDARD_THEME and app.focused is look_button(app)
        app._last_activity = time.monotonic() - 5  # a few seconds: the citizen is still there
        await app._idle_tick()
        assert app.theme == STANDARD_THEME
        await idle_out(pilot)  # walked away without signing in: no session, but the look goes back
        assert app.theme == HIGH_CONTRAST_THEME
        assert str(look_button(app).label) == "标准显示"
        assert isinstance(app.screen, WelcomeScreen)
        # the next citizen's Enter is for 登录 (it switched the look back again: tester)
        assert app.focused is app.screen.query_one("#sign-in")


async def test_a_counter_terminal_takes_the_option_too(env):
    env.settings.theme, env.settings.counter = HIGH_CONTRAST, True
    app = make_app(env.settings, env)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == HIGH_CONTRAST_THEME
        assert not app.screen.query("#look")  # a clerk's terminal: the hall's choice only


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_focused_button_is_a_yellow_block_with_its_label_readable(env, size):
    env.settings.theme = HIGH_CONTRAST
    app = make_app(env.settings, env)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        sign_in_button = app.screen.query_one("#sign-in", Button)
        assert app.focused is sign_in_button
        region = sign_in_button.region
        middle = region.y + region.height // 2
        assert at(app, middle, "登录", region.x) < region.right  # not covered by a border (80x24)
        fg, bg, dim = colour_at(app, at(app, middle, "登录"), middle)
        assert near(bg, Color.parse("#ffff00")) and fg == BLACK and not dim


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_disabled_button_is_readable_not_faded(env, people, size):
    """重新发送（58秒）after a code went out: grey text at full strength, its label not covered."""
    env.settings.theme = HIGH_CONTRAST
    app = make_app(env.settings, env)
    p = people["driver_normal"]
    async with app.run_test(size=size) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        app.screen.query_one("#input-id_number").value = p.id_number
        app.screen.query_one("#send-code", Button).press()
        await settle(pilot)
        resend = app.screen.query_one("#send-code", Button)
        assert resend.disabled
        region = resend.region
        middle = region.y + region.height // 2
        x = at(app, middle, "重新发送", region.x)
        assert x < region.right
        fg, bg, dim = colour_at(app, x, middle)
        assert fg == Color.parse("#bcbcbc") and bg == BLACK and not dim  # opacity 100 %: not 70 % of it


async def test_no_text_is_drawn_dim_the_steps_to_come_are_white(env):
    """The step bar draws the steps still to come "dim": Textual would turn that into grey."""
    env.settings.theme = HIGH_CONTRAST
    app = make_app(env.settings, env)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        bar = app.screen.query_one(StepBar)
        fg, _bg, dim = colour_at(app, at(app, bar.region.y, "2.人脸识别"), bar.region.y)
        assert fg == WHITE and not dim
