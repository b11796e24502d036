"""Pilot: a line kept for a message (under a field, under a choice, at the bottom of a form)
takes no row while it has nothing to say: at 80x24 those empty rows cost a whole form its fit.
A message still shows right under its field (or its choice), and goes with the next edit."""
from __future__ import annotations

from textual.widgets import Button, Input, Label, RadioButton, Static

from kiosk.domain.errors import DomainError
from kiosk.ui.widgets.field import FormField
from tests.ui.conftest import field_error, screen_error, set_input, settle, sign_in


def rows(widget) -> int:  # type: ignore[no-untyped-def]
    return widget.region.height


async def test_empty_error_lines_take_no_row_at_80x24(kiosk_app, env):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        screen = kiosk_app.screen
        id_field = screen.query_one("#field-id_number", FormField)
        label, box = id_field.query_one(Label), id_field.query_one(Input)
        assert rows(id_field) == rows(label) + rows(box) == 2  # no blank row under the input
        assert all(rows(line) == 0 for line in screen.query(".field-error, .screen-error"))
        buttons_y = screen.query_one("#submit", Button).region.y
        set_input(kiosk_app, "id_number", "123")
        await pilot.click("#send-code")
        await settle(pilot)
        message = id_field.query_one(".field-error", Static)
        assert field_error(kiosk_app, "id_number").startswith("身份证号码")
        assert message.region.y == box.region.bottom and rows(message) >= 1  # right under the input
        assert screen.query_one("#submit", Button).region.y == buttons_y + rows(message)  # the rest moved down by it
        await pilot.press("4")  # the next edit: the message goes, and its row with it
        await pilot.pause()
        assert field_error(kiosk_app, "id_number") == "" and rows(message) == 0
        assert screen.query_one("#submit", Button).region.y == buttons_y


async def test_the_screen_error_line_shows_when_there_is_something_to_say(kiosk_app, env):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        kiosk_app.screen.show_error(DomainError("系统繁忙"))
        await pilot.pause()
        line = kiosk_app.screen.query_one(".screen-error", Static)
        assert screen_error(kiosk_app) == "系统繁忙" and rows(line) == 1  # said on the screen, not as a notification
        assert not kiosk_app._notifications
        kiosk_app.screen.clear_errors()
        await pilot.pause()
        assert rows(line) == 0


async def test_a_choice_message_shows_under_it_and_its_line_goes_after(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, people["lorry_driver"].id_number, people["lorry_driver"].phone)
        await pilot.click("#menu-licence_delay_review")
        await settle(pilot)
        screen = kiosk_app.screen
        note = screen.query_one("#error-reason", Static)
        assert rows(note) == 0
        screen.query_one("#next", Button).press()
        await settle(pilot)
        assert str(note.render()) == "请选择延期原因" and rows(note) == 1
        assert 0 <= note.region.y - screen.query_one("#choice-reason").region.bottom <= 1  # under the choice (its margin)
        button = next(b for b in screen.query("#choice-reason RadioButton").results(RadioButton) if b.name == "服兵役")
        button.value = True
        await settle(pilot)
        assert rows(note) == 0
