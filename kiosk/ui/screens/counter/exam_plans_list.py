"""考试计划与安排's list of sessions (ExamPlansScreen, kiosk.ui.screens.counter.exam_plans): 查询场次
for the dates typed, the live counts of the dates last queried, the columns that fit the page and,
under the table, the highlighted session's columns left out."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import events
from textual.containers import VerticalScroll
from textual.widgets import DataTable

from ....domain.errors import DomainError
from ....services import exam_admin
from ...widgets.fit import refill_to_fit, room
from ...widgets.plain import ErrorLine, Plain, PlainTable
from .dashboard import applied_cell
from .exam_plans_text import hint

if TYPE_CHECKING:
    from ...base import KioskScreen

    _Base = KioskScreen
else:
    _Base = object


# 状态 right after 科目, so it is in view with the session it belongs to. On a narrow terminal the
# columns the clerk reads least are left out, first to last: 优先名额/已用, 车型, 编号, 已申请, then
# 公布日, 时间 and 考位. At 80 columns that keeps 公布日 (which sessions an allocation run publishes,
# 安排考试并公布结果's date) and 考位 beside 已安排; 已申请 goes before them, an approximate count (仅供
# 参考: one application counts in several sessions). What is left out is said for the highlighted
# session in the line under the table (优先名额/已用 among it), so nothing is out of reach.
COLUMNS = ("编号", "日期", "时间", "考场", "科目", "状态", "车型", "考位", "优先名额/已用", "已申请", "已安排", "公布日")
DROP_WHEN_NARROW = (8, 6, 0, 9, 11, 2, 7)
MORE_ORDER = (8, 9, 11, 7, 2, 0, 6)  # the line under the table: what matters most first


class SessionList(_Base):
    """The sessions listed on ExamPlansScreen (mixed into it first: the same screen; its handlers are
    the screen's own)."""

    rows: dict[str, exam_admin.SessionRow]
    shown: list[int]  # the columns in the table
    queried: tuple[str, str] | None  # the dates of the list shown (None: no list)
    _v: Callable[[str], str]  # ExamPlansScreen._v: what a field of the screen holds

    def query_sessions(self, to_list: bool = False) -> None:
        """查询场次 with the dates typed; refused, the list goes (its rows would pass for those dates').
        ``to_list`` (the clerk's 查询场次, or Enter in a date): sessions found, the list has the focus on
        its first row, as 为群众办理's look-up puts it on its list (tester: it stayed in 到, Down did not
        reach the list); none found, it stays where it was, for other dates."""
        dates = (self._v("date_from"), self._v("date_to"))

        def loaded(rows: list[exam_admin.SessionRow]) -> None:
            self.queried = dates
            self._loaded(rows)
            table = self.query_one("#sessions", PlainTable)
            if to_list and table.row_count:
                table.move_cursor(row=0)
                table.focus()

        def refused(exc: DomainError) -> None:
            self.queried = None
            self._loaded([])
            self.show_error(exc)

        self.call(exam_admin.list_sessions, self.env, self.kiosk.staff, *dates, done=loaded, failed=refused)

    def reload(self) -> None:
        """After a save or an allocation: the list of the dates last queried (as the live refresh)."""
        if self.queried is None:
            self.query_sessions()
        else:
            self.call(exam_admin.list_sessions, self.env, self.kiosk.staff, *self.queried, done=self._loaded)

    def _live(self) -> None:
        """Refresh the counts of the dates last queried (not dates typed since, without 查询),
        without touching the form or its error messages."""
        dates = self.queried
        if self.busy or dates is None:
            return
        self.read_live(exam_admin.list_sessions, self.env, self.kiosk.staff, *dates,
                       done=lambda rows: self._live_loaded(dates, rows))

    def _live_loaded(self, dates: tuple[str, str], rows: list[exam_admin.SessionRow]) -> None:
        if dates == self.queried:  # not when another query (or a refused one) came in meanwhile
            self._loaded(rows)

    def _loaded(self, rows: list[exam_admin.SessionRow]) -> None:
        self.rows = {str(r.id): r for r in rows}
        self._fill()

    def _fill(self) -> None:
        """The rows in the columns that fit the page (again after a resize). Refilled in place: the
        live refresh keeps the row and the scroll the clerk is reading."""
        self.shown = refill_to_fit(self.query_one("#sessions", PlainTable), self.query_one(VerticalScroll), COLUMNS,
                                   [_cells(r) for r in self.rows.values()], list(self.rows), DROP_WHEN_NARROW)
        self.query_one("#applied-hint", Plain).update(hint(self.rows.values()))
        self._more()

    def _more(self) -> None:
        """Under the table, the highlighted session's columns that are left out, named with the
        session: 12-04 08:30 渝中考场 科目二：优先名额/已用 5/1，已申请 3，编号 12，车型 C1C2C5 (on
        two lines, after the session, when one does not fit)."""
        table = self.query_one("#sessions", PlainTable)
        left_out = [col for col in MORE_ORDER if col not in self.shown]
        r = None
        if left_out and table.row_count and table.is_valid_row_index(table.cursor_row):
            r = self.rows.get(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))
        text = ""
        if r is not None:
            cells = _cells(r)
            session = f"{r.exam_date:%m-%d} {r.start_time:%H:%M} {r.site} {r.subject_name}"
            more = "，".join(f"{COLUMNS[col]} {cells[col]}" for col in left_out)
            one_line = cell_len(f"{session}：{more}") <= room(self.query_one(VerticalScroll))
            text = f"{session}：{more}" if one_line else f"{session}：\n{more}"
        self.query_one("#session-more", ErrorLine).update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._more()

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fill)


def _cells(r: exam_admin.SessionRow) -> tuple[str, ...]:
    """A session's row, in the order of COLUMNS."""
    return (str(r.id), f"{r.exam_date:%m-%d}", f"{r.start_time:%H:%M}", r.site, r.subject_name, r.state, r.classes,
            str(r.seats), f"{r.priority_quota}/{r.priority_taken}",
            applied_cell(None if r.allocated else r.applicants), str(r.placed),
            f"{r.publish_on:%m-%d}")
