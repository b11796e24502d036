"""Pilot: Enter on a choice list with a choice, or on a check box (it ticks it), of a service form
moves on, as Enter in a text field does: to the next field, choice or box shown, and 下一步 after
the last (tester's finding: Enter chose but stayed, and a second Enter on 我已阅读并同意 unticked
it); a box is never a press of 下一步: after the last one the focus goes to 下一步 (tester's
finding: Enter on 我已阅读并同意 ticked it and went on to 请核对以下信息 at once, never showing [X]). On a list with nothing chosen Enter chooses nothing (tests/ui/test_choice_enter_unchosen.py).
Space and a click keep their own behaviour; Enter on the booking wizard's subject list goes on to
下一步 (the step's only other control), with the subject it is on."""
from __future__ import annotations

import pytest
from textual.widgets import ContentSwitcher, RadioSet

from kiosk.ui.screens.flow import ApplicationFlowScreen
from tests.ui.conftest import screen_text, settle
from tests.ui.test_booking_wizard import open_wizard, step
from tests.ui.test_education_flow import _open


def focused_id(app) -> str:  # type: ignore[no-untyped-def]
    return app.focused.id if app.focused is not None else ""


def chosen(app, name: str) -> str:  # type: ignore[no-untyped-def]
    pressed = app.screen.query_one(f"#choice-{name}", RadioSet).pressed_button
    return (pressed.name or "") if pressed else ""


async def press(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def test_enter_chooses_and_moves_on_through_the_form_to_next(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["lorry_driver"], "review_education")
        screen = kiosk_app.screen
        assert isinstance(screen, ApplicationFlowScreen)
        assert focused_id(kiosk_app) == "choice-way" and chosen(kiosk_app, "way") == ""
        await press(pilot, "enter")  # nothing chosen: Enter chooses nothing and says how to choose
        assert chosen(kiosk_app, "way") == "" and focused_id(kiosk_app) == "choice-way"
        assert "方向键" in str(screen.query_one("#error-way").render())
        await press(pilot, "down")  # the first arrow key chooses the option under the bar: 现场教育 (shows 现场教育城市)
        assert chosen(kiosk_app, "way") == "现场教育"
        await press(pilot, "enter")  # a choice made: Enter moves on
        assert focused_id(kiosk_app) == "choice-city"  # on to the field the choice just showed
        city = chosen(kiosk_app, "city")
        await press(pilot, "enter")  # the city stays as chosen; on to the 申报's box (seed 002's order)
        assert chosen(kiosk_app, "city") == city and focused_id(kiosk_app) == "agree-declaration"
        tick = screen.query_one("#agree-declaration")
        await press(pilot, "enter")  # ticks it and moves on, to that city's sessions
        assert tick.value and focused_id(kiosk_app) == "choice-session_0"
        await press(pilot, "enter")  # no session chosen yet: it stays
        assert chosen(kiosk_app, "session_0") == "" and focused_id(kiosk_app) == "choice-session_0"
        tick.focus()
        await press(pilot, "enter")  # a second Enter does not untick it: it goes on again
        assert tick.value and focused_id(kiosk_app) == "choice-session_0"
        await press(pilot, "down", "enter")  # Down chooses one; Enter on the last list is 下一步, as in a text field
        assert chosen(kiosk_app, "session_0") != ""
        assert screen.query_one(ContentSwitcher).current == "step-confirm"


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_enter_on_the_declaration_ticks_it_and_stays_on_the_form(kiosk_app, env, people, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await _open(pilot, env, people["lorry_driver"], "review_education")
        screen = kiosk_app.screen
        await press(pilot, "down", "down")  # 网络教育: the box is the last control
        for _ in range(5):  # the tester's way there: Tab
            if focused_id(kiosk_app) == "agree-declaration":
                break
            await press(pilot, "tab")
        tick = screen.query_one("#agree-declaration")
        await press(pilot, "enter")
        assert tick.value and screen.query_one(ContentSwitcher).current == "step-form"
        assert focused_id(kiosk_app) == "next" and "[X]" in screen_text(kiosk_app)


async def test_space_still_toggles_and_enter_in_the_middle_does_not_submit(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["lorry_driver"], "review_education")
        screen = kiosk_app.screen
        await press(pilot, "down", "down")  # the arrows choose: 现场教育, then 网络教育, which hides the on-site fields
        assert chosen(kiosk_app, "way") == "网络教育" and focused_id(kiosk_app) == "choice-way"
        await press(pilot, "enter")
        assert chosen(kiosk_app, "way") == "网络教育" and focused_id(kiosk_app) == "agree-declaration"
        tick = screen.query_one("#agree-declaration")
        await press(pilot, "space")
        assert tick.value and focused_id(kiosk_app) == "agree-declaration"  # Space ticks and stays
        await press(pilot, "space")
        assert not tick.value  # and unticks
        assert screen.query_one(ContentSwitcher).current == "step-form"


async def test_enter_on_the_booking_subject_list_goes_on_with_that_subject(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_wizard(pilot, env, people["four_fails"])
        radio = kiosk_app.screen.query_one("#subject", RadioSet)
        buttons = list(radio.query("RadioButton"))
        assert kiosk_app.focused is radio and len(buttons) >= 2
        assert radio.pressed_button is None  # two subjects: none chosen at first
        await press(pilot, "down", "down", "enter")  # the first Down chooses 科目二, the second 科目三
        assert step(kiosk_app)[0] == "step-notice"  # as 下一步 does
        await pilot.click("#agree")
        await settle(pilot)
        assert kiosk_app.screen.sessions.subject == int(buttons[1].name)
