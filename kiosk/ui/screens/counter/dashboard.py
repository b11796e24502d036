"""考试数据看板: today's and the coming week's sessions per site, the seats placed per exam day
as a bar chart drawn with coloured cells, the applications still waiting to be placed, and the plans
whose publication day has gone by unallocated (逾期, named above the chart and marked in the table).
Refreshes itself every 10 seconds."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Button, DataTable, Static

from ....services import counter_dashboard
from ...base import KioskScreen, main_control
from ...widgets.header import KioskHeader
from ...widgets.page import Page
from ...widgets.plain import Plain, PlainTable


# ExamSession.applicants counts an application at every session it may be placed in: said next
# to each list that shows it (here and in 考试计划与安排), so it is not read as a number of people.
# Only while the session's plan is not allocated, as the citizen's 选择场次 shows it: after the
# allocation it would still count those placed elsewhere or not placed (tester: 已申请 1 beside
# 已安排 0 with 待安排申请 0 份), so those sessions show NOT_WAITING.
APPLIED_HINT = ("已申请人数为尚待安排的申请，含时间段覆盖该场次的服从系统安排申请，一份申请可计入多个场次，仅供参考；"
                "已公布预约结果的场次不再计入，显示为 -；已安排含优先预约。")
OVERDUE = "逾期"  # 状态 of a row with a session whose plan's publication day has gone by unallocated
STATE_HINT = "状态为逾期：该日该考场有场次的考试计划已过预约结果公布日仍未安排考试。"
NOT_WAITING = "-"


def applied_cell(applicants: int | None) -> str:
    """已申请 of a row: its count, or NOT_WAITING when nothing waits there (results published)."""
    return NOT_WAITING if applicants is None else str(applicants)


def chart_text(board: counter_dashboard.Dashboard, width: int = 40) -> Text:
    """A line a day: the day, 已安排/考位 (the / of every day in one column, whatever the widths of
    the counts), then the bar, so the bars start in one column too. The counts came after the bar,
    coloured blank cells: a day with a bar had them one column further than a day with none."""
    text = Text("每日已安排人数（含优先预约）/ 考位\n", style="bold")
    bars = counter_dashboard.bar_chart(board.per_day, width)
    placed_w = max((len(str(placed)) for _, _, placed, _ in bars), default=1)
    seats_w = max((len(str(seats)) for _, _, _, seats in bars), default=1)
    for label, cells, placed, seats in bars:
        text.append(f"{label}  {placed:>{placed_w}}/{seats:<{seats_w}} ")
        text.append(" " * cells, style="on green")
        text.append("\n")
    return text


LOADING = "正在读取考试数据，请稍候。"


class DashboardScreen(KioskScreen):
    # at 80x24, scrolling the table into view hid the summary above it (reached only by Shift+Tab, Up)
    MAIN_KEEPS_TOP = True

    def compose(self) -> ComposeResult:
        yield KioskHeader("考试数据看板")
        with Page(classes="form wide"):  # a Tab stop only while it has more to show
            yield Plain(LOADING, id="dash-summary")
            yield Plain("", id="dash-chart")
            yield PlainTable(id="dash-rows", cursor_type="row")
            yield Plain(f"{APPLIED_HINT}\n{STATE_HINT}", classes="hint")
            yield Plain("", classes="screen-error")
            with Horizontal(classes="buttons"):
                yield Button("刷新", id="reload")
                yield Button("返回", id="back")

    def on_mount(self) -> None:
        self.query_one("#dash-rows", DataTable).add_columns("日期", "考场", "状态", "场次", "考位", "已申请", "已安排", "满员率")
        # Quiet too: a first read slower than WAIT_AFTER brought up the 正在办理 bar, whose making room
        # scrolled the page to the focused table (at 80x24, 8 rows down, the summary out of view).
        self.reload(quiet=True)
        self.set_interval(10, lambda: self.reload(quiet=True))  # live: no 正在办理 bar every 10 s

    def reload(self, quiet: bool = False) -> None:
        self.call(counter_dashboard.dashboard, self.env, self.kiosk.staff, done=self._loaded, quiet=quiet)

    def _loaded(self, board: counter_dashboard.Dashboard) -> None:
        seats, placed = board.totals
        rate = f"{placed / seats:.0%}" if seats else "-"
        self.query_one("#dash-summary", Static).update(Text.assemble(
            ("今日及未来7天", "bold"), f"（{board.today:%Y-%m-%d} 起）：考位 {seats}，已安排 {placed}，满员率 {rate}；"
            f"今日新增预约 {board.bookings_made_today}\n",
            ("待安排申请", "bold"), f" {board.pending} 份（尚未安排的普通预约申请，不分考试日期，每份计一次）",
            *overdue_line(board)))
        self.query_one("#dash-chart", Static).update(chart_text(board))
        # refilled in place: the 10-second refresh keeps the row and the scroll the clerk is reading
        table = self.query_one("#dash-rows", PlainTable)
        first = not table.row_count
        table.refill(
            [(f"{r.day:%m-%d}", r.site, OVERDUE if r.overdue else "", str(r.sessions), str(r.seats), applied_cell(r.applicants), str(r.placed),
              f"{r.fill_rate:.0%}") for r in board.rows], [f"{r.day} {r.site}" for r in board.rows])
        if first:  # the table filled: it takes the focus from 刷新 (unless the clerk has moved it)
            self.refocus_main()

    def _main_target(self) -> Widget | None:
        """The table (once filled), else 刷新, never the page; the page stays at its top
        (MAIN_KEEPS_TOP), at the opening focus too."""
        return main_control(self)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.has_focus:  # the row moved to, brought into view (the page scrolls only if it is not)
            self.call_after_refresh(self._show_cursor_row)

    def _show_cursor_row(self) -> None:
        table, page = self.query_one("#dash-rows", PlainTable), self.query_one(VerticalScroll)
        if not table.row_count:
            return
        box = table.virtual_region
        row = table._get_row_region(table.cursor_row)  # noqa: SLF001 - the row's place in the list
        y = box.y + row.y - round(table.scroll_y)
        page.scroll_to_region(Region(box.x, y, box.width, row.height), animate=False, immediate=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "reload":
            self.reload()
        elif event.button.id == "back":
            self.dismiss()


def overdue_line(board: counter_dashboard.Dashboard) -> tuple:
    """The plans whose publication day has gone by unallocated, per day (逾期未安排：2026-12-03 公布的计划18个，
    请尽快安排考试): their applicants still wait for a result, and their sessions still to come take no
    booking. At most 5 days named, then 等."""
    if not board.overdue:
        return ()
    days = "，".join(f"{d:%Y-%m-%d} 公布的计划{n}个" for d, n in board.overdue[:5])
    more = "等" if len(board.overdue) > 5 else ""
    which = "按公布日期先后依次填写各" if len(board.overdue) > 1 else "填写该"
    return ("\n", ("逾期未安排：", "bold red"),
            f"{days}{more}，请尽快安排考试（申请人仍在等待预约结果：在【考试计划与安排】中{which}公布日期"
            "并点击【安排考试并公布结果】）")
