"""Pilot, 100x30 (an elderly citizen by touch): the number pad types only into fields of digits (tester).

注册 opens with 姓名 focused: 1 and 2 tapped made 姓名 12 (下一步 then said 姓名只能包含汉字), and once a
whole ID number went into it."""
from __future__ import annotations

from textual.widgets import Input

from kiosk.ui.screens.register import RegisterScreen
from tests.ui.conftest import settle
from tests.ui.test_keypad_steps import tap_digits

SIZE = (100, 30)


def _input(app, name: str) -> Input:  # type: ignore[no-untyped-def]
    return app.screen.query_one(f"#input-{name}", Input)


async def test_a_tap_with_the_name_focused_goes_into_the_id_number(kiosk_app, env, people):
    p = people["new_user"]
    async with kiosk_app.run_test(size=SIZE) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, RegisterScreen)
        name, id_number = _input(kiosk_app, "name"), _input(kiosk_app, "id_number")
        assert kiosk_app.focused is name
        await tap_digits(pilot, "12")
        assert name.value == "" and id_number.value == "12" and kiosk_app.focused is id_number
        await tap_digits(pilot, "del")
        await tap_digits(pilot, "del")
        # a name typed, a tap on 身份证号码 lost: the ID number tapped still goes into its field, X too
        name.focus()
        await settle(pilot)
        await pilot.press(*p.name)
        await tap_digits(pilot, "50010719860727195X")
        assert name.value == p.name and id_number.value == "50010719860727195X"
        assert kiosk_app.focused is id_number
