"""审核队列: what the kiosk queued, oldest first; the photo drawn with half blocks (U+2580, top
pixel as the foreground colour, bottom pixel as the background) beside the automatic checks;
approve, or reject with a reason from the list."""
from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Select, Static

from ....services import counter_review
from ....domain.errors import DomainError
from ....services.counter_review import AlreadyReviewed, QueueItem
from ...base import KioskScreen
from ...widgets.header import KioskHeader
from ...widgets.plain import Plain, PlainTable

UPPER_HALF = "\u2580"  # ambiguous width, like the QR code: drawn one cell wide by the kiosk's terminal


def photo_text(pixels: list[list[tuple[str, str]]]) -> Text:
    text = Text()
    for row in pixels:
        for top, bottom in row:
            text.append(UPPER_HALF, style=f"{top} on {bottom}")
        text.append("\n")
    return text if pixels else Text("（无法读取照片）")


class ReviewScreen(KioskScreen):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[QueueItem] = []

    def compose(self) -> ComposeResult:
        yield KioskHeader("审核队列")
        with VerticalScroll(classes="form wide"):
            yield Plain("按提交时间先后排列。核对照片和自动检查结果后，审核通过或选择不通过原因。"
                        "结果将通过短信和消息通知申请人，并更新网办进度。", classes="hint")
            yield PlainTable(id="queue", cursor_type="row")
            with Horizontal(id="review-body"):
                yield Plain("", id="review-photo")
                yield Plain("", id="review-checks")
            yield Select([(r, r) for r in counter_review.REJECT_REASONS], prompt="不通过原因（不通过时必选）",
                         id="reason")
            yield Plain("", classes="screen-error")
            with Horizontal(classes="buttons"):
                yield Button("审核通过", id="approve", variant="success")
                yield Button("审核不通过", id="reject", variant="error")
                yield Button("刷新", id="reload")
                yield Button("返回", id="back")

    def on_mount(self) -> None:
        self.query_one("#queue", DataTable).add_columns("提交时间", "业务流水号", "审核内容", "申请人", "身份证号", "照片来源")
        self.reload()

    def reload(self, notice: str = "") -> None:
        """The queue again; ``notice`` then shows in the error line (why an item left it)."""
        self.call(counter_review.queue, self.env, self.kiosk.staff, done=partial(self._loaded, notice=notice))

    def _loaded(self, items: list[QueueItem], notice: str = "") -> None:
        self.query_one(".screen-error", Static).update(notice)
        self.items = items
        table = self.query_one("#queue", DataTable)
        table.clear()
        for i in items:
            table.add_row(f"{i.submitted_at:%m-%d %H:%M}", i.serial_no, i.kind, i.name, i.id_masked, i.source,
                          key=i.serial_no)
        self._show(items[0] if items else None)
        if not items:
            self.query_one("#review-checks", Static).update("审核队列已清空，暂无待审核的业务。")

    def selected(self) -> QueueItem | None:
        table = self.query_one("#queue", DataTable)
        if not self.items or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((i for i in self.items if i.serial_no == key), None)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show(self.selected())

    def _show(self, item: QueueItem | None) -> None:
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
            self.app.pop_screen()
        elif bid == "reload":
            self.reload()
        elif bid in ("approve", "reject"):
            item = self.selected()
            if item is None:
                self.query_one(".screen-error", Static).update("没有待审核的业务")
                return
            if bid == "approve":
                self.call(counter_review.approve, self.env, self.kiosk.staff, item.serial_no, done=self._decided,
                          failed=self._refused)
                return
            reason = self.query_one("#reason", Select).value
            if not isinstance(reason, str):
                self.query_one(".screen-error", Static).update("请选择不通过的原因")
                return
            self.call(counter_review.reject, self.env, self.kiosk.staff, item.serial_no, reason, done=self._decided,
                      failed=self._refused)

    def _refused(self, exc: DomainError) -> None:
        if isinstance(exc, AlreadyReviewed):  # decided elsewhere meanwhile: the stale row and photo go
            self.query_one("#reason", Select).clear()
            self.reload(notice=exc.message)
        else:
            self.show_error(exc)

    def _decided(self, done) -> None:  # type: ignore[no-untyped-def]
        self.notify(f"{done.serial_no}：{done.note}，已通知申请人", timeout=6)
        self.query_one("#reason", Select).clear()
        self.reload()
