"""Pilot: Enter then Tab typed at once on a 业务中心 tile (a fast typist, tmux send-keys) opens the
tile Enter was typed on. The tile's own Enter acted only once the key had passed up to the app, on
the tile Tab (read at once, kiosk.ui.bindings) had moved to by then: the next service opened."""
from __future__ import annotations

from textual import events

from kiosk.ui.screens.flow import ApplicationFlowScreen
from tests.ui.conftest import settle, sign_in


def burst(app, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """The keys as the terminal driver hands them to the app, all read before any is handled."""
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app.post_message(event)


async def test_enter_then_tab_opens_the_tile_enter_was_typed_on(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        kiosk_app.screen.query_one("#menu-licence_contact").focus()
        await settle(pilot)
        burst(kiosk_app, "enter", "tab")
        await settle(pilot)
        screen = kiosk_app.screen
        assert isinstance(screen, ApplicationFlowScreen) and screen.service.title == "变更驾驶证联系方式"


async def test_enter_on_a_tile_still_opens_it(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        kiosk_app.screen.query_one("#menu-licence_contact").focus()
        await pilot.press("down", "enter")
        await settle(pilot)
        assert type(kiosk_app.screen).__name__ == "FeeScreen"  # the tile below: 考试费缴纳
