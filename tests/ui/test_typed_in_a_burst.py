"""Pilot: keys that reach the kiosk in one burst (a fast typist, a card reader, tmux send-keys) all
land in the field, in order (tester: Backspace x10 then 2026-12-07 typed at once in 开始日期 left
202 or 2026). Textual runs an Input's Backspace, Delete and arrow keys as bindings only once the key
has bubbled back up to the app, through a queue per widget, while the characters typed after it
are inserted by the Input at once: the Backspaces then erased what was typed after them."""
from __future__ import annotations

import unicodedata

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from tests.ui.conftest import settle
from tests.ui.test_booking_wizard import to_sessions
from tests.ui.test_counter import counter_app


async def burst(pilot: Pilot, *keys: str) -> None:
    """``keys`` sent as the terminal driver sends what it reads (Pilot.press waits for the app to
    be idle after each key, so it never sees this): one after the other, no wait between them."""
    driver = pilot.app._driver  # noqa: SLF001
    assert driver is not None
    for key in keys:
        char = key if len(key) == 1 else unicodedata.lookup("DELETE") if key == "backspace" else None
        name = {"-": "minus"}.get(key, key)
        event = events.Key(name, char)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await settle(pilot)


async def test_backspaces_then_a_date_typed_at_once_in_the_session_step(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)  # 陈晨: C1, 科目二
        for name in ("date_from", "date_to"):
            field = kiosk_app.screen.query_one(f"#input-{name}", Input)
            field.focus()
            await settle(pilot)
            assert len(field.value) == 10 and field.cursor_position == 10
            await burst(pilot, *["backspace"] * 10, *"2026-12-07")
            assert field.value == "2026-12-07"


async def test_an_id_number_typed_at_once_after_backspaces_at_sign_in(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        field = kiosk_app.screen.query_one("#input-id_number", Input)
        field.focus()
        await burst(pilot, *"500105")
        await burst(pilot, *["backspace"] * 20, *people["k2_ready"].id_number, "left", "left", "backspace", "9")
        assert field.value == people["k2_ready"].id_number[:15] + "963"


async def test_tab_typed_at_once_between_two_fields_moves_before_what_follows(env):
    """Tab and Shift+Tab move the focus as the app reads them (priority bindings): as a screen
    binding, the Tab waited in the staff-number field's queue and 'kiosk-1003' went in after J1003."""
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        staff_no = app.screen.query_one("#input-staff_no", Input)
        staff_no.focus()
        await settle(pilot)
        await burst(pilot, *"J1003", "tab", *"kiosk-1003", "shift+tab", *"9")
        assert staff_no.value == "J10039"
        assert app.screen.query_one("#input-password", Input).value == "kiosk-1003"
        assert app.focused is staff_no
