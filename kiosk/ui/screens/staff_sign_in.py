"""Counter terminal: staff sign-in with staff number and password. A clerk signed out because a
service refused them (account deactivated, role taken away) is named here with the reason, in the
screen's message line, until someone starts signing in (KioskApp.staff_signed_out)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input

from ...domain.errors import DomainError
from ...services import staff as staff_service
from ..base import KioskScreen
from ..widgets.field import FormField
from ..widgets.header import KioskHeader
from ..widgets.plain import Plain


class StaffSignInScreen(KioskScreen):
    STAYS = True  # the counter's start screen, at the bottom of the stack: no back key closes it
    _why_shown = False  # the message line says why the last clerk was signed out (signed_out)

    def compose(self) -> ComposeResult:
        yield KioskHeader("窗口工作台 - 工作人员登录")
        with VerticalScroll(classes="form", can_focus=False):  # no Tab stop of its own: see kiosk.tcss
            yield Plain("请输入警号/工号和密码登录窗口工作台。连续输错10次将锁定15分钟。", classes="hint")
            yield FormField("staff_no", "警号/工号", max_length=20)
            yield FormField("password", "密码", max_length=64, password=True)
            yield Plain("", classes="screen-error")
            with Horizontal(classes="buttons"):
                yield Button("登录", id="submit", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#input-staff_no", Input).focus()

    def on_screen_resume(self) -> None:  # back after 退出登录 (or an idle sign-out): the next clerk starts here
        self.query_one("#input-staff_no", Input).focus()

    def signed_out(self, why: str) -> None:
        """Why the last clerk was signed out (王警官（工号 J1001）已退出登录：该工作人员账户已停用，请联系管理员),
        for the next person at the counter: it stays until a field is typed in (on_input_changed)
        or a sign-in is tried (``call`` clears the line)."""
        self.query_one(".screen-error", Plain).update(why)
        self._why_shown = True

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._why_shown and event.value:
            self._why_shown = False
            self.query_one(".screen-error", Plain).update("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "input-staff_no":
            # none typed: said under it and the focus stays, as the citizen 登录 does (tester: the
            # focus went on silently and the staff number was typed into the hidden 密码)
            if problem := staff_service.staff_no_problem(event.input.value):
                self.show_error(DomainError(problem, "staff_no"))
            else:
                self.query_one("#input-password", Input).focus()
        else:
            self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "submit":
            self.submit()

    def submit(self) -> None:
        staff_no = self.query_one("#field-staff_no", FormField).value
        password = self.query_one("#field-password", FormField).value
        self._why_shown = False  # the call clears the line: a message of this try stays as typing goes on
        self.call(staff_service.sign_in, self.env, staff_no, password, done=self._signed_in, failed=self._refused)

    def _refused(self, exc: DomainError) -> None:
        """A refused password goes (as a wrong PIN on the lock screen): the next one is typed into an
        empty field, not appended to the wrong one, which would fail again and cost another attempt.
        The message stays beside the field, and the focus goes into it."""
        if exc.field == "password":
            self.query_one("#field-password", FormField).value = ""
        self.show_error(exc)

    def _signed_in(self, session: staff_service.StaffSession) -> None:
        """The workbench; first 修改初始密码 for a password an admin set (新建账户, 重置密码)."""
        from .staff_home import StaffHomeScreen
        from .staff_password import ChangePasswordScreen

        # Nothing of this clerk stays for the next one at the counter (the staff number neither).
        self.query_one("#field-password", FormField).value = ""
        self.query_one("#field-staff_no", FormField).value = ""
        self.kiosk.staff = session
        self.kiosk.forget_goodbye()  # 已退出登录，请工作人员登录 was for this clerk, not the workbench
        self.app.push_screen(ChangePasswordScreen() if session.must_change_password else StaffHomeScreen())
