"""选择场次's own fields: 开始日期/结束日期 (DateField: its message breaks between clauses, as
cjk_wrap.clauses does; a change of 开始日期 takes 结束日期's message about the range with it; a tap
opens a month to tap a day in) and 考试场地 (SiteSelect: its open list stays above the demo phone bar)."""
from __future__ import annotations

from datetime import date
from typing import Any

from textual import events
from textual.widget import Widget
from textual.widgets._select import SelectOverlay

from ....domain.clock import Clock
from ....domain.errors import DomainError
from ....services.booking import first_bookable_day, parse_day
from ...cjk_wrap import clauses
from ...dialogs.date_picker import DatePickerDialog
from ...widgets.dropdown import Dropdown
from ...widgets.field import FormField
from ...widgets.phone import PhoneBar

class DateField(FormField):
    """开始日期 or 结束日期. Its message breaks between clauses when it is too long for its line; a
    change of 开始日期 the citizen makes takes 结束日期's message about the range with it (结束日期不能
    早于开始日期 and the 3-month limit are said under 结束日期, and are about both dates).

    A tap (a click) on it, its label or its box, opens DatePickerDialog (选择开始日期): at a touch screen
    there is no keyboard to type 2026-12-05. The day tapped goes into the field as if typed (its
    message goes, 查询's 时间段或考试场地已更改 too); 取消 leaves it as it was. The focus coming in by
    Tab opens nothing: typing works as before.

    结束日期's month starts at a valid 开始日期 when that is later than the first bookable day (its hint
    says 不早于开始日期2026年12月7日): it offered days before the start (tester), each one
    refused at 查询. A 开始日期 picked after a valid 结束日期 moves 结束日期 to that same day, in view
    beside it, rather than leave a reversed range to be refused at 查询."""

    def __init__(self, name: str, label: str, *, clock: Clock, **kwargs: Any) -> None:
        super().__init__(name, label, **kwargs)
        self.clock = clock

    def on_click(self, event: events.Click) -> None:
        event.stop()
        event.prevent_default()  # the calendar, not FormField's focus in the box for a tap on the label
        if self.disabled or self.app.screen is not self.screen:
            return
        first, earliest = first_bookable_day(self.clock.now().date()), "最早可选"
        start = self._other("date_from")
        if start is not None and start > first:  # 结束日期: not before a valid 开始日期
            first, earliest = start, "不早于开始日期"
        self.app.push_screen(DatePickerDialog(f"选择{self._label}", _day(self.value), first, earliest), self._picked)

    def _sibling(self, name: str) -> DateField | None:
        """The other date field, ``name`` (None when this is it, or it is not there)."""
        if self.field_name == name or not isinstance(self.parent, Widget):
            return None
        return next((f for f in self.parent.query(DateField) if f.field_name == name), None)

    def _other(self, name: str) -> date | None:
        """The day in the other date field when this is ``name``'s other one (None: none, or not a date)."""
        field = self._sibling(name)
        return _day(field.value, name) if field is not None else None

    def _picked(self, day: str | None) -> None:
        if not self.is_attached:
            return
        if day is None:  # 取消: the cursor at the end, as a field is entered (the tap left it mid-date)
            self.input.cursor_position = len(self.input.value)
            return
        self.input.value = day  # as typed: FormField.on_input_changed takes the old message away
        self.input.cursor_position = len(day)
        end = self._sibling("date_to")
        end_day = _day(end.value, "date_to") if end is not None else None
        if end is not None and end_day is not None and end_day < date.fromisoformat(day):
            # a 开始日期 picked after 结束日期: the end goes to the same day (a valid range, seen at
            # once beside it), not refused at 查询 with 结束日期不能早于开始日期
            end.input.value = day  # as picked there: its message about the range goes

    def set_error(self, message: str, scroll: bool = True) -> None:
        super().set_error(clauses(message, self.content_region.width), scroll)
        end = self._sibling("date_to") if not message and self.field_name == "date_from" else None
        if end is not None and _parses(end.value, "date_to"):
            end.set_error("")  # a message about its own typing (not a date) stays


def _parses(text: str, field: str) -> bool:
    return _day(text, field) is not None


def _day(text: str, field: str = "date_from") -> date | None:
    """The day in a date field, or None (empty, or not a date)."""
    try:
        return parse_day(text, field)
    except DomainError:
        return None


class SiteSelect(Dropdown):
    """考试场地. Its open list stops above the demo phone bar, which it was drawn over at 80x24 (an
    SMS code being read): the list is as tall as the rows between the choice and the bar leave (it
    scrolls), after the page is scrolled to put the choice at its top when too few rows are left."""

    LIST_ROWS = 12  # Textual's own height for the list
    MIN_ROWS = 4

    def watch_expanded(self, expanded: bool) -> None:
        if expanded:
            self._fit_list(scroll=True)

    def _fit_list(self, scroll: bool) -> None:
        bars = [bar for bar in self.screen.query(PhoneBar) if bar.display and bar.region.height]
        bottom = bars[0].region.y if bars else self.screen.size.height
        room = bottom - self.region.bottom
        if room < self.MIN_ROWS and scroll:
            self.scroll_visible(animate=False, top=True, immediate=True)
            self.call_after_refresh(self._fit_list, False)
            return
        self.query_one(SelectOverlay).styles.max_height = max(self.MIN_ROWS, min(self.LIST_ROWS, room))
