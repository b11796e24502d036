"""The citizen's bookings with one action each (BookingListScreen). 取消考试预约 is in
kiosk.ui.screens.booking.cancel; 考试费缴纳 and 预约凭证, for successful bookings, in
kiosk.ui.screens.booking.placed. The list read again while it is in front (LiveBookings) is in
records_live.

The page has the 下方还有内容 line under it (kiosk.ui.widgets.more_below), as the wizards have: after
查看预约凭证 the page is scrolled to the certificate, and at 100x30 and 80x24 查看预约凭证 and
返回业务中心 were below the screen with nothing saying so; a tester at a touch screen had only the
page's thin scrollbar (a tap on the line pages down, and 上方还有内容 pages back up to the list; it
names PageUp, kiosk.ui.widgets.more_below.MoreBelowByPageUp)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, DataTable, Static

from ....domain.errors import DomainError, sentence
from ....services import booking_records
from ...base import LIVE_SECONDS
from ...citizen_screen import CitizenScreen
from ...widgets.fit import fill_to_fit
from ...widgets.header import KioskHeader
from ...widgets.more_below import MoreBelowByPageUp
from ...widgets.plain import ErrorLine, Plain, PlainTable
from ...widgets.page import Page
from ...widgets.page_column import PageColumn
from .records_live import LiveBookings


# 状态 before the time and site: 状态 (未缴费/已缴费) is what these screens are about. The detail under
# the table repeats every column; on a narrow terminal 预约模式, then 业务流水号, then 考试场地 are left
# out rather than cut in half.
COLUMNS = ("业务流水号", "科目", "状态", "考试时间", "考试场地", "预约模式")
DROP_WHEN_NARROW = (5, 0, 4)


class BookingListScreen(LiveBookings, CitizenScreen):
    TITLE_TEXT = ""
    ACTION = ""
    EMPTY = "您没有网上办理的考试预约。"
    INTRO = ""
    STATUSES: tuple[str, ...] = ("pending", "placed", "unplaced", "cancelled", "done")
    REFUSED = ""  # heads the reason a row's action cannot be done
    DONE = ""  # what Enter on a row says when the action has been done for it (``done``)
    BY_EXAM_TIME = False  # listed by exam time, the soonest first (undated after), not newest application first

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[booking_records.BookingView] = []
        self.pending_action: int | None = None
        self.flash = ""  # the outcome of the last action, shown above the list
        self.flash_alert = False  # the flash says why the action was refused: in bold
        self.keep_row: int | None = None  # the booking the cursor goes back to when the list reloads
        self._asked_from: Widget | None = None  # what had the focus when the question opened
        self._columns: list[int] = []  # the indexes (in COLUMNS) of the columns shown
        self._detail_of: int | None = None  # the booking whose detail (or certificate, receipt...) shows
        self._last_read: Any = None  # what ``source`` read last (a live read that finds the same shows nothing)

    def compose(self) -> ComposeResult:
        yield KioskHeader(self.TITLE_TEXT)
        with PageColumn():  # the page, and 下方还有内容 under it while some of it is below its edge
            with Page(classes="form wide"):
                yield Plain("正在查询，请稍候。", id="status", classes="hint")
                yield PlainTable(id="bookings", cursor_type="row", zebra_stripes=True, select_on_click=True)
                yield Plain("", id="detail")
                with Vertical(id="confirm-box"):
                    yield Plain("", id="confirm-text")
                    with Horizontal(classes="buttons"):
                        yield Button("确认", id="confirm-yes", variant="error")
                        yield Button("暂不办理", id="confirm-no")
                yield ErrorLine(classes="screen-error")
                # hidden while a question is open. The action first: Tab goes from the row to it, then to
                # 返回业务中心 (with 返回业务中心 first, a careless Tab+Enter on the row left the service)
                with Horizontal(classes="buttons", id="actions"):
                    yield Button(self.ACTION, id="action", variant="primary", disabled=True)
                    yield Button("返回业务中心", id="back")
            yield MoreBelowByPageUp()  # 上方: PageUp, not Shift+Tab (the page is the first Tab stop)

    def on_mount(self) -> None:
        self.query_one("#confirm-box").display = False
        # the header from the start: a table without columns has no height, and then (1 run in 20 or so)
        # was not laid out again when its rows came, so it stayed invisible
        self._fill(keep_cursor=False)
        self.reload()
        self.set_interval(LIVE_SECONDS, self._live)

    def source(self) -> tuple[Callable[..., Any], tuple]:
        """The service that reads this screen's list, and its arguments."""
        return booking_records.my_bookings, (self.env, self.account_id)

    def show_read(self, result: Any) -> None:
        """Show what ``source`` read (the bookings; a subclass's read may carry more)."""
        self._loaded(result)

    def reload(self) -> None:
        fn, args = self.source()
        self.call(fn, *args, done=self._read)

    def _read(self, result: Any) -> None:
        self._last_read = result
        self.show_read(result)

    def _loaded(self, rows: list[booking_records.BookingView]) -> None:
        self.rows = [r for r in rows if r.status in self.STATUSES]
        if self.BY_EXAM_TIME:  # stable: the undated keep the newest application first
            self.rows.sort(key=lambda r: (r.exam_at is None, r.exam_at or r.created_at))
        table = self.query_one(DataTable)
        self._fill(keep_cursor=False)
        self._show_status()
        action = self.query_one("#action", Button)
        action.disabled = not self.rows
        action.display = bool(self.rows)
        table.display = bool(self.rows)
        if self.rows:
            table.focus()
            index = next((i for i, r in enumerate(self.rows) if r.id == self.keep_row), 0)
            if index:
                table.move_cursor(row=index)
            self._show(index)
        else:  # nothing left (e.g. the last booking was just cancelled): no stale detail
            self._detail_of = None
            self.query_one("#detail", Static).update("")
            self._ask(None, "")
            self.query_one("#back", Button).focus()

    def _show_status(self) -> None:
        """The line over the list: what the last action (or a live read) said, then what to do."""
        intro = self.intro() if self.rows else self.empty()
        flash = Content.styled(self.flash, "bold $text-error" if self.flash_alert else "")  # a refusal in red
        self.query_one("#status", Static).update(Content.assemble(flash, "\n", intro) if self.flash else intro)

    def intro(self) -> str:
        """What to do with the rows listed (there are some)."""
        return self.INTRO

    def empty(self) -> str:
        """What the line over the list says when nothing is listed."""
        return self.EMPTY

    def _fill(self, keep_cursor: bool = True) -> None:
        """The rows, in the columns that fit the page's width (again after a resize, when they change)."""
        cells = [(r.serial_no, r.subject_name, r.status_text, r.when, r.site_name or "-", r.mode_text)
                 for r in self.rows]
        self._columns = fill_to_fit(self.query_one(PlainTable), self.query_one(VerticalScroll), COLUMNS, cells,
                                    DROP_WHEN_NARROW, self._columns, keep_cursor)

    def on_resize(self, event: events.Resize) -> None:
        if self.rows:
            self.call_after_refresh(self._fill)

    def selected(self) -> booking_records.BookingView | None:
        index = self.query_one(DataTable).cursor_row
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Another booking's detail; not on the highlights of a refill after a resize (the same row,
        or row 0 on the way back to it): they put the list's detail over a certificate shown."""
        table = self.query_one(DataTable)
        if event.cursor_row != table.cursor_row:  # the cursor has moved on since (a refill's row 0)
            return
        if 0 <= event.cursor_row < len(self.rows) and self.rows[event.cursor_row].id == self._detail_of:
            return
        self._show(event.cursor_row)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row (or a click on the row already highlighted): the screen's action for it, as
        its button would do; for a row it cannot be done for, why not (in the error line, under the
        detail), and the focus stays on the row."""
        event.stop()
        if not 0 <= event.cursor_row < len(self.rows):
            return
        row = self.rows[event.cursor_row]
        why = self.not_possible(row)
        if why:
            self._ask(None, "")
            self.show_error(DomainError(why))
            self.call_after_refresh(self._error_in_view)
        else:
            self.act(row)

    def _error_in_view(self) -> None:
        for line in self.query(".screen-error"):
            if line.display:
                line.scroll_visible(animate=False)

    def detail_in_view(self) -> None:
        """After an action put something long in the detail (a certificate at 80x24): its top at the
        top of the page when it does not all show, and the page focused, so the arrow keys read on
        (Tab goes back to the list, then its buttons). When it fits, nothing moves."""
        self.query_one(Page).read_from(self.query_one("#detail"))

    def not_possible(self, row: booking_records.BookingView) -> str:
        """What Enter on ``row`` says when this screen's action cannot be done for it ("" when it can):
        the detail above says why at length."""
        if self.refusal(row):
            return f"{self.REFUSED}，原因见上方说明。"
        if self.done(row):
            return self.DONE
        return ""

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        self._detail_of = row.id
        lines = self.detail_lines(row) + self.more_lines(row)
        refusal = self.refusal(row)
        if refusal:  # said before anything is pressed, and no button the service would refuse
            # not 「不能在网上取消：优先预约不能在网上取消，...」 when the reason says it already (tester)
            lines += ["", sentence(refusal) if self.REFUSED in refusal else f"{self.REFUSED}：{sentence(refusal)}"]
        self.query_one("#detail", Static).update("\n".join(lines))
        self.query_one("#action", Button).display = not refusal and not self.done(row)
        self._ask(None, "")
        self.clear_errors()  # a refusal was about the row selected before

    @staticmethod
    def detail_lines(r: booking_records.BookingView) -> list[str]:
        lines = [f"{r.title}  业务流水号 {r.serial_no}", f"考试科目：{r.subject_name}    准驾车型：{r.licence_class}",
                 f"预约模式：{r.mode_text}    状态：{r.status_text}"]
        if r.exam_at:
            lines.append(f"考试时间：{r.when}    考试场地：{r.site_name}（{r.site_address}，电话{r.site_phone}）")
        elif r.asked:  # not placed (yet): what was applied for
            lines.append("申请内容：" + "；".join(r.asked))
        if r.unplaced_reason:
            lines.append(f"未安排原因：{r.unplaced_reason}")
        return lines

    def _ask(self, booking_id: int | None, text: str) -> None:
        """Open the question about ``booking_id`` (None: close it). While it is open, its two buttons
        are the only ones: 返回业务中心 and the action (取消预约 beside 确认取消) wait under it."""
        asked = self.pending_action is not None
        if booking_id is not None and not asked:
            self._asked_from = self.focused
        self.pending_action = booking_id
        self.query_one("#confirm-text", Static).update(text)
        self.query_one("#confirm-box").display = booking_id is not None
        self.query_one("#actions").display = booking_id is None
        if booking_id is not None:  # the keyboard lands on the safe choice; one Tab back to confirm
            self.query_one("#confirm-no", Button).focus()
        elif asked:  # answered 暂不办理 (or done): back where it was asked from (the row, the action)
            action = self.query_one("#action", Button)
            table = self.query_one(DataTable)
            if self._asked_from is table and table.display and self.rows:
                table.focus()
            else:
                (action if action.display and self.rows else self.query_one("#back", Button)).focus()

    def said(self, flash: str, alert: bool = False) -> None:
        """The outcome of an action, above the list from its next reload on."""
        self.flash, self.flash_alert = flash, alert

    def changed_meanwhile(self, exc: DomainError, booking_id: int) -> None:
        """The action was refused because the booking changed since the list was read (cancelled
        on another kiosk or at a counter, placed, paid): the reason above the list, read again, so
        that what it shows and offers is the booking as it is now."""
        self._ask(None, "")
        self.said(sentence(exc.message), alert=True)
        self.keep_row = booking_id
        self.reload()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id
        row = self.selected()
        if bid == "back":
            self.dismiss()
        elif bid == "action" and row is not None:
            self.act(row)
        elif bid == "confirm-no":
            self._ask(None, "")
        elif bid == "confirm-yes" and self.pending_action is not None:
            self.confirmed(self.pending_action)

    def refusal(self, row: booking_records.BookingView) -> str:
        """Why this screen's action cannot be done for ``row`` ("" when it can)."""
        return ""

    def done(self, row: booking_records.BookingView) -> bool:
        """This screen's action has been done for ``row`` (the detail says so): no button for it."""
        return False

    def more_lines(self, row: booking_records.BookingView) -> list[str]:
        """What this screen adds to the detail of ``row``."""
        return []

    def act(self, row: booking_records.BookingView) -> None:
        raise NotImplementedError

    def confirmed(self, booking_id: int) -> None:
        raise NotImplementedError
