"""The start screen: sign in or register. Every citizen session ends back here."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical
from textual.widgets import Button

from ..base import KioskScreen
from ..widgets.header import KioskHeader
from ..widgets.plain import Plain


class WelcomeScreen(KioskScreen):
    def compose(self) -> ComposeResult:
        yield KioskHeader("自助服务终端")
        with Vertical(id="welcome"):
            yield Plain("交管12123 自助服务终端", id="welcome-title")
            yield Plain("欢迎使用，请选择【登录】或【注册】", id="welcome-sub")
            with Center():
                with Horizontal(id="welcome-buttons"):
                    yield Button("登录", id="sign-in", variant="primary")
                    yield Button("注册", id="register")
            yield Plain("请点击【登录】，输入身份证号码并使用短信验证码登录。\n"
                        "首次使用请点击【注册】。办理完毕请点击【退出登录】。", id="welcome-help")
            if self.kiosk.settings.demo:
                yield Plain("演示模式：短信将以手机通知显示在屏幕下方", id="demo-badge")

    def on_screen_resume(self) -> None:
        # Back here after a session (sign-out, idle wipe, or a registration): the next citizen's
        # Enter is for 登录, not the button the last one pressed.
        self.query_one("#sign-in", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.app.clear_notifications()  # the last citizen's goodbye is not for the next one
        if event.button.id == "sign-in":
            from .sign_in import SignInScreen

            self.app.push_screen(SignInScreen())
        elif event.button.id == "register":
            from .register import RegisterScreen

            self.app.push_screen(RegisterScreen())
