"""Sign-in: 18-digit ID number, then the 6-digit code sent to the bound phone (a phone no longer
in use: 重置绑定手机号 at a 车管所窗口, said under the first line).

An ID number not registered yet is no dead end: 去注册 shows under its message, with the focus,
and opens 注册 with the number filled in (注册's 去登录 comes back here the same way)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Static

from ...domain.errors import DomainError, TooSoon
from ...domain.typed import compact
from ...services import auth, codes
from ..base import KioskScreen
from ..widgets.code_button import CodeButton
from ..widgets.field import FormField
from ..widgets.header import KioskHeader
from ..widgets.keypad_box import KeypadBox
from ..widgets.more_below import MoreBelow
from ..widgets.plain import ErrorLine, Plain
from ..widgets.page import Page
from ..widgets.page_column import PageColumn

# A citizen whose bound phone is lost or changed gets no code: the way on, said before they try
# (the counter's 重置绑定手机号; tester: there was no path).
PHONE_GONE = "如绑定的手机号码已不再使用，请携带身份证明原件到车管所窗口重置绑定手机号。"


class SignInScreen(KioskScreen):
    _sent_for = ""  # the ID number the last code was sent for

    def __init__(self, id_number: str = "") -> None:
        """``id_number``: typed on 注册 (already registered there): filled in, 发送验证码 focused."""
        super().__init__()
        self._given_id = id_number
        # what on_mount focuses, and KioskScreen.focus_main too should it run first (a switch_screen)
        self.MAIN_CONTROL = "#send-code" if id_number else "#input-id_number"

    def compose(self) -> ComposeResult:
        yield KioskHeader("登录")
        with Horizontal(classes="with-keypad"):
            with PageColumn():
                with Page(classes="form"):
                    yield Plain("请输入身份证号码（单位用户输入统一社会信用代码），点击【发送验证码】，验证码将发送到您绑定的手机。"
                                f"\n{PHONE_GONE}", classes="hint")
                    yield FormField("id_number", "身份证号码", placeholder="18位身份证号码", max_length=18, id_number=True,
                                    value=self._given_id)
                    yield Button("去注册", id="to-register", variant="primary", classes="hidden")
                    yield CodeButton(id="send-code")
                    yield Plain("", id="code-sent", classes="hint")
                    yield FormField("code", "短信验证码", placeholder="6位数字", max_length=6, only_digits=True, enter_presses="submit")
                    yield ErrorLine(classes="screen-error")
                    with Horizontal(classes="buttons"):
                        yield Button("返回", id="back")
                        yield Button("登录", id="submit", variant="primary")
                # shown only while the page does not fit (80x24, the phone bar up): what is above or below
                yield MoreBelow()
            yield KeypadBox()

    def on_mount(self) -> None:
        self.query_one(self.MAIN_CONTROL).focus()

    def _id_number(self) -> str:
        return self.query_one("#field-id_number", FormField).value

    def on_input_changed(self, event: Input.Changed) -> None:
        """Another ID number after a code was sent: that code, its line and its errors belonged to
        someone else, and the new number's code need not wait for the old one's countdown."""
        if event.input.id != "input-id_number":
            return
        self.query_one("#to-register").add_class("hidden")  # it was for the number the message was about
        if not self._sent_for:
            return
        if compact(event.value).upper() != self._sent_for:
            self._sent_for = ""
            self.query_one("#code-sent", Static).update("")
            self.query_one("#field-code", FormField).value = ""
            self.clear_errors()
            self.query_one("#send-code", CodeButton).reset()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "input-id_number":
            self.send_code()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "send-code":
            self.send_code()
        elif event.button.id == "submit":
            self.submit()
        elif event.button.id == "back":
            self.dismiss()
        elif event.button.id == "to-register":
            from .register import RegisterScreen

            self.replace_with(RegisterScreen(id_number=self._id_number()))  # 返回 there: the start screen

    def send_code(self) -> None:
        self.call(auth.start_sign_in, self.env, self._id_number(), done=self._code_sent, failed=self._refused)

    def _refused(self, exc: DomainError) -> None:
        """The message next to its field; for a number not registered, 去注册 under it, focused. A code
        asked for too soon was sent for this number (the countdown, the line naming the phone, are its)."""
        if isinstance(exc, TooSoon):
            self._sent_for = compact(self._id_number()).upper()
        self.show_error(exc)
        if exc.field == "id_number" and exc.message == auth.NOT_REGISTERED:
            button = self.query_one("#to-register", Button)
            button.remove_class("hidden")
            button.focus()

    def _code_sent(self, sent: codes.CodeSent) -> None:
        self._sent_for = compact(self._id_number()).upper()
        self.query_one("#send-code", CodeButton).code_sent(sent)

    def submit(self) -> None:
        code = self.query_one("#field-code", FormField).value
        self.call(auth.finish_sign_in, self.env, self._id_number(), code, done=self.kiosk.signed_in,
                  failed=self._refused)

