"""Read-only screens: 网办进度, 消息, 驾驶证信息 (我的机动车: my_vehicles.py)."""
from __future__ import annotations

from dataclasses import replace

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Static

from ...domain.ids import mask_phone
from ...services import applications as apps
from ...services import messaging, profile
from ...services.booking import PERMIT_VOID
from ..base import LIVE_SECONDS
from ..citizen_screen import CitizenScreen
from ..widgets.fit import refill_to_fit
from ..widgets.header import KioskHeader
from ..widgets.plain import ErrorLine, Plain, PlainTable
from ..widgets.page import Page


class RecordScreen(CitizenScreen):
    TITLE_TEXT = ""
    EMPTY_TEXT = ""

    def compose(self) -> ComposeResult:
        yield KioskHeader(self.TITLE_TEXT)
        with Page(classes="form wide"):
            yield Plain("正在查询，请稍候。", id="status", classes="hint")
            table = PlainTable(id="table", cursor_type="row", zebra_stripes=True)
            table.display = False  # a bare header row says nothing: shown once there are rows (show_table)
            yield table
            yield Plain("", id="detail")
            yield ErrorLine(classes="screen-error")
            with Horizontal(classes="buttons"):
                yield Button("返回业务中心", id="back", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "back":
            self.back_to_menu()

    def back_to_menu(self) -> None:
        """返回业务中心 goes to 业务中心, however this screen was reached: 网办进度 opened from a
        result (驾驶证电子版 > 换照片 > 查看网办进度) has the screens it came through under it."""
        from .home import HomeScreen

        menus = [screen for screen in self.app.screen_stack if isinstance(screen, HomeScreen)]
        if menus:
            self.close_to(menus[-1])
        else:
            self.dismiss()

    def set_status(self, text: str | Text) -> None:
        self.query_one("#status", Static).update(text)

    def show_table(self, rows: bool) -> None:
        """The list only with ``rows`` (none: only the status line says so, no header row under it).
        When it goes, so do the details of its row, and the focus if it was on it: to 返回."""
        table = self.query_one(PlainTable)
        table.display = rows
        if not rows:
            self.query_one("#detail", Static).update("")
            if self.focused in (None, table):
                self.call_after_refresh(self.focus_main)


class ProgressScreen(RecordScreen):
    """Kept up to date while it is shown: a citizen often waits at the kiosk while a clerk finishes
    the application at the counter (办结), so the list is read again every REFRESH_SECONDS (one
    read of the citizen's own applications, quiet: no 正在办理 bar, no error for a busy database;
    the counter's 考试数据看板 does the same) and when the screen comes back on top. The cursor
    stays on its application and the focus where it is; the same list changes nothing on screen.
    ``serial``: the application to open on (a result's 查看网办进度), else the newest."""

    TITLE_TEXT = "网办进度"
    REFRESH_SECONDS = 10.0
    # On a narrow terminal 业务流水号, then 申请时间, are left out rather than cut (预约成功（已缴费）
    # beside 优先考试预约（科目二） leaves 80 columns too few): the 办理过程 under the list repeats both.
    COLUMNS = ("业务流水号", "业务名称", "状态", "申请时间")
    DROP_WHEN_NARROW = (0, 3)

    def __init__(self, serial: str = "") -> None:
        super().__init__()
        self.serial = serial
        self.rows: list[apps.ApplicationView] = []
        self._first = True  # not loaded yet: the first load focuses the list
        self._narrow_shown: bool | None = None  # the look the 办理过程 was shown in (None: not yet)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*self.COLUMNS)
        self.reload()
        self.set_interval(self.REFRESH_SECONDS, self._refresh)

    def reload(self, quiet: bool = False) -> None:
        self.call(apps.list_for, self.env, self.account_id, done=self._loaded, quiet=quiet,
                  failed=(lambda _exc: None) if quiet else None)

    def _refresh(self) -> None:
        """Not under a dialog, nor while a call runs, nor once the session is wiped."""
        if self.app.screen is self and not self.busy and self.kiosk.citizen is not None:
            self.reload(quiet=True)

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        if not self._first:
            self._refresh()

    def _loaded(self, rows: list[apps.ApplicationView]) -> None:
        if not self._first and rows == self.rows:
            return
        self.rows = rows
        table = self.query_one(PlainTable)
        self._fill()
        self.show_table(bool(rows))  # again when a refresh finds the first row
        self.set_status(f"共{len(rows)}笔业务。选中一行查看办理过程（状态自动更新）。" if rows
                        else "您还没有网上办理的业务。")
        if rows:
            if self._first:
                at = next((i for i, row in enumerate(rows) if self.serial and row.serial_no == self.serial), 0)
                table.move_cursor(row=at)
                table.focus()
            self._show(table.cursor_row)
        self._first = False

    def _fill(self) -> None:
        """The rows, in the columns that fit the page's width (again after a resize)."""
        cells = [(row.serial_no, row.title, row.status_text, f"{row.created_at:%Y-%m-%d %H:%M}") for row in self.rows]
        refill_to_fit(self.query_one(PlainTable), self.query_one(Page), self.COLUMNS, cells,
                      [row.serial_no for row in self.rows], self.DROP_WHEN_NARROW)

    def on_resize(self, event: events.Resize) -> None:
        if self.rows:
            self.call_after_refresh(self._fill)
            self.call_after_refresh(self._reshow)

    def _reshow(self) -> None:
        """The 办理过程 in the look for the terminal's size now, when that look changed (only then: a
        detail being read keeps its place, kiosk.ui.widgets.page.Page.read_from)."""
        if self._narrow_shown is not None and self._narrow_shown != self.app.has_class("-narrow"):
            self._show(self.query_one(PlainTable).cursor_row)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row (or a click on the row already highlighted): its 办理过程, shown under the
        list, into view when it does not all show (a long one, at 80x24): its top at the top of the
        page, and the page focused, so the arrow keys read the rest; Tab goes back to the list.
        When all of it shows already there is nothing to do, and nothing moves."""
        event.stop()
        self.query_one(Page).read_from(self.query_one("#detail"))

    def _show(self, index: int) -> None:
        if not 0 <= index < len(getattr(self, "rows", [])):
            return
        row = self.rows[index]
        steps = Table.grid(padding=(0, 2))  # a long note wraps inside its own column, under itself
        self._narrow_shown = self.app.has_class("-narrow")
        if self._narrow_shown:
            # 80x24: the note under its time and status, across the page (beside them it had 26
            # columns: 支付流水号 and 缴费时间 broken over five lines)
            steps.add_column(ratio=1, overflow="fold")
            for e in row.events:
                steps.add_row(Text(f"{e.at:%Y-%m-%d %H:%M:%S}  {e.status}"))
                steps.add_row(Padding(Text(e.note), (0, 0, 0, 2)))
        else:
            steps.add_column(no_wrap=True)
            steps.add_column(no_wrap=True)
            steps.add_column(ratio=1, overflow="fold")
            for e in row.events:
                steps.add_row(f"{e.at:%Y-%m-%d %H:%M:%S}", Text(e.status), Text(e.note))  # Text: no markup in notes
        self.query_one("#detail", Static).update(Group(
            Text(f"业务流水号 {row.serial_no}  {row.title}"), Text(f"当前状态：{row.status_text}"), "办理过程：",
            Padding(steps, (0, 0, 0, 2))))


class InboxScreen(RecordScreen):
    """The inbox, newest first; the highlighted message is shown under the list and marked read.
    Read again every LIVE_SECONDS while in front (quiet, as 网办进度): a message sent meanwhile (the
    counter's 办结, whose SMS the phone bar shows) comes in at the top, the cursor staying on its
    message, the focus and the scroll where they are (tester: 共5条消息 stayed, the new one missing,
    until 返回 and 消息 again)."""

    TITLE_TEXT = "消息"

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[messaging.MessageView] = []
        self._first = True  # not loaded yet: the first load focuses the list on the newest

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("时间", "标题", "状态")
        self.call(messaging.inbox, self.env, self.account_id, done=self._loaded)
        self.set_interval(LIVE_SECONDS, self._live)

    def _live(self) -> None:
        """Not before the first load, under a dialog, while a call runs, nor once the session is wiped."""
        if not self._first and self.app.screen is self and not self.busy and self.kiosk.citizen is not None:
            self.read_live(messaging.inbox, self.env, self.account_id, done=self._loaded)

    def _loaded(self, rows: list[messaging.MessageView]) -> None:
        if not self._first and rows == self.rows:
            return  # nothing new: nothing on screen changes
        self.rows = rows
        table = self.query_one(PlainTable)
        table.refill([(f"{m.created_at:%Y-%m-%d %H:%M}", m.title, "已读" if m.read else "未读") for m in rows],
                     [str(m.id) for m in rows])
        self.show_table(bool(rows))
        self.set_status(f"共{len(rows)}条消息。选中一条查看内容。" if rows else "暂无消息。")
        if rows and self._first:
            table.focus()
            self._show(0)
        self._first = False

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The message under the cursor. A refill highlights its first row on the way to the row the
        cursor stays on (kiosk.ui.widgets.plain.PlainTable.refill): that passing row is neither shown
        nor marked read (a new message at the top would be marked read unseen)."""
        if event.cursor_row == event.data_table.cursor_row:
            self._show(event.cursor_row)

    def _show(self, index: int) -> None:
        if not 0 <= index < len(getattr(self, "rows", [])):
            return
        m = self.rows[index]
        self.query_one("#detail", Static).update(f"{m.title}\n{m.body}")
        if not m.read:
            self.call(messaging.mark_read, self.env, self.account_id, m.id, done=lambda _: self._mark(m.id))

    def _mark(self, message_id: int) -> None:
        """Shown read in its row (wherever a refresh has moved it meanwhile), and kept so: the next
        read, saying the same, changes nothing."""
        self.rows = [replace(m, read=True) if m.id == message_id else m for m in self.rows]
        table = self.query_one(PlainTable)
        key = str(message_id)
        if key in table.rows:
            table.update_cell(key, table.ordered_columns[2].key, "已读")


class MyLicenceScreen(RecordScreen):
    TITLE_TEXT = "驾驶证信息"  # as its 业务中心 button (in the group 我的驾驶证)

    def on_mount(self) -> None:  # no list: the table stays hidden
        self.call(profile.licence_page, self.env, self.account_id, done=self._loaded)

    def _loaded(self, page: profile.LicencePage) -> None:
        lic, permit = page.licence, page.permit
        if lic is None:
            self.set_status("您名下没有机动车驾驶证。" + ("您正在申领机动车驾驶证，学习驾驶证明信息如下：" if permit else ""))
        else:
            self.set_status("以下为您的机动车驾驶证信息：")
        parts: list[str | tuple[str, str]] = []
        if lic is not None:
            colour = "green" if lic.normal else "red"
            parts += [f"档案编号：{lic.archive_no}\n准驾车型：{lic.classes}\n驾驶证状态：", (lic.status_text, colour),
                      "".join(f"\n  {note}" for note in lic.delays),
                      f"\n  请{lic.first}。" if lic.first else "",
                      f"\n初次领证日期：{lic.first_issued_on:%Y-%m-%d}\n"
                      f"有效期限：{lic.valid_from:%Y-%m-%d} 至 {lic.valid_to:%Y-%m-%d}\n"
                      f"发证机关：{lic.issuing_authority}\n{lic.points_text}\n"
                      + (f"  {lic.review}。\n" if lic.review else "") +
                      f"联系电话：{mask_phone(lic.phone)}\n联系地址：{lic.address}"]
        if permit is not None:
            parts += ["\n\n" if parts else "", *permit_lines(permit)]
        self.query_one("#detail", Static).update(Text.assemble(*parts))
        self.refocus_main()  # 返回业务中心, or the page when the licence does not fit on it


def permit_lines(p: profile.PermitView) -> list[str | tuple[str, str]]:
    """The learner permit under 驾驶证信息: its dates, each subject and where to go next."""
    void = PERMIT_VOID if p.void else ""
    issued = (f"核发日期：{p.issued_on:%Y-%m-%d}\n有效期至：{p.valid_to:%Y-%m-%d}{p.age_note}{void}" if p.issued_on and p.valid_to
              else "核发日期：尚未核发（科目一考试合格后核发）")
    subjects = "  ".join(f"{name} {state}" for name, state in p.subjects)
    return [("学习驾驶证明", "bold"), f"\n申领准驾车型：{p.licence_class}\n申请受理日期：{p.accepted_on:%Y-%m-%d}\n"
            f"{issued}\n考试科目：{subjects}\n", (p.next_step, "bold")]
