"""Pilot: a password or PIN is masked with ASCII ``*``, one column per character typed.

Textual masks with •, East-Asian ambiguous width: terminals set up for Chinese draw it two
columns wide, so the mask ran past the field and the cursor stood in the middle of it. Every
password and PIN of the kiosk is a FormField(password=True), whose input masks with *; a full-width
character typed by a Chinese input method (１２３) is one * and one column as well."""
from __future__ import annotations

import ast
from pathlib import Path

from textual.widgets import Input

import kiosk.ui
from kiosk.ui.screens.lock import LockScreen
from tests.ui.conftest import settle
from tests.ui.test_counter import counter_app


def field_line(app, input_id: str) -> str:
    """The text the field shows on screen."""
    field = app.screen.query_one(f"#{input_id}", Input)
    region = field.content_region
    strip = app.screen._compositor.render_strips()[region.y]  # noqa: SLF001
    return strip.crop(region.x, region.right).text


async def test_the_staff_password_and_pin_are_masked_with_asterisks(env):
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"J1001", "enter", *"kiosk-1001")
        await pilot.pause(0.1)
        shown = field_line(app, "input-password")
        assert shown.strip() == "*" * len("kiosk-1001") and "•" not in shown
        await pilot.press("enter")
        await settle(pilot)
        app._last_activity -= env.settings.idle_limit + 1  # noqa: SLF001  the clerk walked away: locked
        await app._idle_tick()  # noqa: SLF001
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        app.screen.query_one("#input-pin", Input).focus()
        await pilot.press(*"100100")
        await pilot.pause(0.1)
        assert field_line(app, "input-pin").strip() == "******"


async def test_full_width_digits_are_one_asterisk_and_one_column_each(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"J1001", "enter", *"１２３", "left")
        await pilot.pause(0.1)
        password = app.screen.query_one("#input-password", Input)
        assert password.value == "１２３"
        assert field_line(app, "input-password").strip() == "***"
        assert password.cursor_screen_offset.x == password.content_region.x + 2  # on the third *


def test_no_other_input_takes_a_password():
    """Every password or PIN field is a FormField(password=True): no Input of its own masks with •."""
    found = []
    for path in Path(kiosk.ui.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and any(k.arg == "password" for k in node.keywords):
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                if name != "FormField" and not (path.name == "field.py" and name == "_LimitedInput"):
                    found.append(f"{path.name}:{node.lineno} {name}")
    assert found == []
