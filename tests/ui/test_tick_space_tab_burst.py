"""Pilot: Space then Tab typed at once on a tick box (审验教育's 我已阅读并同意) ticks it, and Tab moves on.
The box's Space acted only once the key had passed up to the app, on whatever Tab (read at once,
kiosk.ui.bindings) had focused by then: the box stayed [ ] and 下一步 said it must be ticked."""
from __future__ import annotations

from textual import events

from tests.ui.conftest import settle
from tests.ui.test_education_flow import _open


def burst(app, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """The keys as the terminal driver hands them to the app, all read before any is handled."""
    for key in keys:
        event = events.Key(key, " " if key == "space" else None)
        event.set_sender(app)
        app.post_message(event)


async def test_space_then_tab_ticks_the_box_and_moves_on(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["lorry_driver"], "review_education")
        tick = kiosk_app.screen.query_one("#agree-declaration")
        tick.focus()
        await settle(pilot)
        burst(kiosk_app, "space", "tab")
        await settle(pilot)
        assert tick.value and kiosk_app.focused is not tick
        burst(kiosk_app, "shift+tab", "space", "shift+tab")  # back on it, Space unticks, Shift+Tab on
        await settle(pilot)
        assert not tick.value and kiosk_app.focused is not tick
