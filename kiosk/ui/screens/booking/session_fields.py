"""选择场次's own fields: 开始日期/结束日期 (DateField: its message breaks between clauses, as
cjk_wrap.clauses does; a change of 开始日期 takes 结束日期's message about the range with it; a tap
opens a month to tap a day in) and 考试场地 (SiteSelect: its open list stays above the demo phone bar)."""
from __future__ import annotations

from datetime import date
from typing import Any

from textual.widget import Widget
from textual.widgets._select import SelectOverlay

from ....domain.clock import Clock
from ....services.booking import first_bookable_day
from ...cjk_wrap import clauses
from ...dialogs.date_picker import DatePickerDialog
from ...widgets.dropdown import Dropdown
from ...widgets.date_field import TapDateField
from ...widgets.date_field import field_day as _day
from ...widgets.phone import PhoneBar


class DateField(TapDateField):
    """开始日期 or 结束日期. Its message breaks between clauses when it is too long for its line; a
    change of 开始日期 the citizen makes takes 结束日期's message about the range with it (结束日期不能
    早于开始日期 and the 3-month limit are said under 结束日期, and are about both dates).

    A tap (a click) on it, its label or its box, opens DatePickerDialog (选择开始日期) as TapDateField
    does: the day tapped goes into the field as if typed (its message goes, 查询's 时间段或考试场地已更改
    too); 取消 leaves it as it was; the focus coming in by Tab opens nothing.

    结束日期's month starts at a valid 开始日期 when that is later than the first bookable day (its hint
    says 不早于开始日期2026年12月7日): it offered days before the start (tester), each one
    refused at 查询. A 开始日期 picked after a valid 结束日期 moves 结束日期 to that same day, in view
    beside it, rather than leave a reversed range to be refused at 查询."""

    def __init__(self, name: str, label: str, *, clock: Clock, **kwargs: Any) -> None:
        super().__init__(name, label, **kwargs)
        self.clock = clock

    def picker(self) -> DatePickerDialog:
        first, earliest = first_bookable_day(self.clock.now().date()), "最早可选"
        start = self._other("date_from")
        if start is not None and start > first:  # 结束日期: not before a valid 开始日期
            first, earliest = start, "不早于开始日期"
        return DatePickerDialog(f"选择{self._label}", _day(self.value), first, earliest)

    def _sibling(self, name: str) -> DateField | None:
        """The other date field, ``name`` (None when this is it, or it is not there)."""
        if self.field_name == name or not isinstance(self.parent, Widget):
            return None
        return next((f for f in self.parent.query(DateField) if f.field_name == name), None)

    def _other(self, name: str) -> date | None:
        """The day in the other date field when this is ``name``'s other one (None: none, or not a date)."""
        field = self._sibling(name)
        return _day(field.value, name) if field is not None else None

    def picked(self, day: str) -> None:
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
