"""审核队列: what the kiosk queued, oldest first; the photo drawn with half blocks (U+2580, top
pixel as the foreground colour, bottom pixel as the background) beside the automatic checks;
approve, or reject with a reason from the list. Either is asked first (ConfirmDialog, naming the
citizen and the business); a line above the list then says what was done, beside the item shown
next, and goes once another item is shown (the cursor moved, or a photo came into the emptied
queue: tester, 已退回：梁雪... stayed above a new photo, as if said of it). The queue is read again
every LIVE_SECONDS (a photo sent at a kiosk meanwhile comes in, one decided elsewhere goes), the
reviewer's row, focus and scroll kept."""
from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual import events
from textual.widget import Widget
from textual.widgets import Button, DataTable, Select, Static

from ....services import counter_review
from ....domain.errors import DomainError
from ....services.counter_review import AlreadyReviewed, QueueItem
from ...base import LIVE_SECONDS, KioskScreen
from ...dialogs.confirm import ConfirmDialog
from ...widgets.dropdown import Dropdown
from ...widgets.edge_gap import EdgeGap
from ...widgets.fit import SCROLLBAR, fit_columns, room
from ...widgets.header import KioskHeader
from ...widgets.more_below import MoreBelow
from ...widgets.page import Page
from ...widgets.plain import Plain, PlainTable

COLUMNS = ("提交时间", "业务流水号", "审核内容", "申请人", "身份证号", "照片来源")
DROP_WHEN_NARROW = (5, 2)  # 照片来源 (the text beside the photo says it), then 审核内容
EMPTY = "审核队列已清空，暂无待审核的照片。新提交的照片会自动显示在这里。"
UPPER_HALF = "\u2580"  # ambiguous width, like the QR code: drawn one cell wide by the kiosk's terminal


def photo_text(pixels: list[list[tuple[str, str]]]) -> Text:
    text = Text()
    for n, row in enumerate(pixels):
        if n:  # no blank row under the last: at 80x24 the buttons then fit with 下方还有内容 shown after a resize
            text.append("\n")
        for top, bottom in row:
            text.append(UPPER_HALF, style=f"{top} on {bottom}")
    return text if pixels else Text("（无法读取照片）")


class ReviewScreen(KioskScreen):
    MAIN_KEEPS_TOP = True  # at 80x24 focusing the list (or 不通过原因, while it loads) scrolled the notice's first line away

    def __init__(self) -> None:
        super().__init__()
        self.items: list[QueueItem] = []
        self._loads = 0  # queues shown so far: a live read begun before another was shown is dropped
        self._said_beside: str | None = None  # the item (serial) shown when the line of what was done was said

    def compose(self) -> ComposeResult:
        yield KioskHeader("审核队列")
        with Page(classes="form wide"):  # a Tab stop only while it has more to show
            yield Plain("按提交时间先后排列。核对照片和自动检查结果后，审核通过或选择不通过原因。"
                        "结果将通过短信和消息通知申请人，并更新网办进度。", classes="hint")
            yield Plain("", id="review-done")
            yield Plain(EMPTY, id="review-empty")  # in place of the list and the photo while there is none
            yield PlainTable(id="queue", cursor_type="row")
            with Horizontal(id="review-body"):
                yield Plain("", id="review-photo")
                with Vertical(id="review-side"):  # beside the photo: under it, the buttons were below the fold at 100x30
                    yield Plain("", id="review-checks")
                    yield Dropdown([(r, r) for r in counter_review.REJECT_REASONS], prompt="不通过原因（不通过时必选）",
                                   id="reason")
            yield Plain("", classes="screen-error")
            yield EdgeGap()  # the page's edge under the buttons or above them, not through them (100x30)
            with Horizontal(classes="buttons"):
                yield Button("审核通过", id="approve", variant="success")
                yield Button("审核不通过", id="reject", variant="error")
                yield Button("刷新", id="reload")
                yield Button("返回", id="back")
        yield MoreBelow()  # 下方还有内容 while the buttons are below the page's edge (80x24, a longer queue)

    def on_mount(self) -> None:
        self._said("")
        self.reload()
        self.set_interval(LIVE_SECONDS, self._live)  # citizens send photos at the kiosks meanwhile
        self.query_one("#review-empty").display = False  # until the queue is read
        page = self.query_one(Page)
        self.watch(page, "virtual_size", lambda _size: self.call_after_refresh(self._cut_clean), init=False)

    def on_page_resized(self, _event: Page.Resized) -> None:  # the terminal, or the 下方还有内容 line
        self.call_after_refresh(self._cut_clean)

    def _cut_clean(self) -> None:
        """The buttons whole above the page's edge, or wholly below it (kiosk.ui.widgets.edge_gap)."""
        if self.is_attached:
            self.query_one(EdgeGap).keep_whole(self.query_one(Page), self.query_one(".buttons"))

    def _live(self) -> None:
        """The queue read again off the UI thread, as the counter's other live lists are: what was
        sent at a kiosk meanwhile comes in, what another reviewer decided goes. Not while an action
        runs or a question is over the screen (its answer acts on the item it names)."""
        if self.busy or self.app.screen is not self:
            return
        loads = self._loads
        self.read_live(counter_review.queue, self.env, self.kiosk.staff,
                       done=lambda items: self._live_loaded(loads, items))

    def _live_loaded(self, loads: int, items: list[QueueItem]) -> None:
        """The queue read by ``_live``, unless the reviewer acted since it was begun (its own reload
        then shows the queue as it is after that) or nothing changed. The cursor stays on the
        application it was on (PlainTable.refill, by serial number), wherever the new rows put it;
        the focus and the scroll stay. The item under the cursor decided elsewhere is said (the
        cursor is then on another application) and the reason chosen for it cleared."""
        if loads != self._loads or self.busy or not self.is_attached or items == self.items:
            return
        before = self.selected()
        self._loads += 1
        self.items = items
        self._fill()
        now = self.selected()
        self._show(now)
        self._decidable(bool(items))
        if items and before is None:  # the queue was empty: a 没有待审核的业务 said then is no longer true (tester)
            self.query_one(".screen-error", Static).update("")
            self._focus_queue()  # the new photo shown first: Enter on 审核通过 left there asked about it unseen (tester)
        if before is not None and before.serial_no not in {i.serial_no for i in items}:
            self.query_one("#reason", Select).clear()
            self.query_one(".screen-error", Static).update(
                f"{before.name}的{before.title}（业务流水号 {before.serial_no}）已在其他终端审核，已从队列中移除")

    def reload(self, notice: str = "", done: str = "") -> None:
        """The queue again; ``notice`` then shows in the error line (why an item left it), ``done``
        above the list (what this clerk just decided)."""
        self.call(counter_review.queue, self.env, self.kiosk.staff,
                  done=partial(self._loaded, notice=notice, done=done))

    def _loaded(self, items: list[QueueItem], notice: str = "", done: str = "") -> None:
        self._loads += 1
        self.query_one(".screen-error", Static).update(notice)
        self.items = items
        self._fill()
        self._said(done, self.selected())
        self._show(self.selected())
        self._decidable(bool(items))
        if items and self._loads == 1:  # the list filled: it takes the opening focus from 不通过原因 (unless moved)
            self.refocus_main()
        elif items and done:  # the next item, and above it what was just done (at 80x24 the buttons were in view)
            self._focus_queue()

    def _decidable(self, there: bool) -> None:
        """审核通过, 审核不通过 and 不通过原因 only while there is a photo to decide (tester: in the
        emptied queue the focus stayed on 审核不通过, 审核通过 drawn green, and Enter did nothing
        visible); the focus then on 刷新 (unless on 返回). A photo coming in enables them again.
        With none, the list and the photo's place give way to the line that says so (EMPTY): at 80x24
        the empty list's headers showed with no rows under them, and 不通过原因 (tester)."""
        for wid in ("#approve", "#reject", "#reason"):
            self.query_one(wid).disabled = not there
        for wid in ("#queue", "#review-body"):
            self.query_one(wid).display = there
        self.query_one("#review-empty").display = not there
        if not there and self.focused is not self.query_one("#back", Button):
            self.query_one("#reload", Button).focus()

    @property
    def focus_chain(self) -> list[Widget]:
        """Tab: the list, 审核通过, 不通过原因, 审核不通过, 刷新, 返回. 不通过原因 is drawn beside the
        photo, above the buttons, but it serves only 审核不通过: Tab from a reason just chosen went
        to 审核通过, the opposite of what the reviewer was doing (tester)."""
        chain = super().focus_chain
        reason = self.query_one("#reason")
        moved = [w for w in chain if w is reason or reason in w.ancestors]
        rest = [w for w in chain if w not in moved]
        reject = self.query_one("#reject")
        if not moved or reject not in rest:
            return chain
        at = rest.index(reject)
        return rest[:at] + moved + rest[at:]

    def _focus_queue(self) -> None:
        """The list has the focus, the page scrolled to its top (the line above the list, the photo)."""
        self.query_one("#queue", DataTable).focus()
        self.query_one(VerticalScroll).scroll_home(animate=False)

    def _fill(self) -> None:
        """The queue in the columns that fit the page (80x24: no header cut at the right edge)."""
        table = self.query_one("#queue", PlainTable)
        cells = [(f"{i.submitted_at:%m-%d %H:%M}", i.serial_no, i.kind, i.name, i.id_masked, i.source)
                 for i in self.items]
        # More rows than the table shows (its max-height, less the header): its own scrollbar too.
        width = room(self.query_one(VerticalScroll)) - (SCROLLBAR if len(cells) >= 12 else 0)
        shown = fit_columns(COLUMNS, cells, width, DROP_WHEN_NARROW)
        table.refill([tuple(row[c] for c in shown) for row in cells], [i.serial_no for i in self.items],
                     [COLUMNS[c] for c in shown])

    def on_resize(self, _event: events.Resize) -> None:
        self.call_after_refresh(self._fill)

    def _said(self, text: str, beside: QueueItem | None = None) -> None:
        """What was just done, above the list, said while ``beside`` (the next item, or none) is shown."""
        line = self.query_one("#review-done", Static)
        line.update(text)
        line.display = bool(text)
        self._said_beside = beside.serial_no if beside is not None else None

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "reason" and isinstance(event.value, str):  # a reason chosen: 请选择 no longer holds
            self.query_one(".screen-error", Static).update("")

    def selected(self) -> QueueItem | None:
        table = self.query_one("#queue", DataTable)
        if not self.items or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((i for i in self.items if i.serial_no == key), None)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show(self.selected())

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        """Enter on a row: on to the decision, 审核通过 (Tab: 不通过原因, 审核不通过), in view; nothing is
        decided by it (tester: Enter did nothing, and 审核通过 was a Tab past 不通过原因)."""
        if self.selected() is not None:
            approve = self.query_one("#approve", Button)
            approve.focus()
            self.call_after_refresh(approve.scroll_visible, animate=False)

    def _show(self, item: QueueItem | None) -> None:
        if (item.serial_no if item is not None else None) != self._said_beside:
            self._said("", item)  # another item: what was done, said of an earlier one, goes
        photo, checks = self.query_one("#review-photo", Static), self.query_one("#review-checks", Static)
        if item is None:
            photo.update("")
            checks.update("")
            return
        photo.update(photo_text(item.pixels))
        lines = [Text.assemble((item.title, "bold"), f"  {item.serial_no}"), Text(f"申请人：{item.name}  {item.id_masked}"),
                 Text(f"照片来源：{item.source}  提交时间：{item.submitted_at:%Y-%m-%d %H:%M}"), Text(), Text("自动检查：")]
        lines += [Text(f"未通过：{p}", "red") for p in item.failed]
        lines += [Text(f"通过：{p}", "green") for p in item.passed]
        checks.update(Text("\n").join(lines))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id
        if bid == "back":
            self.dismiss()
        elif bid == "reload":
            self.reload()
        elif bid in ("approve", "reject"):
            item = self.selected()
            if item is None:
                self.query_one(".screen-error", Static).update("没有待审核的业务")
                return
            reason = self.query_one("#reason", Select).value
            reason = reason if isinstance(reason, str) else None
            if bid == "approve":
                self._ask_approve(item, reason)
            elif reason is None:
                self._no_reason()
            else:
                self._ask_reject(item, reason)

    @staticmethod
    def _business(item: QueueItem) -> str:
        return f"{item.title}  业务流水号 {item.serial_no}\n申请人：{item.name}  {item.id_masked}"

    def _ask_approve(self, item: QueueItem, reason: str | None) -> None:
        head = f"已选择不通过原因「{reason}」，确定审核通过吗？" if reason else "确定审核通过以下业务吗？"
        question = f"{head}\n\n{self._business(item)}\n\n审核通过后将以短信和消息通知申请人。"

        def answered(yes: bool | None) -> None:
            if yes:
                said = f"已审核通过：{item.name}  {item.id_masked}  {item.title}  业务流水号 {item.serial_no}，已通知申请人"
                self.call(counter_review.approve, self.env, self.kiosk.staff, item.serial_no,
                          done=partial(self._decided, said), failed=self._refused)

        self.app.push_screen(ConfirmDialog(question, "确认通过"), callback=answered)

    def _ask_reject(self, item: QueueItem, reason: str) -> None:
        question = (f"确定审核不通过并退回以下业务吗？\n\n{self._business(item)}\n不通过原因：{reason}\n\n"
                    "退回后将以短信和消息通知申请人按要求重新提交照片。")

        def answered(yes: bool | None) -> None:
            if yes:
                said = (f"已退回：{item.name}  {item.id_masked}  {item.title}  业务流水号 {item.serial_no}，"
                        f"原因：{reason}，已通知申请人")
                self.call(counter_review.reject, self.env, self.kiosk.staff, item.serial_no, reason,
                          done=partial(self._decided, said), failed=self._refused)

        self.app.push_screen(ConfirmDialog(question, "确认退回"), callback=answered)

    def _no_reason(self) -> None:
        """审核不通过 with no reason chosen: said under the list, which gets the focus."""
        self.query_one(".screen-error", Static).update("请选择不通过的原因")
        reason = self.query_one("#reason", Select)
        reason.focus()
        self.call_after_refresh(self.query_one(".screen-error", Static).scroll_visible)

    def _refused(self, exc: DomainError) -> None:
        if isinstance(exc, AlreadyReviewed):  # decided elsewhere meanwhile: the stale row and photo go
            self.query_one("#reason", Select).clear()
            self.reload(notice=exc.message)
        else:
            self.show_error(exc)

    def _decided(self, said: str, _done: object) -> None:
        self.query_one("#reason", Select).clear()
        self.reload(done=said)
