"""Pilot: on the start screen Down from 登录/注册 reaches 高对比度显示 under them and Up comes back
to the one it left (tester's finding: Down/Up did nothing; only Tab reached 高对比度显示)."""
from __future__ import annotations

import pytest

from tests.ui.conftest import settle


def focused_id(app) -> str | None:  # type: ignore[no-untyped-def]
    return app.focused.id if app.focused is not None else None


async def keys(pilot, *names: str) -> None:  # type: ignore[no-untyped-def]
    for name in names:
        await pilot.press(name)
        await settle(pilot)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_down_reaches_the_look_button_and_up_comes_back(kiosk_app, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await settle(pilot)
        assert focused_id(kiosk_app) == "sign-in"
        await keys(pilot, "up")  # nothing above: it stays
        assert focused_id(kiosk_app) == "sign-in"
        await keys(pilot, "down")
        assert focused_id(kiosk_app) == "look"
        await keys(pilot, "down")  # nothing below: it stays
        assert focused_id(kiosk_app) == "look"
        await keys(pilot, "up")
        assert focused_id(kiosk_app) == "sign-in"
        await keys(pilot, "right", "down")
        assert focused_id(kiosk_app) == "look"
        await keys(pilot, "up")  # back to the button it came from
        assert focused_id(kiosk_app) == "register"


async def test_enter_on_the_look_button_reached_by_down_switches_the_look(kiosk_app):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = str(kiosk_app.screen.query_one("#look").label)
        await keys(pilot, "down", "enter")
        assert str(kiosk_app.screen.query_one("#look").label) != before
        assert focused_id(kiosk_app) == "look"
