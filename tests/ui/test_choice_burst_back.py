"""Pilot: Down Down Up typed at once in a list of choices (tmux send-keys, a fast typist: 考试预约's
subjects, none chosen yet) ends on the first option, as typed slowly. The Up came while the list had
not yet taken in the choices before it (their Changed still queued): the first option still showed
(*), the Up found nothing to choose, and the list ended on the second (kiosk.ui.widgets.choice
chooses at once now, the option it leaves unchosen at once too)."""
from __future__ import annotations

from textual import events
from textual.widgets import RadioSet

from tests.ui.conftest import settle
from tests.ui.test_booking_wizard import open_wizard


def burst(app, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """The keys as the terminal driver hands them to the app, all read before any is handled."""
    for key in keys:
        event = events.Key(key, None)
        event.set_sender(app)
        app.post_message(event)


async def test_down_down_up_at_once_ends_on_the_option_it_says(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_wizard(pilot, env, people["four_fails"])
        radio = kiosk_app.screen.query_one("#subject", RadioSet)
        buttons = list(radio.query("RadioButton"))
        assert kiosk_app.focused is radio and len(buttons) == 2 and radio.pressed_button is None
        burst(kiosk_app, "down", "down", "up")  # the first, the second, the first
        await settle(pilot)
        assert radio.pressed_button is buttons[0] and [b.value for b in buttons] == [True, False]
        burst(kiosk_app, "down", "up", "down")
        await settle(pilot)
        assert radio.pressed_button is buttons[1] and [b.value for b in buttons] == [False, True]
