"""Pilot, 100x30 (an elderly citizen by touch): the number pad types only into fields of digits, and
over a number filled in for the citizen rather than after it (tester).

注册 opens with 姓名 focused: 1 and 2 tapped made 姓名 12 (下一步 then said 姓名只能包含汉字), and once a
whole ID number went into it. 满分学习考试's 现场教育天数 (2 filled in) read 21 after a tap on 1 with the
city list focused; 申请新车临时号牌's 有效天数 (30) likewise."""
from __future__ import annotations

from textual.widgets import Input

from kiosk.ui.screens.register import RegisterScreen
from tests.ui.conftest import settle
from tests.ui.test_keypad_steps import tap_digits
from tests.ui.test_vehicle_documents import _open as open_service

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


async def test_the_full_score_days_are_replaced_not_appended(kiosk_app, env, people):
    from tests.ui.test_full_score_flow import _open

    async with kiosk_app.run_test(size=SIZE) as pilot:
        await _open(pilot, env, people["full_score"])
        await settle(pilot)
        on_site, online = _input(kiosk_app, "on_site_days"), _input(kiosk_app, "online_days")
        assert (on_site.value, online.value) == ("2", "3")
        assert kiosk_app.focused is kiosk_app.screen.query_one("#choice-city")
        await tap_digits(pilot, "1")  # the city list focused: into 现场教育天数, over its 2
        assert on_site.value == "1" and kiosk_app.focused is on_site
        await pilot.press("2")  # what the citizen typed is typed after, by key as by tap
        await settle(pilot)
        assert on_site.value == "12"
        await tap_digits(pilot, "del")
        await tap_digits(pilot, "4")
        assert on_site.value == "14"
        # Tab into 网络教育天数: its 3 selected, the first key replaces it
        await pilot.press("tab")
        await settle(pilot)
        assert kiosk_app.focused is online and online.selected_text == "3"
        await pilot.press("5")
        await settle(pilot)
        assert online.value == "5"
        # a value typed is the citizen's: Tab back in, no longer selected, the next digit goes after it
        await pilot.press("shift+tab", "tab")
        await settle(pilot)
        assert kiosk_app.focused is online and online.selected_text == ""
        await tap_digits(pilot, "1")
        assert online.value == "51"


async def test_a_tap_on_the_field_then_on_the_pad_replaces_the_days_filled_in(kiosk_app, env, people):
    """The cursor put into the field by a finger (not selecting) does not make the first tap append."""
    async with kiosk_app.run_test(size=SIZE) as pilot:
        await open_service(pilot, env, people["points_study"], "temp_plate")
        await pilot.pause(0.1)
        days = _input(kiosk_app, "days")
        assert days.value == "30"
        await pilot.click("#input-days")
        await settle(pilot)
        assert kiosk_app.focused is days
        await tap_digits(pilot, "15")
        assert days.value == "15"
