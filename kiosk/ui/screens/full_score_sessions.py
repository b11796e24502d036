"""Step 确认现场教育场次 of 满分学习考试 (kiosk.ui.screens.full_score): the sessions of the chosen
city in a table, Enter (or a click) on a row choosing it and again un-choosing it. As many as the
现场教育 days: one more, or a second one on a day already chosen, is refused at once, beside the table."""
from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import DataTable, Static

from ...domain.dates import format_date
from ...domain.full_score import too_many
from ...domain.review_education import EducationSession
from ...services.full_score import City
from ..widgets.plain import PlainTable

MARK = "已选"
HEADERS = ("选择", "日期", "时间", "教育地点")


class SessionChoice:
    """Mixed into FullScoreScreen: the table #sessions, its hint #sessions-hint and its line #error-sessions.
    A row is chosen (or un-chosen) only once the step has been on view for a moment (SubmitGuard)."""

    city: City | None = None
    on_site: int = 0
    marked: list[str]  # the keys of the sessions chosen, in the order chosen

    def fill_sessions(self, city: City, on_site: int, addresses: dict[str, str]) -> None:
        """The table for ``city``; the sessions chosen for it before are kept (another city: none)."""
        if self.city is None or city.name != self.city.name:
            self.marked = []
        self.city, self.on_site = city, on_site
        table = self.query_one("#sessions", PlainTable)  # type: ignore[attr-defined]
        table.clear(columns=True)
        rows = [self._row(s) for s in city.sessions]
        for column, header in enumerate(HEADERS):
            table.add_column(header, width=max([cell_len(header), *(cell_len(r[column]) for r in rows)]))
        for s, row in zip(city.sessions, rows):
            table.add_row(*row, key=s.key)
        offices = dict.fromkeys(s.office for s in city.sessions)
        where = "；".join(f"{o}（{addresses.get(o, '')}）" for o in offices)
        self.query_one("#sessions-where", Static).update(f"教育地点：{where}")  # type: ignore[attr-defined]
        self.query_one("#error-sessions", Static).update("")  # type: ignore[attr-defined]
        self._session_hint()

    def _row(self, s: EducationSession) -> tuple[str, str, str, str]:
        label = s.label.split(" ")  # 12月2日 周三 09:00-17:00 渝中车管所
        return (MARK if s.key in self.marked else "", f"{label[0]} {label[1]}", f"{s.start}-{s.end}", s.office)

    def _session_hint(self) -> None:
        n = self.on_site
        self.query_one("#sessions-hint", Static).update(  # type: ignore[attr-defined]
            f"现场教育天数为{n}天，请选择{n}个现场教育场次（每天一个场次，同一天只能选择一个），已选{len(self.marked)}个。"
            "请用方向键移到场次上按回车键（或点击该行）选择，再按一次取消。")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        if key is None or self.city is None or self.too_soon():  # type: ignore[attr-defined]
            return  # the Enter that opened the step, repeated: the table is not read yet
        error = self.query_one("#error-sessions", Static)  # type: ignore[attr-defined]
        error.update("")
        if key in self.marked:
            self.marked.remove(key)
            error.update(self.untick_line())  # still more than the days: how many are left to un-choose
        else:
            problem = self._refusal(key)
            if problem:
                error.update(problem)
                return
            self.marked.append(key)
        table = event.data_table
        table.update_cell(key, table.ordered_columns[0].key, MARK if key in self.marked else "")
        self._session_hint()

    def untick_line(self) -> str:
        """With more sessions chosen than the 现场 days (lowered after choosing), how many to un-choose
        and how; said under the table as the step opens and after each un-choosing until they match
        ('' then). The chosen ones are kept: which of the citizen's days to drop is theirs to say. (It
        said nothing until a refused tap or 下一步; the hint over the table keeps its height, so the rows
        do not move under a finger as the count changes.)"""
        extra = len(self.marked) - self.on_site
        if extra <= 0:
            return ""
        return f"{too_many(self.on_site, len(self.marked))}，请取消{extra}个：在要取消的已选场次上按回车键（或点击该行）"

    def _refusal(self, key: str) -> str | None:
        """Why the session ``key`` cannot be chosen too: all the 现场 days have one, or its day has one."""
        assert self.city is not None
        by_key = {s.key: s for s in self.city.sessions}
        n = self.on_site
        if len(self.marked) > n:  # the 现场 days lowered after choosing (tester: 已选满2个场次 with 3 chosen)
            return f"{too_many(n, len(self.marked))}，请先在已选的场次上按回车键（或点击该行）取消多选的场次"
        if len(self.marked) == n:
            return f"现场教育天数为{n}天，已选满{n}个场次；如需改选，请先在已选的场次上按回车键（或点击该行）取消"
        day = by_key[key].day
        if any(by_key[k].day == day for k in self.marked if k in by_key):
            return f"同一天只能参加一个现场教育场次：{format_date(day)}已选择了一个场次，请改选其他日期"
        return None

    def chosen_keys(self) -> str:
        return ",".join(self.marked)
