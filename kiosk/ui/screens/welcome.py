"""The start screen: sign in or register. Every citizen session ends back here."""
from __future__ import annotations

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.widgets import Button

from ...config import HIGH_CONTRAST, STANDARD
from ..base import KioskScreen
from ..focus import focus_now
from ..widgets.header import KioskHeader
from ..widgets.plain import Plain


# The look button says what pressing it gives: 高对比度 (white on black, large yellow focus) or back.
LOOK_LABELS = {STANDARD: "高对比度显示", HIGH_CONTRAST: "标准显示"}


class WelcomeScreen(KioskScreen):
    # Down from 登录/注册 reaches 高对比度显示 under them, Up goes back to the one it came from
    # (Left/Right go along 登录/注册: kiosk.ui.widgets.button_row); only Tab reached it.
    STAYS = True  # the start screen, at the bottom of the stack: no back key closes it (kiosk.ui.own_close)
    BINDINGS = [Binding("down", "look_row(1)", show=False), Binding("up", "look_row(-1)", show=False)]
    _came_from = "sign-in"  # the button of the row above that Down left from

    def compose(self) -> ComposeResult:
        yield KioskHeader("自助服务终端")
        with Vertical(id="welcome"):
            yield Plain("交管12123 自助服务终端", id="welcome-title")
            yield Plain("欢迎使用，请选择【登录】或【注册】", id="welcome-sub")
            if self.kiosk.start_notice:  # after a restart (kiosk.__main__): until the next visit begins
                yield Plain(self.kiosk.start_notice, id="restart-notice")
            with Center():
                with Horizontal(id="welcome-buttons"):
                    yield Button("登录", id="sign-in", variant="primary")
                    yield Button("注册", id="register")
            yield Plain("请点击【登录】，输入身份证号码并使用短信验证码登录。\n"
                        "首次使用请点击【注册】。办理完毕请点击【退出登录】。", id="welcome-help")
            with Center(id="look-row"):
                yield Button(LOOK_LABELS[STANDARD], id="look")
            if self.kiosk.settings.demo:
                yield Plain("演示模式：短信将以手机通知显示在屏幕下方", id="demo-badge")

    def on_mount(self) -> None:
        self._show_look()
        # the look changes back when a visit ends (kiosk.ui.app.end_session, or idle here)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._show_look())

    def _show_look(self) -> None:
        self.query_one("#look", Button).label = LOOK_LABELS[self.kiosk.look]

    def on_screen_resume(self) -> None:
        # Back here after a session (sign-out, idle wipe, or a registration): the next citizen's
        # Enter is for 登录, not the button the last one pressed.
        self.visit_over()

    def visit_over(self) -> None:
        """The next citizen's Enter is for 登录 (after a session, or a look switched and left idle)."""
        self.query_one("#sign-in", Button).focus()

    def action_look_row(self, step: int) -> None:
        focused = self.focused
        look = self.query_one("#look", Button)
        if step > 0 and isinstance(focused, Button) and focused.parent is self.query_one("#welcome-buttons"):
            self._came_from = focused.id or "sign-in"
            focus_now(look)  # at once: an Enter sent with the Down presses it
        elif step < 0 and focused is look:
            focus_now(self.query_one(f"#{self._came_from}", Button))
        else:
            raise SkipAction()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.app.clear_notifications()  # the last citizen's goodbye is not for the next one
        if self.kiosk.start_notice:  # the restart notice was for whoever saw it; the next visit begins
            self.kiosk.start_notice = ""
            self.query("#restart-notice").remove()
        if event.button.id == "look":  # for this citizen's visit; the terminal's own look comes back after
            self.kiosk.use_look(HIGH_CONTRAST if self.kiosk.look == STANDARD else STANDARD)
        elif event.button.id == "sign-in":
            from .sign_in import SignInScreen

            self.app.push_screen(SignInScreen())
        elif event.button.id == "register":
            from .register import RegisterScreen

            self.app.push_screen(RegisterScreen())
