"""Step 选择场次: the search typed (``query_args``: the subject, the dates and the site for 查询) and the
request the step makes for 确认并提交 (``request``), refused when what is shown is not what was queried
or nothing is chosen. A part of SessionStep (kiosk.ui.screens.booking.session_step), which holds the
fields, what was searched and what is chosen."""
from __future__ import annotations

from datetime import date

from textual.widgets import Select

from ....domain.clock import Clock
from ....domain.errors import DomainError, FormProblems
from ....domain.exam import SUBJECT_TITLES
from ....services import booking_query as bq
from ....services.booking import check_range
from ....services.booking_confirmed import ShownSession
from ....services.booking_submit import BookingRequest
from ...widgets.date_field import TapDateField
from ...widgets.field import FormField
from .session_text import CHANGED, NOT_QUERIED, none_found


class SessionRequest:
    """The search and the request of SessionStep (mixed into it first: the same widget)."""

    clock: Clock
    priority: bool
    subject: int
    rows: list[bq.SessionRow]
    marked: list[int]
    queried: tuple[date, date, int | None] | None
    last_query: bq.SessionQuery | None  # SessionStep's: what the last 查询 found (why nothing, when so)
    mode: str  # SessionStep.mode: 自主选择场次 (self), 服从系统安排 (system) or priority

    def _site(self) -> int | None:
        value = self.query_one("#site", Select).value
        return value if isinstance(value, int) else None

    def query_args(self) -> tuple:
        """(subject, date_from, date_to, site, priority) from the inputs; raises next to the field.
        No subject yet (the step not entered: ``configure``): refused, nothing queried."""
        if self.subject not in SUBJECT_TITLES:
            raise DomainError(bq.NO_SUBJECT)
        self.follow_day()
        date_from, date_to = self._days()
        fields = {f.field_name: f for f in self.query(FormField)}
        for name, day in (("date_from", date_from), ("date_to", date_to)):  # 2026/12/5 -> 2026-12-05
            fields[name].value = f"{day:%Y-%m-%d}"
        return self.subject, date_from, date_to, self._site(), self.priority

    def _days(self) -> tuple[date, date]:
        """开始日期 and 结束日期 as typed; both wrong, both are told in one round (FieldErrors), not the
        start's alone and the end's only at the next 查询."""
        fields = {f.field_name: f for f in self.query(TapDateField)}
        problems = FormProblems()
        days = [problems.check(fields[name].day) for name in ("date_from", "date_to")]  # naming its example
        problems.raise_found()
        assert days[0] is not None and days[1] is not None
        return days[0], days[1]

    def _typed(self) -> tuple[date, date, int | None] | None:
        """The range and site as they stand in the fields now (None: a date that does not parse)."""
        fields = {f.field_name: f for f in self.query(TapDateField)}
        try:
            return fields["date_from"].day(), fields["date_to"].day(), self._site()
        except DomainError:
            return None

    def stale(self) -> bool:
        """The dates or the site changed since the last 查询 (a date picked, typed or the site chosen):
        its list is not what they ask for, so it is not shown to be chosen from (SessionStep.refresh_list)."""
        return self.queried is not None and self._typed() != self.queried

    def request(self) -> BookingRequest:
        """The request for step 确认并提交; raises when something is missing."""
        if self.queried is None:
            # dates 查询 refused (a reversed range): its message stays next to the field, not replaced
            # by 请先...【查询】, which the line over the table already says
            check_range(*self._days(), self.clock.now().date())
            raise DomainError(NOT_QUERIED, "query")
        if self.stale():  # the list (and 服从系统安排's range) would not be what is shown
            raise DomainError(CHANGED, "query")
        if not self.rows:  # in every mode: not 请至少选择... over a table with nothing to choose
            raise DomainError(none_found(self.priority, self.last_query), "range")
        if self.mode == "system":
            date_from, date_to, site = self.queried
            return BookingRequest(self.subject, "system", (), date_from, date_to, site)
        if not self.marked:
            how = "请选择1个考试场次" if self.priority else "请至少选择一个考试场次"  # as the line over the table says
            raise DomainError(f"{how}（在场次上按回车键或点击该行）", "sessions")
        by_id = {r.id: r for r in self.rows}  # as listed: 预约 is refused if one changed since (a counter's edit)
        shown = tuple(ShownSession(r.id, r.exam_date, r.start_time, r.site_id, r.site_name)
                      for r in (by_id.get(m) for m in self.marked) if r is not None)
        return BookingRequest(self.subject, self.mode, tuple(self.marked), confirmed=shown)

    def unmark(self, ids: tuple[int, ...]) -> None:
        """Sessions no longer as the citizen chose them (a counter changed their time or site): chosen
        again, not kept marked at the new time by the query that lists them again."""
        self.marked = [m for m in self.marked if m not in ids]
