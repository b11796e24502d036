"""A date field a tap opens a month for (kiosk.ui.dialogs.date_picker): at a touch screen there is
no keyboard to type 2026-12-05. A tap (a click) on it, its label or its box, opens the month the
subclass makes (``picker``); the day tapped goes into the field as if typed (its message goes), and
the field says so (``Picked``); 取消 leaves it as it was, the cursor at its end (the tap left it
mid-date). The focus coming in by Tab opens nothing: typing works as before.

Used by 考试预约's 选择场次 (开始日期 / 结束日期: kiosk.ui.screens.booking.session_fields) and
考试预约结果公布 (考试日期: kiosk.ui.screens.booking.results)."""
from __future__ import annotations

from datetime import date
from typing import Any

from textual import events
from textual.message import Message
from textual.widgets import Input

from ...domain.errors import DomainError
from ...services.booking import parse_day
from ...services.date_examples import placeholder
from ..dialogs.date_picker import DatePickerDialog
from .field import FormField


def example_placeholder(example: date | None) -> str:
    """A screen's own date field's example: 如 2026-12-05, as its other fields' (如 08:30), or 年-月-日."""
    return placeholder(example, "如")


class TapDateField(FormField):
    """``example``: a day the field accepts now, shown as its placeholder (如 2026-12-05) and named by
    its format message (``day``); the screen works it out from the clock (show_example when it changes)."""

    def __init__(self, *args: Any, example: date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, placeholder=example_placeholder(example), **kwargs)
        self.example = example

    def show_example(self, example: date | None) -> None:
        self.example = example
        self._placeholder = example_placeholder(example)
        for box in self.query(Input):  # none before it is composed: the placeholder is then _placeholder
            box.placeholder = self._placeholder

    def day(self) -> date:
        """The day typed (booking.parse_day: refused next to the field, naming the example)."""
        return parse_day(self.value, self.field_name, self.example)

    class Picked(Message):
        """A day was tapped in the month and is in the field now (``day``: as typed, 2026-12-05)."""

        def __init__(self, field: TapDateField, day: str) -> None:
            super().__init__()
            self.field, self.day = field, day

    def picker(self) -> DatePickerDialog:
        """The month a tap opens (its title, the field's day, the earliest day offered)."""
        raise NotImplementedError

    def on_click(self, event: events.Click) -> None:
        event.stop()
        event.prevent_default()  # the calendar, not FormField's focus in the box for a tap on the label
        if self.disabled or self.app.screen is not self.screen:
            return
        self.app.push_screen(self.picker(), self._picked)

    def _picked(self, day: str | None) -> None:
        if not self.is_attached:
            return
        if day is None:  # 取消: the cursor at the end, as a field is entered (the tap left it mid-date)
            self.input.cursor_position = len(self.input.value)
            return
        self.input.value = day  # as typed: FormField.on_input_changed takes the old message away
        self.input.cursor_position = len(day)
        self.picked(day)
        self.post_message(self.Picked(self, day))

    def picked(self, day: str) -> None:
        """What else a day picked does, before the screen hears of it (nothing here)."""


def field_day(text: str, field: str = "date_from") -> date | None:
    """The day in a date field, or None (empty, or not a date)."""
    try:
        return parse_day(text, field)
    except DomainError:
        return None
