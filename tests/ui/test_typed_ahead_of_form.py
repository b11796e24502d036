"""Pilot: keys typed while a service's form is still being read (正在读取您的登记信息，请稍候。) reach
its first field, in order (kiosk.ui.key_order). A citizen who pressed Enter on 变更驾驶证联系方式
and typed the new number at once lost its first digits (or all of them): the form had no field yet,
and the keys typed before it opened went to the 业务中心's tile."""
from __future__ import annotations

import asyncio
import threading
import time

from textual import events

from kiosk.services import applications as apps
from kiosk.ui.screens.flow import ApplicationFlowScreen
from kiosk.ui.screens.home import HomeScreen
from tests.ui.conftest import settle, sign_in

NUMBER = "13900001111"


def _key(app, key: str) -> None:  # type: ignore[no-untyped-def]
    """A key as the terminal driver hands it to the app (Pilot's press waits for the app)."""
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app.post_message(event)


async def _on_tile(pilot, env, people) -> None:  # type: ignore[no-untyped-def]
    p = people["driver_normal"]
    await sign_in(pilot, env, p.id_number, p.phone)
    pilot.app.screen.query_one("#menu-licence_contact").focus()
    await settle(pilot)


def _slow_prepare(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The form's read takes 0.8 s (a busy database): the keys come meanwhile."""
    prepare = apps.prepare

    def slowly(*args):  # type: ignore[no-untyped-def]
        time.sleep(0.8)
        return prepare(*args)

    monkeypatch.setattr(apps, "prepare", slowly)


def _typed(app) -> None:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, ApplicationFlowScreen) and screen.service.title == "变更驾驶证联系方式"
    phone = screen.query_one("#input-phone")
    assert phone.value == NUMBER and app.focused is phone


async def test_a_number_typed_in_one_burst_with_the_enter_that_opens_the_form(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _on_tile(pilot, env, people)
        for key in ["enter", *NUMBER]:
            _key(kiosk_app, key)
        await settle(pilot)
        _typed(kiosk_app)


async def test_keys_typed_while_the_form_is_read_go_into_its_first_field(kiosk_app, env, people, monkeypatch):
    _slow_prepare(monkeypatch)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _on_tile(pilot, env, people)
        loop = asyncio.get_running_loop()

        def typist() -> None:  # keys 50 ms apart, from the terminal's thread, as a fast typist's
            for key in ["enter", *NUMBER, "backspace", "1"]:
                loop.call_soon_threadsafe(_key, kiosk_app, key)
                time.sleep(0.05)

        await asyncio.to_thread(typist)
        await settle(pilot)
        _typed(kiosk_app)


async def test_escape_while_the_form_is_read_goes_back_once_it_is_there(kiosk_app, env, people, monkeypatch):
    """The screen does not go back while it reads (it said 正在办理，请稍候。 and Escape was lost).
    The read waits until the test lets it go (a fixed 0.8 s read raced the test's own pauses on a
    loaded CI machine: the screen had not even opened 0.6 s after Enter)."""
    prepare, reading, let_go = apps.prepare, threading.Event(), threading.Event()

    def held(*args):  # type: ignore[no-untyped-def]
        reading.set()
        let_go.wait(30)  # never for ever, should the test fail before it lets go
        return prepare(*args)

    monkeypatch.setattr(apps, "prepare", held)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _on_tile(pilot, env, people)
        _key(kiosk_app, "enter")
        for _ in range(300):  # the form's screen opens and starts its read
            await pilot.pause(0.05)
            if isinstance(kiosk_app.screen, ApplicationFlowScreen) and reading.is_set():
                break
        assert isinstance(kiosk_app.screen, ApplicationFlowScreen) and reading.is_set()
        _key(kiosk_app, "escape")  # while the form is still being read
        await pilot.pause(0.3)
        assert isinstance(kiosk_app.screen, ApplicationFlowScreen)  # not gone back meanwhile
        let_go.set()
        await settle(pilot)
        for _ in range(100):  # once the form is there, the Escape held takes the citizen back
            if isinstance(kiosk_app.screen, HomeScreen):
                break
            await pilot.pause(0.05)
        assert isinstance(kiosk_app.screen, HomeScreen)


async def test_a_form_whose_read_fails_unexpectedly_still_takes_keys(kiosk_app, env, people, monkeypatch):
    """The read raising what no service says (a database gone, a bug): the screen shows the general
    error, and its keys are no longer held for a form that never comes; Escape goes back."""
    def broken(*_args):  # type: ignore[no-untyped-def]
        raise RuntimeError("database gone")

    monkeypatch.setattr(apps, "prepare", broken)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _on_tile(pilot, env, people)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ApplicationFlowScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)


async def test_keys_typed_while_exam_booking_reads_reach_its_subjects(kiosk_app, env, people, monkeypatch):
    """考试预约 read for 0.8 s: a Down typed meanwhile moved nothing. The held keys were handed on
    before the focus, which waited for a refresh, reached the subjects: they went to 返回."""
    from textual.widgets import RadioSet

    from kiosk.ui.screens.booking import wizard

    load = wizard.load

    def slowly(*args):  # type: ignore[no-untyped-def]
        time.sleep(0.8)
        return load(*args)

    monkeypatch.setattr(wizard, "load", slowly)
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        kiosk_app.screen.query_one("#menu-exam_booking").focus()
        await settle(pilot)
        loop = asyncio.get_running_loop()

        def typist() -> None:
            for key in ["enter", "down"]:
                loop.call_soon_threadsafe(_key, kiosk_app, key)
                time.sleep(0.3)

        await asyncio.to_thread(typist)
        await settle(pilot)
        subjects = kiosk_app.screen.query_one("#subject", RadioSet)
        assert isinstance(kiosk_app.screen, wizard.BookingWizardScreen) and kiosk_app.focused is subjects
        assert subjects._selected == 0  # the Down, as on the list already there
