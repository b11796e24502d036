"""Pilot helpers: an app on the test database, and waiting for thread workers to finish."""
from __future__ import annotations

import asyncio
import time

import pytest
import textual._wait
from textual import events
from textual.pilot import Pilot
from textual.worker import WorkerCancelled
from textual.widget import Widget
from textual.widgets import Input, Static

from kiosk.services.env import Env
from kiosk.ui.app import KioskApp, make_app
from kiosk.ui.widgets.field import FormField


# Pilot waits after each click and pause until the process looks idle: under 1 ms of CPU in a
# 20 ms sleep, else up to 1 s. On some virtual machines an idle Textual app (even a minimal
# one) shows 5-10 % CPU, so that never holds and every click waits the full second (a click
# took 2.4 s instead of 0.1 s). 5 ms still tells idle from a working event loop (about 20 ms);
# settle() below waits for the kiosk's own workers explicitly. Textual is pinned (8.2.8).
textual._wait.SLEEP_IDLE = 0.005


@pytest.fixture(autouse=True)
def _submit_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pilot clicks 提交 (预约) a few milliseconds after 下一步: the wizards' guard against a
    repeated Enter (kiosk.ui.submit_guard.SubmitGuard) is off unless a test sets it again."""
    from kiosk.ui.submit_guard import SubmitGuard

    monkeypatch.setattr(SubmitGuard, "SUBMIT_GUARD", 0.0)


@pytest.fixture
def kiosk_app(env: Env) -> KioskApp:
    return make_app(env.settings, env)


async def settle(pilot: Pilot, timeout: float = 15.0) -> None:
    """Let service workers finish and the screen catch up with their results.

    Waits until no worker runs, no screen is busy and no button shows its press effect for three
    pauses in a row (a loaded CI
    machine may take a while to start a worker after a click), bounded by ``timeout``."""
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < 3 and time.monotonic() < deadline:
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:
            # A screen's workers are cancelled when it is removed: the clerk signed out by the
            # worker's own result (an account deactivated meanwhile) ends it that way when the
            # screen goes before the thread returns. The screen is gone; nothing is left to wait for.
            pass
        await pilot.pause(0.02)
        busy = any(getattr(screen, "busy", False) for screen in pilot.app.screen_stack)
        running = any(w.is_running for w in pilot.app.workers)
        # A button ignores clicks for 0.2 s after a press (its "-active" effect); wait that out too.
        pressed = bool(pilot.app.screen.query(".-active"))
        quiet = 0 if (busy or running or pressed) else quiet + 1


async def click_in_view(pilot: Pilot, widget: Widget) -> None:
    """Scroll ``widget`` into view and click it, as a citizen would (a click needs it on screen)."""
    widget.scroll_visible(animate=False)
    await settle(pilot)
    await pilot.click(widget)
    await settle(pilot)


async def press_in_view(pilot: Pilot, button_id: str) -> None:
    """Click the button ``#button_id`` of the screen, scrolled into view first."""
    await click_in_view(pilot, pilot.app.screen.query_one(f"#{button_id}"))


async def choose_option(pilot: Pilot, field: str, value: str) -> None:
    """Click the option ``value`` of a form's choice ``field`` (#choice-<field>), as a citizen would."""
    radio_set = pilot.app.screen.query_one(f"#choice-{field}")
    await click_in_view(pilot, next(b for b in radio_set.query("RadioButton") if b.name == value))


def field_error(app: KioskApp, name: str) -> str:
    return str(app.screen.query_one(f"#field-{name}", FormField).query_one(".field-error", Static).render())


def screen_error(app: KioskApp) -> str:
    return " ".join(str(s.render()) for s in app.screen.query(".screen-error"))


def set_input(app: KioskApp, name: str, value: str) -> None:
    app.screen.query_one(f"#input-{name}", Input).value = value


async def press_enter_in(pilot: Pilot, name: str) -> None:
    """Enter in a field, as a citizen ends typing the SMS code."""
    pilot.app.screen.query_one(f"#input-{name}", Input).focus()
    await pilot.press("enter")


def screen_text(app: KioskApp) -> str:
    """Everything the current screen shows, as plain text (what a citizen would read)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())  # noqa: SLF001


async def ask_for_a_code(pilot: Pilot, id_number: str) -> None:
    """From the start screen: 登录, the ID number, 发送验证码."""
    await pilot.click("#sign-in")
    await settle(pilot)
    set_input(pilot.app, "id_number", id_number)
    await pilot.click("#send-code")
    await settle(pilot)


async def sign_in(pilot: Pilot, env: Env, id_number: str, phone: str) -> None:
    from tests.conftest import last_sms_code

    await ask_for_a_code(pilot, id_number)
    set_input(pilot.app, "code", last_sms_code(env, phone))
    await pilot.click("#submit")
    await settle(pilot)


def driver_tap(app: KioskApp, x: int, y: int, at: float | None = None) -> float:
    """A tap at (x, y) as the terminal driver sends it: a press and a release posted to the app, which
    makes the click. Pilot's ``click`` hands its events to the screen, skipping App.on_event
    (kiosk.ui.pointer.FreshScreenTaps) and App's last-input note. ``at``: the time the driver read
    it (Textual's clock), else now. Returns that time."""
    for cls in (events.MouseDown, events.MouseUp):
        event = cls(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)
        if at is not None:
            event.time = at
        at = event.time
        app.post_message(event)
    assert at is not None
    return at


def _shows_at(app: KioskApp, before: Widget, x: int, y: int) -> bool:
    """Whether a screen other than ``before`` is on top, with a widget of its own at (x, y)."""
    try:
        return app.screen is not before and app.get_widget_at(x, y)[0].screen is app.screen
    except Exception:  # not laid out yet (NoWidget), or no screen on top for a moment
        return False


async def double_tap(pilot: Pilot, x: int, y: int, gap: float = 0.15, new_screen: bool = False) -> None:
    """Two taps ``gap`` seconds apart at (x, y), as a citizen's double-tap reaches the kiosk.

    ``new_screen``: the first opens a screen; the second comes as soon as that screen is on top
    and laid out under the finger (on a slow machine, composing it may take longer than ``gap``)."""
    app = pilot.app
    before = app.screen
    first = driver_tap(app, x, y)
    await asyncio.sleep(gap)
    deadline = time.monotonic() + 10
    while new_screen and not _shows_at(app, before, x, y) and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    # the finger's time, ``gap`` after the first: a loaded CI machine woke this test late from its sleep
    # (past the 0.5 s in which taps are dropped), and the second tap was taken as a new one. With a new
    # screen: at the latest just after it came on top or was drawn (FreshScreenTaps._fresh_since), not
    # when this loop saw it laid out (on a loaded machine more than FRESH later: CI at f20a032)
    driver_tap(app, x, y, at=max(first + gap, app._fresh_since + 0.05) if new_screen else first + gap)
    await settle(pilot)


async def sign_out(pilot: Pilot) -> None:
    """退出登录 in the 业务中心, and 退出登录 again on its question (确定退出登录吗？)."""
    await pilot.click("#sign-out")
    await settle(pilot)
    await pilot.click("#yes")
    await settle(pilot)
