"""Counter terminal home: who is signed in, the menu their roles allow, their recent actions."""
from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Button, DataTable, Static

from ...services import audit
from ...services import staff as staff_service
from ..base import KioskScreen
from ..dialogs.confirm import ConfirmDialog
from ..widgets.fit import column_widths, room
from ..widgets.header import KioskHeader
from ..widgets.menu_grid import MenuGrid, menu_up_from_below
from ..widgets.more_below import MoreInList
from .counter.menu import items_for
from ..widgets.plain import Plain, PlainTable


HEADERS = ("时间", "操作", "终端与说明")


class BelowMenuRow(Horizontal):
    """锁定屏幕 and 退出登录: Up on either goes back to the menu. Bound here, under the page: the
    page's own Up (scrolling, when the audit log makes it taller than the screen) comes after."""

    BINDINGS = [Binding("up", "up_to_menu", show=False)]

    def action_up_to_menu(self) -> None:
        if not menu_up_from_below(self.screen):
            raise SkipAction()


class StaffHomeScreen(KioskScreen):
    MAIN_CONTROL = "#staff-menu Button"  # the menu, not the audit log under it
    # Down from the menu's last row reaches 锁定屏幕 (past the audit log, a Tab stop whose arrow
    # keys are its own), Right 退出登录 beside it; Up from either comes back (see MenuGrid)
    BELOW_MENU = "#lock, #sign-out"

    def compose(self) -> ComposeResult:
        yield KioskHeader("窗口工作台")
        staff = self.kiosk.staff
        self._menu = {m.id: m for m in items_for(staff)}
        with VerticalScroll(classes="form wide", can_focus=False):  # no Tab stop of its own: see kiosk.tcss
            if staff:
                yield Plain(self._info_text(), id="staff-info")
            yield Plain("请选择要办理的业务：", classes="group-title")
            with MenuGrid(classes="group", id="staff-menu"):  # the same menu as the 业务中心's
                for item in self._menu.values():
                    yield Button(item.label, id=item.id, variant="primary")
            yield Plain("最近操作记录（审计日志）：", classes="group-title")
            yield (table := PlainTable(id="audit", cursor_type="row"))
            yield MoreInList(table, id="audit-more")  # 下方还有内容 while entries are below the list's edge (80x24: cut at it)
            yield Plain("", classes="screen-error")
            with BelowMenuRow(classes="buttons"):
                yield Button("锁定屏幕", id="lock")
                yield Button("退出登录", id="sign-out", variant="error")

    _before_lock: Widget | None = None  # the last focus but on 锁定屏幕 / 退出登录

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget.id not in ("lock", "sign-out"):
            self._before_lock = event.widget

    def focus_before_lock(self) -> Widget | None:
        """Where the clerk was before going to 锁定屏幕 (a click focuses it on the way): unlocked,
        the focus goes back there, not to 锁定屏幕, where the next Enter would lock again (nor to
        退出登录 beside it: that would sign out). Nothing before: the menu (focus_main)."""
        return self._before_lock

    def _info_text(self, width: int = 0) -> str:
        """Who is signed in, their roles and this terminal, on one line when it fits ``width``; else
        本终端 and its id begin the next line (they were parted: 「本终端：」 ending a line, 「counter-2」 alone
        on the next)."""
        staff = self.kiosk.staff
        if staff is None:
            return ""
        who = f"{staff.name}（工号 {staff.staff_no}）  角色：{staff.role_text}"
        here = f"本终端：{self.kiosk.settings.terminal_id}"
        one = f"{who}  {here}"
        return one if not width or cell_len(one) <= width else f"{who}\n{here}"

    def _fit_info(self) -> None:
        found = self.query("#staff-info")
        if found:
            info = found.first(Static)
            info.update(self._info_text(info.content_region.width))

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fit_info)
        self.call_after_refresh(self._fill)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*HEADERS)
        self.watch(table, "virtual_size", self._fit_rows)
        self.on_screen_resume()

    def _fit_rows(self, size: Size) -> None:
        """最近操作记录 takes the rows the page leaves under the menu (kiosk.tcss: 1fr, 6 rows at least;
        at 80x24 it stopped at 12 with 4 blank lines under 锁定屏幕, tester), as tall as its rows at
        most: a short list keeps 锁定屏幕 right under it, not pushed to the bottom of the screen."""
        self.query_one(DataTable).styles.max_height = max(size.height, 1)

    def on_screen_resume(self) -> None:
        self.call_after_refresh(self._fit_info)  # the terminal may have been resized meanwhile
        if self.kiosk.staff:  # a refresh, not ``call``: it made the screen busy, and 退出登录 answered
            # on the question just closed (this resume) was ignored
            self.read_live(staff_service.recent_actions, self.env, self.kiosk.staff.staff_no, done=self._loaded)

    _rows: list[staff_service.AuditLine] = []

    def _loaded(self, rows: list[staff_service.AuditLine]) -> None:
        self._rows = rows
        self._fill()

    def _fill(self) -> None:
        """The recent actions, 终端与说明 in the width left, a longer one wrapped onto the row's next
        lines: it was cut with ... (as 审计日志 cuts its 说明), and 核验 (H2001), who has no 审计日志
        screen to read it whole in, never saw the end of a check's 说明 at 120 columns (tester). The
        columns are made again each time, 终端与说明 as wide as the room left: the table never
        scrolls sideways (at 80x24 it had a sideways scrollbar under it)."""
        table = self.query_one(DataTable)
        cells = [(r.at, audit.action_name(r.action), r.detail) for r in self._rows]
        used = sum(column_widths(HEADERS[:2], cells))
        left = max(12, room(self.query_one(VerticalScroll)) - used - 2)
        table.clear(columns=True)
        table.add_columns(*HEADERS[:2])
        table.add_column(HEADERS[2], width=left)
        for at, action, detail in cells:  # height None: as many lines as the 说明 takes in ``left``
            table.add_row(at, action, Text(detail, no_wrap=False, end=""), height=None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id or ""
        if bid in self._menu:
            self.app.push_screen(self._menu[bid].make())
        elif bid == "lock":
            self.kiosk.lock_counter()
        elif bid == "sign-out" and self.kiosk.staff:
            self.ask_sign_out()

    def ask_sign_out(self) -> None:
        """确定退出登录吗？ first, in the citizen's words (HomeScreen.ask_sign_out): a stray Enter on
        退出登录 ended the clerk's session at once. Here the question opens on 暂不退出, as the lock
        screen's does: at a counter what is safe is the session kept; Escape is 暂不退出 too."""

        def answered(yes: bool | None) -> None:
            if yes and self.kiosk.staff:
                self.call(staff_service.sign_out, self.env, self.kiosk.staff, done=self._signed_out)

        self.app.push_screen(ConfirmDialog("确定退出登录吗？", "退出登录", "暂不退出"), callback=answered)

    def _signed_out(self, _: None) -> None:
        self.kiosk.staff = None
        self.dismiss()
