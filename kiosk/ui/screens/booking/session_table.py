"""Step 选择场次: the session table. Its columns (each as wide as its widest cell, no 选择 column under
服从系统安排), the marks Enter (or a click) toggles on its rows in 自主选择场次 (one only in the priority
table), and the labels of the sessions marked. A part of SessionStep (kiosk.ui.screens.booking.session_step),
which holds the rows, the marks and the mode."""
from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from textual.widgets import DataTable, Static

from ....services import booking_query as bq
from ...widgets.more_below import MoreInList

MARK = "已选"  # the priority table's one mark; 自主选择场次 numbers its marks in the order chosen (mark_text)


class SessionsMore(MoreInList):
    """The line under the table (tester: 共72个场次 over 13 rows, and at a touch screen only the table's thin
    scrollbar to reach the rest): 下方还有内容 while sessions are below its edge, 上方还有内容 at its end; a tap
    pages the table. Its row is kept while the table lists sessions (blank when they all show), so
    the table fitted to the page (SessionFocus) does not move when it comes or goes."""

    def _show(self, below: bool, above: bool) -> None:
        super()._show(below, above)
        self.display = self._target.display and bool(self._target.row_count)
        self.visible = below or above


class SessionTable:
    """The session table of SessionStep (mixed into it: the same widget)."""

    rows: list[bq.SessionRow]
    marked: list[int]
    priority: bool
    last_query: bq.SessionQuery | None  # SessionStep.last_query: None before a query
    mode: str  # SessionStep.mode: "self", "system" or "priority"
    _hint: Callable[..., None]  # SessionStep._hint: the line above the table that says what to do next
    stale: Callable[[], bool]  # SessionRequest.stale: the dates or site changed since the last 查询
    shown_stale = False  # the table was last filled for a changed search (nothing listed)

    def listed(self) -> list[bq.SessionRow]:
        """The rows the table lists: none once the dates or the site changed since the 查询 that found
        them (tester: a 12-07 row stayed to be chosen under dates that said 12-08)."""
        return [] if self.stale() else self.rows

    def _fill_table(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.clear(columns=True)
        self.shown_stale = self.stale()
        rows = self.listed()
        headers: tuple[str, ...] = ("选择", "考试日期", "场次时间", "考试场地", "计划人数",
                                    "优先名额剩余" if self.priority else "已申请人数")
        cells = [(self.mark_text(r.id), f"{r.exam_date:%Y-%m-%d}", f"{r.start_time:%H:%M}",
                  r.site_name, str(r.seats), str(r.priority_free if self.priority else r.applicants)) for r in rows]
        marks = self.mode != "system"  # kept for a return to 自主选择场次; under 服从系统安排 no 选择 column at all
        if not marks:
            headers, cells = headers[1:], [row[1:] for row in cells]
        # Each column as wide as its widest cell from the start: left to the table, the widths were measured
        # only when it next fell idle, and a screen painted before that kept its cells cut to the headers'
        # width (「2026-12-  08:30  沙坪坝土」), as the table caches a cell's drawing whatever the width.
        for column, header in enumerate(headers):
            widest = max([cell_len(header), *(cell_len(row[column]) for row in cells)])
            table.add_column(header, width=max(widest, self._mark_width()) if marks and column == 0 else widest)
        table.can_focus = bool(rows)  # a header alone is no Tab stop: nothing there to move to or choose
        # Before a query (none made, or the last refused) no header either: the line over it says 请先...【查询】,
        # and at 100x30 its row pushed 上一步/下一步 under the page's edge, their top edge left above 下方还有内容
        table.display = self.last_query is not None
        for r, row in zip(rows, cells):
            table.add_row(*row, key=str(r.id))
        self.query_one(SessionsMore).follow_list()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if self.mode == "system":  # nothing to choose: the line that says so (无需选择场次) is brought into view
            self.query_one("#sessions-hint").scroll_visible(animate=False, top=True)
            return
        if event.row_key.value is None:
            return
        self.query_one("#sessions-alert", Static).update("")  # what was chosen changed: a message about it is old
        sid = int(event.row_key.value)
        table = self.query_one("#sessions", DataTable)
        before = list(self.marked)
        if sid in self.marked:
            self.marked.remove(sid)
        else:
            if self.priority:
                self.marked = []
            self.marked.append(sid)
        listed = {r.id for r in self.listed()}
        for changed in dict.fromkeys([*before, sid]):  # the later ones' numbers move up when one is taken off
            if changed in listed:
                table.update_cell(str(changed), table.ordered_columns[0].key, self.mark_text(changed))
        self._hint()

    def mark_text(self, sid: int) -> str:
        """The 选择 cell of session ``sid``: 自主选择场次 numbers the marks in the order chosen (已选1, 已选2),
        the order they are tried in on one publication day (确认并提交 lists them in the order tried);
        the priority table has one (已选)."""
        if sid not in self.marked:
            return ""
        return MARK if self.priority else f"{MARK}{self.marked.index(sid) + 1}"

    def _mark_width(self) -> int:
        """The 选择 column as wide as its widest mark may become (every row listed chosen)."""
        return cell_len(MARK) if self.priority else cell_len(f"{MARK}{max(len(self.rows), 1)}")

    def chosen_labels(self) -> list[str]:
        by_id = {r.id: r for r in self.rows}
        return [f"{by_id[m].when} {by_id[m].site_name}" for m in self.marked if m in by_id]
