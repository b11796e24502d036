"""The locked counter screen: the signed-in staff member's PIN unlocks it; 退出登录 gives the locked
session up (its unsaved work too), so another clerk can sign in. A clerk deactivated meanwhile is
signed out at once, with the reason on the staff sign-in (KioskApp.staff_signed_out): by the right
PIN (staff.check_pin), or by the screen's own check every LIVE_SECONDS, no PIN typed (a wrong PIN
reads and counts as for anyone). Locking, unlocking and signing out here are audited."""
from __future__ import annotations

from functools import partial

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input

from ...domain.errors import DomainError
from ...services import permissions
from ...services import staff as staff_service
from ..base import LIVE_SECONDS, KioskScreen
from ..dialogs.confirm import ConfirmDialog
from ..widgets.field import FormField
from ..widgets.header import KioskHeader
from ..widgets.plain import Plain


class LockScreen(KioskScreen):
    def __init__(self, idle: bool = False) -> None:
        super().__init__()
        self.idle = idle  # locked by the idle timer, not by 锁定屏幕

    def compose(self) -> ComposeResult:
        yield KioskHeader("屏幕已锁定")
        staff = self.kiosk.staff
        with VerticalScroll(classes="form", can_focus=False):  # no Tab stop of its own: see kiosk.tcss
            yield Plain(f"屏幕已锁定。{staff.name if staff else ''}请输入PIN码解锁。", classes="hint")
            yield FormField("pin", "PIN码", max_length=12, digits=True, password=True)
            yield Plain("", classes="screen-error")
            with Horizontal(classes="buttons"):
                yield Button("解锁", id="unlock", variant="primary")
                yield Button("退出登录", id="sign-out", variant="error")
            yield Plain("其他工作人员使用本窗口：按「退出登录」结束当前登录后重新登录（未保存的内容不会保留）。",
                        classes="hint")

    def on_mount(self) -> None:
        self.query_one("#input-pin", Input).focus()
        if self.kiosk.staff:
            self.call(partial(staff_service.lock_screen, idle=self.idle), self.env, self.kiosk.staff,
                      done=lambda _: None, quiet=True)
        self.set_interval(LIVE_SECONDS, self._check_account)

    def _check_account(self) -> None:
        """Is the clerk still active? The admin's 停用 promises that a terminal in use signs out; a
        locked one kept its lock screen (with a citizen's file under it) until the right PIN was
        typed and 退出登录 pressed by hand. Signed out when not (read_live's StaffRevoked). Not while
        the PIN is being checked: that call signs out by itself."""
        staff = self.kiosk.staff
        if staff is not None and not self.busy:
            self.read_live(permissions.still_active, self.env, staff, done=lambda _: None)

    def on_input_submitted(self) -> None:
        self.unlock()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "unlock":
            self.unlock()
        elif event.button.id == "sign-out":
            self.ask_sign_out()

    def unlock(self) -> None:
        staff = self.kiosk.staff
        if staff is None:
            return
        pin = self.query_one("#field-pin", FormField).value
        check = partial(staff_service.check_pin, staff_no_typed=False)  # only the PIN is asked here
        self.call(check, self.env, staff.staff_no, pin, "unlock", done=self._unlocked, failed=self._refused)

    def _refused(self, exc: DomainError) -> None:
        self.query_one("#field-pin", FormField).value = ""  # the next try starts empty, not appended
        self.show_error(exc)

    def _unlocked(self, _: staff_service.StaffSession) -> None:
        self.kiosk.locked = False
        self.kiosk.touch()
        self.dismiss(None)  # the screen under it takes its focus back (KioskApp.lock_counter)

    def ask_sign_out(self) -> None:
        staff = self.kiosk.staff
        if staff is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.call(partial(staff_service.sign_out, from_lock=True), self.env, staff, done=self._signed_out)
            else:  # 暂不退出: back to the PIN (tester: left on 退出登录, the PIN typed went nowhere and Enter asked again)
                self.call_after_refresh(self.query_one("#input-pin", Input).focus)

        self.app.push_screen(ConfirmDialog(f"退出登录将结束{staff.name}（工号 {staff.staff_no}）的登录，"
                                           "未保存的内容不会保留。\n\n确定退出登录吗？", "退出登录", "暂不退出"),
                             callback=answered)

    def _signed_out(self, _: None) -> None:
        """Back to the staff sign-in, every screen of the locked session closed."""
        self.kiosk.staff_signed_out("已退出登录，请工作人员登录", refused=False)


def refocus_after_lock(screen: Screen, widget: Widget | None) -> None:
    """Unlocked: ``widget`` (what had the focus on ``screen`` before the lock) has it again, once
    the screen is back; if it is gone or hidden meanwhile, the screen's main control."""

    def go() -> None:
        if not screen.is_attached or screen.app.screen is not screen:
            return
        if widget is not None and widget.is_attached and widget.screen is screen and widget.focusable \
                and all(node.display for node in widget.ancestors_with_self):
            widget.focus()
        elif isinstance(screen, KioskScreen):
            screen.focus_main()

    screen.call_after_refresh(go)
