"""选择场次's own fields: 开始日期/结束日期 (DateField: its message breaks between clauses; a change
of 开始日期 takes 结束日期's message about the range with it) and 考试场地 (SiteSelect: its open list
stays above the demo phone bar)."""
from __future__ import annotations

import re

from rich.cells import cell_len
from textual.widget import Widget
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from ....domain.errors import DomainError
from ....services.booking import parse_day
from ...widgets.field import FormField
from ...widgets.phone import PhoneBar

CLAUSE = re.compile(r"(?<=[，；。])|(?=（)")


def at_clauses(message: str, width: int) -> str:
    """``message`` broken between its clauses (after 「，」 「；」 「。」, before 「（」) when it is wider
    than ``width`` cells: each line as many clauses as fit (「查询时间段不能超过3个月，」 / 「请缩短时间段」;
    「请按 2026-12-05 的格式输入日期」 / 「（年-月-日）」), not cut wherever the width runs out
    (「...请缩」 / 「短时间段」, 「...日期（年-」 / 「月-日）」). A clause still too wide wraps as any text does."""
    if width <= 0 or cell_len(message) <= width:
        return message
    lines = [""]
    for clause in CLAUSE.split(message):
        if lines[-1] and cell_len(lines[-1] + clause) > width:
            lines.append("")
        lines[-1] += clause
    return "\n".join(lines)


class DateField(FormField):
    """开始日期 or 结束日期. Its message breaks between clauses when it is too long for its line; a
    change of 开始日期 the citizen makes takes 结束日期's message about the range with it (结束日期不能
    早于开始日期 and the 3-month limit are said under 结束日期, and are about both dates)."""

    def set_error(self, message: str, scroll: bool = True) -> None:
        super().set_error(at_clauses(message, self.content_region.width), scroll)
        if not message and self.field_name == "date_from" and isinstance(self.parent, Widget):
            for end in self.parent.query(DateField):
                if end.field_name == "date_to" and _parses(end.value, "date_to"):
                    end.set_error("")  # a message about its own typing (not a date) stays


def _parses(text: str, field: str) -> bool:
    try:
        parse_day(text, field)
    except DomainError:
        return False
    return True


class SiteSelect(Select):
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
