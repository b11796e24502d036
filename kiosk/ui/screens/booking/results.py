"""考试预约结果公布: the published allocation results of an exam day, by site (kiosk.services.booking_results).
The sites are those of the citizen's city, and 全部考场 means all of them; the date offered is a day
with results (their own exam day, else the city's next or latest), and a day without any names
the latest that have them.

At a touch screen (no keyboard to type 2026-12-05) a tap on 考试日期 opens a month to tap a day in
(kiosk.ui.dialogs.date_picker, as 考试预约's 选择场次 dates; any day, past ones too), and the day
tapped is queried at once; the days a day without results names (最近已公布) are buttons under the
answer, a tap on one queries it (tester: neither could be reached by taps)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Label, Select, Static

from ....domain.clock import Clock
from ....domain.typed import DATE_LEN
from ....services import booking_results
from ...base import KioskScreen
from ...dialogs.date_picker import DatePickerDialog
from ...widgets.date_field import TapDateField, field_day
from ...widgets.dropdown import Dropdown
from ...widgets.field import FormField
from ...widgets.header import KioskHeader
from ...widgets.plain import ErrorLine, Plain, PlainTable
from ...widgets.page import Page


class ExamDateField(TapDateField):
    """考试日期: a tap opens 选择考试日期, on the field's day (else today), with no earliest day."""

    def __init__(self, *args, clock: Clock, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.clock = clock

    def picker(self) -> DatePickerDialog:
        return DatePickerDialog("选择考试日期", field_day(self.value, "exam_date"), None,
                                opens_on=self.clock.now().date())


class ResultsScreen(KioskScreen):
    DEFAULT_CSS = """
    ResultsScreen #results-site { width: 100%; max-width: 60; margin: 0 0 1 0; }
    ResultsScreen #recent-days { margin: 0 0 1 0; }
    """
    city: str | None = None  # the citizen's city (booking_results.home_city), once opened

    def compose(self) -> ComposeResult:
        yield KioskHeader("考试预约结果公布")
        with Page(classes="form wide"):
            yield Plain("输入考试日期，选择考试场地，点击【查询】，查看已公布的驾驶人考试预约结果。", classes="hint")
            # the example: today until the day worth looking at is read (_opened), a day with results
            yield ExamDateField("exam_date", "考试日期", example=self.env.clock.now().date(), max_length=DATE_LEN,
                                enter_presses="query", clock=self.env.clock)
            yield Label("考试场地（不选则查询全部考场）", classes="choice-label")
            yield Dropdown([], prompt="全部考场", id="results-site")
            yield Button("查询", id="query", variant="primary")
            yield Plain("", id="status", classes="hint")
            with Horizontal(id="recent-days", classes="buttons"):  # 最近已公布: a tap queries the day
                for i in range(booking_results.RECENT):
                    yield Button("", id=f"recent-{i}")
            yield PlainTable(id="results", cursor_type="row", zebra_stripes=True)
            yield ErrorLine(classes="screen-error")
            with Horizontal(classes="buttons"):
                yield Button("返回业务中心", id="back")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("考试日期", "场次时间", "考试场地", "考试科目", "姓名", "身份证明号码")
        table.display = False
        self.query_one("#recent-days").display = False
        if self.kiosk.citizen:
            self.call(booking_results.opening, self.env, self.kiosk.citizen.account_id, done=self._opened)

    def _opened(self, opening: booking_results.Opening) -> None:
        self.city = opening.city
        self.query_one(Select).set_options([(s.name, s.id) for s in opening.sites])
        date_field = self.query_one(ExamDateField)
        date_field.show_example(opening.day)
        if not date_field.value:  # the citizen has not typed a date meanwhile
            date_field.value = f"{opening.day:%Y-%m-%d}"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "back":
            self.dismiss()
        elif event.button.id == "query":
            self._query()
        elif (event.button.id or "").startswith("recent-"):
            self.query_one(FormField).value = str(event.button.label)  # as if typed, then queried
            self.query_one("#query", Button).focus()  # not on the day's button, hidden by the answer
            self._query()

    def on_tap_date_field_picked(self, event: TapDateField.Picked) -> None:
        self._query()  # the day tapped in the month: its results at once, no 查询 to find below

    def _query(self) -> None:
        self.query_one("#status", Static).update("")  # no answer for another day stays beside a new question
        self.query_one(DataTable).display = False
        self.query_one("#recent-days").display = False
        site = self.query_one(Select).value
        field = self.query_one(ExamDateField)
        self.call(booking_results.published, self.env, field.value, site if isinstance(site, int) else None,
                  self.city, field.example, done=self._show)

    def _show(self, page: booking_results.ResultPage) -> None:
        self.query_one("#status", Static).update(page.text)
        table = self.query_one(DataTable)
        table.clear()
        for r in page.rows:
            table.add_row(f"{r.exam_date:%Y-%m-%d}", f"{r.start:%H:%M}", r.site_name, r.subject_name, r.name,
                          r.id_number)
        table.display = bool(page.rows)
        buttons = list(self.query_one("#recent-days").query(Button))
        days = [f"{d:%Y-%m-%d}" for d in page.recent]
        for button, day in zip(buttons, days + [""] * len(buttons)):  # a button for each day named
            button.display = bool(day)
            if day:
                button.label = day
        self.query_one("#recent-days").display = bool(page.recent)
