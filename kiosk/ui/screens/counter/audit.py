"""审计日志: filter by staff, citizen ID, action and date range. 管理员 sees everyone's entries,
other staff only their own. Read-only: nothing here (or anywhere in the app) edits the log."""
from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Size
from textual.widgets import Button, DataTable, Input, Static

from ....domain.errors import DomainError
from ....domain.typed import DATE_LEN
from ....services import audit, counter_audit, permissions
from ....services.staff import roles_short, roles_text
from ...base import KioskScreen
from ...widgets.date_field import example_placeholder
from ...widgets.field import FormField
from ...widgets.fit import room
from ...widgets.header import KioskHeader, fit
from ...widgets.plain import Plain, PlainTable


# Widths at most, so 说明 stays on screen at 120 columns whatever the rows: 操作 fits the longest action
# name (audit.NAME_MAX characters), 角色 two short role names (管理 窗口) or 管理等4项, on one line. Each
# is only as wide as the rows shown need (查询群众档案 takes 12 cells, not 18): 说明 has the rest.
ACTION_WIDTH = 2 * audit.NAME_MAX
ROLE_WIDTH = 9
HEADERS = ("时间", "操作人", "操作", "群众", "角色", "终端")  # then 说明, as wide as the room left
FIXED = {2: ACTION_WIDTH, 4: ROLE_WIDTH}
NOTE_MIN = 12  # cells of 说明 at least (6 characters), on a terminal too narrow for more: off to the right
NOTE_WANT = 20  # cells of 说明 (10 characters) the year of 时间, 终端 and 角色 make way for, in turn
OPENING = "（(《【"
FULL_TIME, SHORT_TIME = "%Y-%m-%d %H:%M:%S", "%m-%d %H:%M:%S"  # without the year: the line under the table has it


def clip(text: str, width: int) -> str:
    """``text`` in ``width`` cells: whole when it fits, else cut with ... after it (the header's
    fit), no opening bracket or separator left at the cut (「事由：代办（持委托书）（委托...」, not
    「事由：代办（持委托书）（」 with nothing to say it goes on); the line under the table shows it whole."""
    return fit(text, width, trim=OPENING + "：:；;，,、")


def _widths(cells: list[tuple[str, ...]]) -> list[int]:
    """Each column's width as a DataTable draws it (its cells and 1 cell either side): as wide as its
    header and widest cell, 操作 and 角色 at most their FIXED widths (a wider cell takes more lines)."""
    widths = []
    for col, header in enumerate(HEADERS):
        width = max([cell_len(header), *(cell_len(c[col]) for c in cells)])
        widths.append(min(width, max(FIXED[col], cell_len(header))) if col in FIXED else width)
    return [w + 2 for w in widths]


def _columns(cells: list[tuple[str, ...]], width: int,
             short: list[tuple[str, ...]] | None = None) -> tuple[list[int], int, bool]:
    """Which of HEADERS fit ``width`` cells, how wide 说明 is after them (0: left out), and whether
    the ``short`` cells (时间 without its year; None: the rows are not all of one year) are shown.
    While 说明 would have fewer than NOTE_WANT cells, 时间 loses its year, then 终端 goes, then 角色;
    说明 itself goes when it would still have fewer than NOTE_MIN. The line under the table says all
    of them for the highlighted row. (终端 and 角色 went only for NOTE_MIN: at 100 columns they were
    kept for 6 characters of 说明, or both went for 说明 to have 20 cells beside an 操作 of 18 cells
    holding 6 characters and a year that every row repeated.)"""
    widths = _widths(cells)
    shown = list(range(len(HEADERS)))

    def note() -> int:
        return width - sum(widths[col] for col in shown) - 2

    shortened = False
    for step in ("year", 5, 4):
        if note() >= NOTE_WANT:
            break
        if step == "year":
            if short:
                shortened, widths = True, _widths(short)
        else:
            shown.remove(step)
    return shown, note() if note() >= NOTE_MIN else 0, shortened


class AuditTable(PlainTable):
    """The list of entries, its height what the page has left (kiosk.tcss): a highlighted entry whose
    line under the list takes a line more (a long 说明, the admin's roles at 80 columns) shortens it,
    and the highlighted row, the list's last one in view, was then under its edge."""

    def on_resize(self) -> None:
        if self.row_count:
            self.call_after_refresh(self._scroll_cursor_into_view)  # as DataTable does on a move


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
                examples = counter_audit.example_range(self.env.clock.now().date())  # recent days
                for name, label in (("date_from", "开始日期"), ("date_to", "结束日期")):
                    yield FormField(name, label, placeholder=example_placeholder(examples[name]), max_length=DATE_LEN)
            with Horizontal(classes="buttons"):
                yield Button("查询", id="search", variant="primary")
                yield Button("清除条件", id="clear")
                yield Button("返回", id="back")
            yield Plain("", classes="screen-error")
            yield Plain("", id="audit-count")
            yield AuditTable(id="audit-rows", cursor_type="row")
            yield Plain("", id="audit-detail")  # the highlighted entry in full: roles, 说明

    def on_mount(self) -> None:
        self.rows: list[counter_audit.AuditRow] = []
        self.watch(self.query_one("#audit-rows", DataTable), "virtual_size", self._fit_rows)
        self._fill()  # the header from the start
        self.search()

    def _fit_rows(self, size: Size) -> None:
        """The list is as tall as its rows (with their header) at most: kiosk.tcss gives it the height
        the page has left under it (1fr, 6 rows at least), which a short list would fill with blank
        lines, the line under it pushed to the bottom of the screen. Its scrollbar, when the rows do
        not fit, is beside them, not under."""
        self.query_one("#audit-rows", DataTable).styles.max_height = max(size.height, 1)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fill, True)

    def on_input_submitted(self) -> None:
        self.search()

    def _v(self, name: str) -> str:
        return self.query_one(f"#field-{name}", FormField).value

    def search(self) -> None:
        self._show_examples()
        f = counter_audit.AuditFilter(self._v("staff_no"), self._v("citizen_id"), self._v("action"),
                                      self._v("date_from"), self._v("date_to"))
        self.call(counter_audit.find, self.env, self.kiosk.staff, f, done=self._loaded, failed=self._refused)

    def _show_examples(self) -> None:
        """开始日期 and 结束日期's examples of the clock's day now, the ones a refused search names (the service
        works them out as it refuses): left open past midnight, the screen showed the day before's."""
        examples = counter_audit.example_range(self.env.clock.now().date())
        for name, example in examples.items():
            self.query_one(f"#input-{name}", Input).placeholder = example_placeholder(example)

    def _refused(self, exc: DomainError) -> None:
        """Refused (as 考试计划与安排's 查询): the list and count go, they would pass for the criteria typed.
        Every wrong field is said beside itself at once (FieldErrors)."""
        self._loaded(counter_audit.Found([], ""))
        self.query_one("#audit-count", Static).update("")
        self.show_error(exc)

    def _loaded(self, found: counter_audit.Found) -> None:
        """The rows, and the count with what it needs said: 共 0 条 alone for an admin's 工号 no staff
        member has read as if that clerk had done nothing (没有工号为ZZ9的工作人员 with it)."""
        self.rows = rows = found.rows
        self._fill()
        self._show(0)
        more = "（仅显示最近500条，请缩小查询条件）" if len(rows) >= counter_audit.LIMIT else ""
        note = f"（{found.note}）" if found.note else ""
        self.query_one("#audit-count", Static).update(f"共 {len(rows)} 条{note}{more}")

    def _fill(self, keep_cursor: bool = False) -> None:
        """The rows in the columns that fit the page, 说明 in the room the others leave, cut cleanly
        (clip). On a narrow terminal 时间 loses its year, then 终端, 角色 and 说明 are left out in
        turn (_columns; the line under the table says them all): the table never scrolls sideways. The columns are made again each
        time: a DataTable keeps a column as wide as the widest cell it ever held, so after one long
        说明 the table scrolled sideways, cut 说明 mid-text and drew its scrollbar under the table,
        even under a list of no rows."""
        table = self.query_one("#audit-rows", DataTable)
        cursor = table.cursor_row
        cells = [(r.at.strftime(FULL_TIME), audit.actor_name(r.actor, r.action), audit.action_name(r.action),
                  r.citizen or "-", roles_short(r.role.split(",")) if r.role else "", r.terminal_id)
                 for r in self.rows]
        short = ([(r.at.strftime(SHORT_TIME), *row[1:]) for r, row in zip(self.rows, cells)]
                 if len({r.at.year for r in self.rows}) == 1 else None)
        shown, note_width, shortened = _columns(cells, room(self.query_one(VerticalScroll)), short)
        if shortened and short:
            cells = short
        widths = _widths(cells)
        table.clear(columns=True)
        for col in shown:
            table.add_column(HEADERS[col], width=widths[col] - 2 if col in FIXED else None)
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
            # 终端 before 角色: at 100 columns the admin's four roles ran to the edge, and the line
            # broke between 终端： and the terminal's name
            text = (f"{r.at:%Y-%m-%d %H:%M:%S}  {audit.actor_label(r.actor, r.action)}  {audit.action_name(r.action)}  "
                    f"终端：{r.terminal_id}  角色：{roles_text(r.role.split(',')) if r.role else '-'}\n"
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
            self.dismiss()
