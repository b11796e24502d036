"""Pilot: the exam-booking wizard's done step does what every service's does (DoneButtons):
查看网办进度 opens 网办进度 on the booking just made, 返回业务中心 goes back to the 业务中心."""
from __future__ import annotations

import re

import pytest
from textual.widgets import Static

from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.records import ProgressScreen
from tests.conftest import last_sms_code
from tests.ui.conftest import set_input
from tests.ui.test_booking_small_screen import press, to_confirm
from tests.ui.test_booking_wizard import step


@pytest.mark.parametrize("button", ["to-progress", "home"])
async def test_the_done_steps_buttons_open_the_booking_made_or_the_service_centre(kiosk_app, env, people, button):
    p = people["four_fails"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_confirm(pilot, env, p)
        await press(pilot, "send-code")
        set_input(kiosk_app, "code", last_sms_code(env, p.phone))
        await press(pilot, "submit")
        assert step(kiosk_app)[0] == "step-done"
        said = re.search(r"业务流水号：(\w+)", str(kiosk_app.screen.query_one("#result", Static).render()))
        assert said is not None
        await press(pilot, button)
        screen = kiosk_app.screen
        if button == "home":
            assert isinstance(screen, HomeScreen)
        else:
            assert isinstance(screen, ProgressScreen) and screen.serial == said.group(1)
            assert isinstance(kiosk_app.screen_stack[-2], HomeScreen)  # in the wizard's place
