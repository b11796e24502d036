"""考试数据看板: today's and the coming week's sessions per site, and bookings per exam day as a
bar chart drawn with coloured cells. Refreshes itself every 10 seconds."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Static

from ....services import counter_dashboard
from ...base import KioskScreen
from ...widgets.header import KioskHeader
from ...widgets.plain import Plain, PlainTable


def chart_text(board: counter_dashboard.Dashboard, width: int = 40) -> Text:
    text = Text("每日考试预约人数（报名待安排 + 已安排）\n", style="bold")
    for label, cells, total in counter_dashboard.bar_chart(board.per_day, width):
        text.append(f"{label} ")
        text.append(" " * cells, style="on green")
        text.append(f" {total}\n")
    return text


class DashboardScreen(KioskScreen):
    def compose(self) -> ComposeResult:
        yield KioskHeader("考试数据看板")
        with VerticalScroll(classes="form wide"):
            yield Plain("", id="dash-summary")
            yield Plain("", id="dash-chart")
            yield PlainTable(id="dash-rows", cursor_type="row")
            yield Plain("", classes="screen-error")
            with Horizontal(classes="buttons"):
                yield Button("刷新", id="reload")
                yield Button("返回", id="back")

    def on_mount(self) -> None:
        self.query_one("#dash-rows", DataTable).add_columns("日期", "考场", "场次", "考位", "报名", "已安排", "满员率")
        self.reload()
        self.set_interval(10, lambda: self.reload(quiet=True))  # live: no 正在办理 bar every 10 s

    def reload(self, quiet: bool = False) -> None:
        self.call(counter_dashboard.dashboard, self.env, self.kiosk.staff, done=self._loaded, quiet=quiet)

    def _loaded(self, board: counter_dashboard.Dashboard) -> None:
        seats, applicants, placed = board.totals
        rate = f"{placed / seats:.0%}" if seats else "-"
        self.query_one("#dash-summary", Static).update(Text.assemble(
            ("今日及未来7天", "bold"), f"（{board.today:%Y-%m-%d} 起）：考位 {seats}，报名待安排 {applicants}，"
            f"已安排 {placed}，满员率 {rate}；今日新增预约 {board.bookings_made_today}"))
        self.query_one("#dash-chart", Static).update(chart_text(board))
        table = self.query_one("#dash-rows", DataTable)
        table.clear()
        for r in board.rows:
            table.add_row(f"{r.day:%m-%d}", r.site, str(r.sessions), str(r.seats), str(r.applicants), str(r.placed),
                          f"{r.fill_rate:.0%}")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "reload":
            self.reload()
        elif event.button.id == "back":
            self.app.pop_screen()
