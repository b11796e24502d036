"""Pilot: the 窗口工作台's first line (who is signed in, their roles, 本终端) keeps 本终端 with the
terminal id: at 80x24 an admin's roles left 「本终端：」 ending the line and 「counter-2」 alone on the
next; now 本终端：counter-2 begins the next line. At 120x40 it is all one line."""
from __future__ import annotations

import dataclasses

import pytest
from textual.widgets import Static

from kiosk.ui.screens.staff_home import StaffHomeScreen
from tests.ui.conftest import screen_text, settle
from tests.ui.test_counter import _sign_in, counter_app


def info_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    info = app.screen.query_one("#staff-info", Static)
    text = screen_text(app).splitlines()
    return [line.strip() for line in text[info.region.y:info.region.bottom]]


@pytest.mark.parametrize("staff_no, password", [("A0001", "kiosk-0001"), ("J1001", "kiosk-1001")])
async def test_the_terminal_id_stays_with_its_label(env, staff_no, password):
    env = dataclasses.replace(env, settings=dataclasses.replace(env.settings, terminal_id="counter-2"))
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app, staff_no, password)
        assert isinstance(app.screen, StaffHomeScreen)
        await settle(pilot)
        lines = info_lines(app)
        assert any(line.endswith("本终端：counter-2") for line in lines), lines
        assert not any(line.endswith("本终端：") for line in lines)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        (line,) = info_lines(app)
        assert line.endswith("本终端：counter-2") and "角色：" in line
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert any(line.endswith("本终端：counter-2") for line in info_lines(app))
