"""Pilot: in a radio list the arrow keys choose the option moved to, as a browser's radio group does.

Textual's RadioSet moved a bright bar onto 科目三 while (*) stayed on 科目二; a citizen who then
pressed 下一步 booked 科目二. Every radio list of the app is a ``Choices`` (kiosk.ui.widgets.choice):
the arrow keys choose, and RadioSet.Changed follows as for Enter, so what a change does still happens."""
from __future__ import annotations

import ast

from textual.widgets import RadioSet

from kiosk.ui.widgets.choice import Choice, Choices
from tests.ui.conftest import screen_text, settle
from tests.ui.test_choice_marks import ui_nodes_outside_choice
from tests.ui.test_booking_wizard import open_wizard, step, to_sessions
from tests.ui.test_flow_errors import _open


def chosen_lines(app) -> list[str]:
    return [line.strip() for line in screen_text(app).splitlines() if "(*)" in line]


async def test_down_chooses_the_next_subject_and_next_books_it(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_wizard(pilot, env, people["four_fails"])
        radio = kiosk_app.screen.query_one("#subject", RadioSet)
        buttons = list(radio.query("RadioButton"))
        assert kiosk_app.focused is radio and len(buttons) >= 2 and radio.pressed_button is None  # none picked yet
        await pilot.press("down")  # nothing chosen: the first key chooses the option under the bar, the first
        await settle(pilot)
        assert radio.pressed_button is buttons[0]
        await pilot.press("down")
        await settle(pilot)
        assert radio.pressed_button is buttons[1]
        assert len(chosen_lines(kiosk_app)) == 1 and str(buttons[1].label) in chosen_lines(kiosk_app)[0]
        await pilot.press("up")  # and back: the first is chosen again
        await settle(pilot)
        assert radio.pressed_button is buttons[0]
        await pilot.press("down")
        await settle(pilot)
        await pilot.click("#next-subject")
        await settle(pilot)
        await pilot.click("#agree")
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-sessions"
        assert kiosk_app.screen.sessions.subject == int(buttons[1].name)  # the subject moved to is booked


async def test_down_chooses_the_other_booking_mode_and_the_step_follows(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        mode = kiosk_app.screen.query_one("#mode", RadioSet)
        mode.focus()
        await settle(pilot)
        assert kiosk_app.screen.sessions.mode == "self"
        await pilot.press("down")
        await settle(pilot)
        assert kiosk_app.screen.sessions.mode == "system"
        assert "(*) 服从系统安排" in screen_text(kiosk_app)


async def test_down_in_a_service_form_chooses_and_shows_the_fields_of_the_choice(kiosk_app, env, people):
    """驾驶证补换领: 新驾驶证领取方式 邮寄 -> Down -> 到车管所窗口领取: the address goes, the offices come."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["driver_normal"], "licence_replace")
        screen = kiosk_app.screen
        kind = screen.query_one("#choice-kind", RadioSet)
        kind.focus()
        await pilot.press("down")  # nothing chosen yet: Down chooses the first option
        await settle(pilot)
        assert kind.pressed_button is not None and kind.pressed_button.name == "lost"
        await pilot.press("down")  # then it moves on and chooses
        await settle(pilot)
        assert kind.pressed_button is not None and kind.pressed_button.name == "damaged"
        delivery = screen.query_one("#choice-delivery", RadioSet)
        assert delivery.pressed_button is not None and delivery.pressed_button.name == "mail"
        assert screen.query_one("#field-address").display
        delivery.focus()
        await pilot.press("down")
        await settle(pilot)
        assert delivery.pressed_button.name == "counter"
        assert not screen.query_one("#field-address").display and screen.query_one("#box-office_damaged").display
        await pilot.press("up")
        await settle(pilot)
        assert delivery.pressed_button.name == "mail" and screen.query_one("#field-address").display


async def test_the_arrow_keys_move_from_the_option_chosen_when_the_list_opened():
    """A list that opens with its third option chosen: the bar starts there, Down chooses the fourth
    (Textual's cursor started on the first option: Down would have chosen the second)."""
    from textual.app import App

    class One(App):
        def compose(self):
            yield Choices(*(Choice(str(i), value=i == 2, name=str(i)) for i in range(5)), id="list")

    async with One().run_test() as pilot:
        radio = pilot.app.query_one("#list", RadioSet)
        radio.focus()
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert radio.pressed_button is not None and radio.pressed_button.name == "3"
        await pilot.press("up", "up")
        await pilot.pause()
        assert radio.pressed_button.name == "1"


async def test_arrows_in_a_burst_each_move_one_option():
    """Down Down Down sent at once (a terminal's key burst): each moves on from the option the one
    before chose, though the list has not handled its change yet (only the first counted: tester)."""
    from textual.app import App

    class One(App):
        def compose(self):
            yield Choices(*(Choice(str(i), value=i == 0, name=str(i)) for i in range(5)), id="list")

    async with One().run_test() as pilot:
        radio = pilot.app.query_one("#list", Choices)
        radio.focus()
        await pilot.pause()
        for _ in range(3):  # as three key events handled before any Changed is
            radio.action_choose_below()
        await pilot.pause()
        assert radio.pressed_button is not None and radio.pressed_button.name == "3"
        assert [b.name for b in radio.query("RadioButton") if b.value] == ["3"]
        radio.action_choose_above()
        await pilot.pause()
        assert radio.pressed_button.name == "2"


def test_no_screen_builds_textual_s_own_radio_set():
    """Only kiosk/ui/widgets/choice.py builds a RadioSet; the screens build Choices."""
    offenders = [f"{path.name}:{node.lineno}" for path, node in ui_nodes_outside_choice()
                 if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "RadioSet"]
    assert offenders == [] and issubclass(Choices, RadioSet)
