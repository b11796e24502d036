"""考试预约结果公布: the published allocation results of an exam day, by site (kiosk.services.booking_results).
The sites are those of the citizen's city, and 全部考场 means all of them; the date offered is a day
with results (their own exam day, else the city's next or latest), and a day without any names
the latest that have them."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Label, Select, Static

from ....domain.typed import DATE_LEN
from ....services import booking_results
from ...base import KioskScreen
from ...widgets.dropdown import Dropdown
from ...widgets.field import FormField
from ...widgets.header import KioskHeader
from ...widgets.plain import ErrorLine, Plain, PlainTable
from ...widgets.page import Page


class ResultsScreen(KioskScreen):
    DEFAULT_CSS = """
    ResultsScreen #results-site { width: 100%; max-width: 60; margin: 0 0 1 0; }
    """
    city: str | None = None  # the citizen's city (booking_results.home_city), once opened

    def compose(self) -> ComposeResult:
        yield KioskHeader("考试预约结果公布")
        with Page(classes="form wide"):
            yield Plain("输入考试日期，选择考试场地，点击【查询】，查看已公布的驾驶人考试预约结果。", classes="hint")
            yield FormField("exam_date", "考试日期", placeholder="如 2026-12-05",
                            max_length=DATE_LEN, enter_presses="query")
            yield Label("考试场地（不选则查询全部考场）", classes="choice-label")
            yield Dropdown([], prompt="全部考场", id="results-site")
            yield Button("查询", id="query", variant="primary")
            yield Plain("", id="status", classes="hint")
            yield PlainTable(id="results", cursor_type="row", zebra_stripes=True)
            yield ErrorLine(classes="screen-error")
            with Horizontal(classes="buttons"):
                yield Button("返回业务中心", id="back")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("考试日期", "场次时间", "考试场地", "考试科目", "姓名", "身份证明号码")
        table.display = False
        if self.kiosk.citizen:
            self.call(booking_results.opening, self.env, self.kiosk.citizen.account_id, done=self._opened)

    def _opened(self, opening: booking_results.Opening) -> None:
        self.city = opening.city
        self.query_one(Select).set_options([(s.name, s.id) for s in opening.sites])
        date_field = self.query_one(FormField)
        if not date_field.value:  # the citizen has not typed a date meanwhile
            date_field.value = f"{opening.day:%Y-%m-%d}"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "back":
            self.dismiss()
        elif event.button.id == "query":
            self.query_one("#status", Static).update("")  # no answer for another day stays beside a new question
            self.query_one(DataTable).display = False
            site = self.query_one(Select).value
            day = self.query_one(FormField).value
            self.call(booking_results.published, self.env, day, site if isinstance(site, int) else None,
                      self.city, done=self._show)

    def _show(self, page: booking_results.ResultPage) -> None:
        self.query_one("#status", Static).update(page.text)
        table = self.query_one(DataTable)
        table.clear()
        for r in page.rows:
            table.add_row(f"{r.exam_date:%Y-%m-%d}", f"{r.start:%H:%M}", r.site_name, r.subject_name, r.name,
                          r.id_number)
        table.display = bool(page.rows)
