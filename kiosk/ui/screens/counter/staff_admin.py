"""工作人员账户 (管理员): list, create with roles, reset a password, deactivate."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, DataTable, Static

from ....services import counter_staff
from ....services.staff import ROLE_NAMES
from ...base import KioskScreen
from ...widgets.field import FormField
from ...widgets.header import KioskHeader


class StaffAdminScreen(KioskScreen):
    def compose(self) -> ComposeResult:
        yield KioskHeader("工作人员账户")
        with VerticalScroll(classes="form wide"):
            yield DataTable(id="staff-rows", cursor_type="row")
            yield Static("新建账户：", classes="group-title")
            with Horizontal(classes="row"):
                yield FormField("new_staff_no", "工号", max_length=20)
                yield FormField("new_name", "姓名", max_length=40)
            with Horizontal(classes="row"):
                yield FormField("new_password", "初始密码（至少8位，含字母和数字）", max_length=64, password=True)
                yield FormField("pin", "PIN码（6位数字）", max_length=6, password=True)
            with Horizontal(id="staff-roles"):
                for role, name in ROLE_NAMES.items():
                    yield Checkbox(name, id=f"role-{role}")
            with Horizontal(classes="buttons"):
                yield Button("创建账户", id="create", variant="primary")
            yield Static("所选账户（在上方列表中选择）：", classes="group-title")
            yield FormField("reset_password", "新密码", max_length=64, password=True)
            yield Static("", classes="screen-error")
            with Horizontal(classes="buttons"):
                yield Button("重置密码", id="reset")
                yield Button("停用账户", id="deactivate", variant="error")
                yield Button("返回", id="back")

    def on_mount(self) -> None:
        self.query_one("#staff-rows", DataTable).add_columns("工号", "姓名", "角色", "状态")
        self.reload()

    def reload(self, _: object = None) -> None:
        self.call(counter_staff.list_staff, self.env, self.kiosk.staff, done=self._loaded)

    def _loaded(self, rows: list[counter_staff.StaffRow]) -> None:
        table = self.query_one("#staff-rows", DataTable)
        table.clear()
        for r in rows:
            state = "已停用" if not r.active else ("锁定中" if r.locked else "正常")
            table.add_row(r.staff_no, r.name, r.role_text, state, key=r.staff_no)

    def _v(self, name: str) -> str:
        return self.query_one(f"#field-{name}", FormField).value

    def _selected(self) -> str:
        table = self.query_one("#staff-rows", DataTable)
        if table.row_count == 0:
            return ""
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or "")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid, staff = event.button.id, self.kiosk.staff
        if bid == "create":
            roles = [r for r in ROLE_NAMES if self.query_one(f"#role-{r}", Checkbox).value]
            self.call(counter_staff.create, self.env, staff, self._v("new_staff_no"), self._v("new_name"), roles,
                      self._v("new_password"), self._v("pin"), done=self._created)
        elif bid == "reset":
            self.call(counter_staff.reset_password, self.env, staff, self._selected(), self._v("reset_password"),
                      done=self._reset)
        elif bid == "deactivate":
            self.call(counter_staff.deactivate, self.env, staff, self._selected(), done=self._done("账户已停用"))
        elif bid == "back":
            self.app.pop_screen()

    def _done(self, message: str):  # type: ignore[no-untyped-def]
        def show(_: object) -> None:
            self.notify(message, timeout=5)
            self.reload()
        return show

    def _created(self, row: counter_staff.StaffRow) -> None:
        for name in ("new_staff_no", "new_name", "new_password", "pin"):
            self.query_one(f"#field-{name}", FormField).value = ""
        for r in ROLE_NAMES:
            self.query_one(f"#role-{r}", Checkbox).value = False
        self._done(f"已创建账户 {row.staff_no}（{row.role_text}）")(row)

    def _reset(self, _: None) -> None:
        self.query_one("#field-reset_password", FormField).value = ""
        self._done("密码已重置，失败次数和锁定已清除")(None)
