"""审计日志: filter by staff, citizen ID, action and date range. 管理员 sees everyone's entries,
other staff only their own. Read-only: nothing here (or anywhere in the app) edits the log."""
from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Static

from ....domain.errors import DomainError
from ....domain.typed import DATE_LEN
from ....services import audit, counter_audit, permissions
from ....services.staff import roles_short, roles_text
from ...base import KioskScreen
from ...widgets.field import FormField
from ...widgets.fit import room
from ...widgets.header import KioskHeader, fit
from ...widgets.plain import Plain, PlainTable


# Fixed widths, so 说明 stays on screen at 120 columns whatever the rows: 操作 fits the longest action
# name (audit.NAME_MAX characters), 角色 two short role names (管理 窗口) or 管理等4项, on one line.
ACTION_WIDTH = 2 * audit.NAME_MAX
ROLE_WIDTH = 9
HEADERS = ("时间", "操作人", "操作", "群众", "角色", "终端")  # then 说明, as wide as the room left
FIXED = {2: ACTION_WIDTH, 4: ROLE_WIDTH}
NOTE_MIN = 12  # cells of 说明 at least (6 characters), on a terminal too narrow for more: off to the right
OPENING = "（(《【"


def clip(text: str, width: int) -> str:
    """``text`` in ``width`` cells: whole when it fits, else cut with ... after it (the header's
    fit), no opening bracket or separator left at the cut (「事由：代办（持委托书）（委托...」, not
    「事由：代办（持委托书）（」 with nothing to say it goes on); the line under the table shows it whole."""
    return fit(text, width, trim=OPENING + "：:；;，,、")


def _columns(cells: list[tuple[str, ...]], width: int) -> tuple[list[int], int]:
    """Which of HEADERS fit ``width`` cells and how wide 说明 is after them (0: left out). 终端 and
    角色 go first, then 说明 when it would have fewer than NOTE_MIN cells."""
    widths = [FIXED.get(col, max([cell_len(h), *(cell_len(c[col]) for c in cells)])) + 2
              for col, h in enumerate(HEADERS)]
    shown = list(range(len(HEADERS)))
    for drop in (5, 4):
        if width - sum(widths[col] for col in shown) - 2 >= NOTE_MIN:
            break
        shown.remove(drop)
    note = width - sum(widths[col] for col in shown) - 2
    return shown, note if note >= NOTE_MIN else 0


class AuditScreen(KioskScreen):
    def compose(self) -> ComposeResult:
        yield KioskHeader("审计日志")
        staff = self.kiosk.staff
        admin = permissions.may(staff, permissions.ADMIN)
        with VerticalScroll(classes="form wide", can_focus=False):  # no Tab stop of its own: see kiosk.tcss
            yield Plain("审计日志只能追加，不能修改或删除。" + ("可查询全部工作人员的记录。" if admin else
                        "您只能查询本人的操作记录。"), classes="hint")
            with Horizontal(classes="row"):
                yield FormField("staff_no", "工号", value="" if admin or not staff else staff.staff_no, max_length=20)
                yield FormField("citizen_id", "群众身份证号码", max_length=18, digits=True)
                yield FormField("action", "操作", placeholder="如 登录、考试预约", max_length=40)
            with Horizontal(classes="row"):
                yield FormField("date_from", "开始日期", placeholder="如 2026-12-01", max_length=DATE_LEN)
                yield FormField("date_to", "结束日期", placeholder="如 2026-12-31", max_length=DATE_LEN)
            with Horizontal(classes="buttons"):
                yield Button("查询", id="search", variant="primary")
                yield Button("清除条件", id="clear")
                yield Button("返回", id="back")
            yield Plain("", classes="screen-error")
            yield Plain("", id="audit-count")
            yield PlainTable(id="audit-rows", cursor_type="row")
            yield Plain("", id="audit-detail")  # the highlighted entry in full: roles, 说明

    def on_mount(self) -> None:
        self.rows: list[counter_audit.AuditRow] = []
        self._fill()  # the header from the start
        self.search()

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fill, True)

    def on_input_submitted(self) -> None:
        self.search()

    def _v(self, name: str) -> str:
        return self.query_one(f"#field-{name}", FormField).value

    def search(self) -> None:
        f = counter_audit.AuditFilter(self._v("staff_no"), self._v("citizen_id"), self._v("action"),
                                      self._v("date_from"), self._v("date_to"))
        self.call(counter_audit.search, self.env, self.kiosk.staff, f, done=self._loaded, failed=self._refused)

    def _refused(self, exc: DomainError) -> None:
        """Refused (as 考试计划与安排's 查询): the list and count go, they would pass for the criteria typed."""
        self._loaded([])
        self.query_one("#audit-count", Static).update("")
        self.show_error(exc)

    def _loaded(self, rows: list[counter_audit.AuditRow]) -> None:
        self.rows = rows
        self._fill()
        self._show(0)
        more = "（仅显示最近500条，请缩小查询条件）" if len(rows) >= counter_audit.LIMIT else ""
        self.query_one("#audit-count", Static).update(f"共 {len(rows)} 条{more}")

    def _fill(self, keep_cursor: bool = False) -> None:
        """The rows in the columns that fit the page, 说明 in the room the others leave, cut cleanly
        (clip). On a narrow terminal 终端, then 角色, then 说明 are left out (the line under the
        table says all three): the table never scrolls sideways. The columns are made again each
        time: a DataTable keeps a column as wide as the widest cell it ever held, so after one long
        说明 the table scrolled sideways, cut 说明 mid-text and drew its scrollbar under the table,
        even under a list of no rows."""
        table = self.query_one("#audit-rows", DataTable)
        cursor = table.cursor_row
        cells = [(f"{r.at:%Y-%m-%d %H:%M:%S}", audit.actor_name(r.actor, r.action), audit.action_name(r.action),
                  r.citizen or "-", roles_short(r.role.split(",")) if r.role else "", r.terminal_id)
                 for r in self.rows]
        shown, note_width = _columns(cells, room(self.query_one(VerticalScroll)))
        table.clear(columns=True)
        for col in shown:
            table.add_column(HEADERS[col], width=FIXED.get(col))
        if note_width:
            table.add_column("说明")
        for r, row in zip(self.rows, cells):  # height None: a row grows when an unnamed action code is wider
            table.add_row(*(row[col] for col in shown), *((clip(r.detail, note_width),) if note_width else ()),
                          height=None)
        if keep_cursor and 0 <= cursor < len(cells):
            table.move_cursor(row=cursor)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)
        self._detail_in_view()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget.id == "audit-rows":
            self._detail_in_view()

    def _detail_in_view(self) -> None:
        """While the list has the focus, the highlighted entry's line under it (roles, terminal,
        说明) is scrolled into view: at 80x24 it is below the screen's edge, and nothing else
        would reach it (the page is no Tab stop, the list keeps the arrow keys)."""
        if self.query_one("#audit-rows", DataTable).has_focus:
            self.call_after_refresh(self.query_one("#audit-detail", Static).scroll_visible, animate=False)

    def _show(self, index: int) -> None:
        text = ""
        if 0 <= index < len(self.rows):
            r = self.rows[index]
            text = (f"{r.at:%Y-%m-%d %H:%M:%S}  {audit.actor_label(r.actor, r.action)}  {audit.action_name(r.action)}  "
                    f"角色：{roles_text(r.role.split(',')) if r.role else '-'}  终端：{r.terminal_id}\n"
                    f"说明：{r.detail or '-'}")
        self.query_one("#audit-detail", Static).update(text)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "search":
            self.search()
        elif event.button.id == "clear":
            admin = permissions.may(self.kiosk.staff, permissions.ADMIN)
            for name in ("citizen_id", "action", "date_from", "date_to") + (("staff_no",) if admin else ()):
                self.query_one(f"#field-{name}", FormField).value = ""
            self.search()
        elif event.button.id == "back":
            self.app.pop_screen()
