"""Step 选择场次: its dates. The defaults run two weeks from the subject's first day with a session
still open for booking (``first_day``: booking_query.first_session_day, read once by the wizard when
the step opens for the subject; ``use_first_day``), or from tomorrow while that is not known or there
is none. They follow the day when it changes (midnight) while the wizard is open, and the subject's
first day when it comes, as long as the citizen has neither typed nor queried them (``follow_day``);
another subject's defaults replace them too. After a refusal at 预约 the wizard queries again: a date
no longer allowed then (a start that is now today) moves to the earliest day allowed, the other stays,
and the alert says so (``move_past``). A part of SessionStep (kiosk.ui.screens.booking.session_step),
which holds the fields and what was searched."""
from __future__ import annotations

from datetime import date, timedelta

from textual.message import Message

from ....domain.clock import Clock
from ....domain.errors import DomainError
from ....services.booking import SPAN_DAYS, example_range, first_bookable_day
from ...widgets.date_field import TapDateField


def defaults(today: date, first: date | None = None) -> tuple[str, str]:
    """开始日期 and 结束日期 as the step shows them on ``today``: two weeks from ``first``, the subject's
    first day with a bookable session, or from the first bookable day (tomorrow) when there is none
    (None) or it is no longer bookable (the day changed since it was read)."""
    start = first_bookable_day(today)
    if first is not None and first > start:
        start = first
    return f"{start:%Y-%m-%d}", f"{start + timedelta(days=SPAN_DAYS):%Y-%m-%d}"


class SessionDates:
    """The dates of SessionStep over midnight (mixed into it: the same widget)."""

    class DayChanged(Message):
        """The day changed while the step was open: the subject's first day is to be read again."""

    clock: Clock
    today: date  # the day the defaults shown are of
    first_day: date | None  # the subject's first day with a bookable session (None: not known, or none)
    subject: int
    queried: tuple[date, date, int | None] | None
    kept: dict  # SessionStep.kept: the other mode's Selection

    def _date_fields(self) -> tuple[TapDateField, TapDateField]:
        fields = {f.field_name: f for f in self.query(TapDateField)}  # type: ignore[attr-defined]
        return fields["date_from"], fields["date_to"]

    def _defaults(self) -> tuple[str, str]:
        return defaults(self.today, self.first_day)

    def _untouched_become(self, old: tuple[str, str]) -> None:
        """Dates still ``old`` (the defaults before), neither typed nor queried (in this mode or the
        one kept), become the defaults now; the citizen's own dates stay."""
        new = self._defaults()
        if new == old:
            return
        start, end = self._date_fields()
        if self.queried is None and (start.value, end.value) == old:
            start.value, end.value = new
        for kept in self.kept.values():
            if kept.queried is None and kept.fields[:2] == old:
                kept.fields = (*new, kept.fields[2])

    def follow_day(self) -> None:
        """The day changed since the defaults were set: still untouched and not queried, they become
        the new day's (from the subject's first day while it is still bookable: the wizard reads it
        again for the new day, ``use_first_day``)."""
        today = self.clock.now().date()
        if today == self.today:
            return
        old = self._defaults()
        self.today = today
        for field, example in zip(self._date_fields(), example_range(today)):
            field.show_example(example)
        if self.first_day is not None and self.first_day < first_bookable_day(today):
            self.first_day = None
        self._untouched_become(old)
        self.post_message(self.DayChanged())  # type: ignore[attr-defined]

    def new_subject(self) -> None:
        """Another subject chosen: the last one's default dates (queried for it or not) become the
        defaults from tomorrow until the new subject's first day is read."""
        old = self._defaults()
        self.first_day = None
        self._untouched_become(old)

    def use_first_day(self, subject: int, day: date | None) -> None:
        """``subject``'s first day with a bookable session, read (booking_query.first_session_day;
        None: none): untouched defaults start there (ignored when another subject is shown now)."""
        if subject != self.subject:
            return
        old = self._defaults()
        self.first_day = day
        self._untouched_become(old)

    def move_past(self) -> str:
        """Before querying again after a refusal: a date no longer allowed now (before the first
        bookable day, or an end before the start that moved) becomes the first bookable day; the
        others stay. What was moved, said (「已将开始日期改为2026-12-06（最早可预约日期）」), or ""."""
        self.follow_day()
        first = first_bookable_day(self.clock.now().date())
        moved = []
        for field, name in zip(self._date_fields(), ("开始日期", "结束日期")):
            try:
                day = field.day()
            except DomainError:
                continue  # said by the query, next to the field
            if day < first:
                field.value = f"{first:%Y-%m-%d}"
                moved.append(name)
        if not moved:
            return ""
        return f"已将{'和'.join(moved)}改为{first:%Y-%m-%d}（最早可预约日期）"
