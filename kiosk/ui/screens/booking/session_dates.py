"""Step 选择场次: its dates when the day changes (midnight) while the wizard is open. The defaults
(tomorrow, two weeks on) were those of the day the wizard opened; they follow the day as long as the
citizen has neither typed nor queried them (``follow_day``). After a refusal at 预约 the wizard
queries again: a date no longer allowed then (a start that is now today) moves to the earliest day
allowed, the other stays, and the alert says so (``move_past``). A part of SessionStep
(kiosk.ui.screens.booking.session_step), which holds the fields and what was searched."""
from __future__ import annotations

from datetime import date, timedelta

from ....domain.clock import Clock
from ....domain.errors import DomainError
from ....services.booking import first_bookable_day, parse_day
from ...widgets.field import FormField


def defaults(today: date) -> tuple[str, str]:
    """开始日期 and 结束日期 as the step first shows them on ``today``."""
    return f"{today + timedelta(days=1):%Y-%m-%d}", f"{today + timedelta(days=14):%Y-%m-%d}"


class SessionDates:
    """The dates of SessionStep over midnight (mixed into it: the same widget)."""

    clock: Clock
    today: date  # the day the defaults shown are of
    queried: tuple[date, date, int | None] | None
    kept: dict  # SessionStep.kept: the other mode's Selection

    def _date_fields(self) -> tuple[FormField, FormField]:
        fields = {f.field_name: f for f in self.query(FormField)}  # type: ignore[attr-defined]
        return fields["date_from"], fields["date_to"]

    def follow_day(self) -> None:
        """The day changed since the defaults were set: still untouched and not queried (in this mode
        or the one kept), they become the new day's; the citizen's own dates stay."""
        today = self.clock.now().date()
        if today == self.today:
            return
        old, new = defaults(self.today), defaults(today)
        self.today = today
        start, end = self._date_fields()
        if self.queried is None and (start.value, end.value) == old:
            start.value, end.value = new
        for kept in self.kept.values():
            if kept.queried is None and kept.fields[:2] == old:
                kept.fields = (*new, kept.fields[2])

    def move_past(self) -> str:
        """Before querying again after a refusal: a date no longer allowed now (before the first
        bookable day, or an end before the start that moved) becomes the first bookable day; the
        others stay. What was moved, said (「已将开始日期改为2026-12-06（最早可预约日期）」), or ""."""
        self.follow_day()
        first = first_bookable_day(self.clock.now().date())
        moved = []
        for field, name in zip(self._date_fields(), ("开始日期", "结束日期")):
            try:
                day = parse_day(field.value, field.field_name)
            except DomainError:
                continue  # said by the query, next to the field
            if day < first:
                field.value = f"{first:%Y-%m-%d}"
                moved.append(name)
        if not moved:
            return ""
        return f"已将{'和'.join(moved)}改为{first:%Y-%m-%d}（最早可预约日期）"
