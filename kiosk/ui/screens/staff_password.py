"""Counter terminal: 修改初始密码. A clerk who signed in with a password an admin set (新建账户 or
重置密码 in 工作人员账户) sets their own here before the workbench opens (staff_password). 返回 (or
Escape) signs the clerk out: nobody reaches the workbench with the admin's password. With something
typed in a field it asks first, as the other counter forms do (LEAVE_QUESTION's words); 继续填写 keeps
the form."""
from __future__ import annotations

from functools import partial

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input

from ...domain.errors import DomainError, FieldErrors
from ...services import staff as staff_service
from ...services import staff_password
from ..base import KioskScreen
from ..widgets.field import FormField
from ..widgets.header import KioskHeader
from ..widgets.plain import Plain
from .staff_password_check import NewPasswordCheck

HINT = ("您的密码由管理员设置（新建账户或重置密码），首次登录请修改密码后再进入窗口工作台。\n"
        "新密码至少8位，须同时包含字母和数字，不能与初始密码相同。按「返回」将退出登录，下次登录仍须修改密码。")
LEFT = "未修改初始密码，退出登录"  # the sign-out's audit entry
LEAVE_QUESTION = "填写的内容尚未保存，返回后不会保留，并将退出登录（下次登录仍须修改密码）。\n\n确定放弃并退出登录吗？"


class ChangePasswordScreen(NewPasswordCheck, KioskScreen):
    """新密码 is checked as it is left (Tab, Enter, a tap elsewhere): staff_password_check."""
    BINDINGS = [Binding("enter", "enter_new_password", show=False, priority=True)]  # in 新密码 only
    DRAFT_FIELDS = staff_password.FIELDS  # something typed in either: 返回 / Escape ask first

    def compose(self) -> ComposeResult:
        yield KioskHeader("窗口工作台 - 修改初始密码")
        staff = self.kiosk.staff
        with VerticalScroll(classes="form", can_focus=False):  # no Tab stop of its own: see kiosk.tcss
            yield Plain("首次登录请修改密码", classes="group-title")
            if staff is not None:
                yield Plain(f"{staff.name}（工号 {staff.staff_no}）", id="staff-info")
            yield Plain(HINT, classes="hint")
            yield FormField("new_password", "新密码（至少8位，含字母和数字）", max_length=64, password=True)
            yield FormField("confirm_password", "确认新密码", max_length=64, password=True)
            yield Plain("", classes="screen-error")
            with Horizontal(classes="buttons"):
                yield Button("确认修改", id="submit", variant="primary")
                yield Button("返回", id="back")

    def on_mount(self) -> None:
        self.query_one("#input-new_password", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "input-confirm_password":  # Enter in 新密码: action_enter_new_password
            self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "submit":
            self.submit()
        elif event.button.id == "back":  # asks first when a field holds something typed
            self.leave(self.walk_away, LEAVE_QUESTION, "放弃并退出登录")

    def _v(self, name: str) -> str:
        return self.query_one(f"#field-{name}", FormField).value

    def submit(self) -> None:
        staff = self.kiosk.staff
        if staff is None:
            return
        self.call(staff_password.change_temporary, self.env, staff, self._v("new_password"),
                  self._v("confirm_password"), done=self._changed, failed=self._refused)

    def _refused(self, exc: DomainError) -> None:
        """Only what must be typed again goes (into a masked field it was appended to the refused
        value): a refused field's value, and a 确认新密码 that repeats a refused 新密码 (it can match no
        new one). A right 新密码 stays under a refused 确认新密码, and a 确认新密码 typed first stays under
        请输入新密码 (tester: a refused 新密码 emptied both). The messages stay beside the fields, the
        focus in the first one."""
        fields = {f for f, _ in exc.problems} if isinstance(exc, FieldErrors) else {exc.field}
        new = self._v("new_password")
        retype = [name for name in staff_password.FIELDS if name in fields]
        if "new_password" in fields and new and self._v("confirm_password") == new:
            retype.append("confirm_password")
        for name in retype:
            self.query_one(f"#field-{name}", FormField).value = ""
        self.show_error(exc)
        new_field = self.query_one("#field-new_password", FormField)
        if new_field.said:  # refused as it was left (a tap on 确认修改), answered while this ran
            new_field.focus_input()

    def _changed(self, session: staff_service.StaffSession) -> None:
        from .staff_home import StaffHomeScreen

        for name in ("new_password", "confirm_password"):
            self.query_one(f"#field-{name}", FormField).value = ""
        self.kiosk.staff = session
        self.app.switch_screen(StaffHomeScreen())  # 退出登录 there comes back to the sign-in under it
        self.kiosk.notify("密码已修改，请牢记新密码", timeout=6)

    def walk_away(self) -> None:
        """返回 or Escape (asked first when something is typed): signed out, back to the sign-in (the admin's password still to be changed)."""
        staff = self.kiosk.staff
        if staff is None:
            self.dismiss()
            return
        self.call(partial(staff_service.sign_out, detail=LEFT), self.env, staff, done=self._signed_out)

    def _signed_out(self, _: None) -> None:
        self.kiosk.staff = None
        self.dismiss()
