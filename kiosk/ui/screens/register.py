"""Registration: 实人认证 (name, ID, phone, liveness/face check), falling back after repeated face
failures to online registration with the phone reserved on the licence or vehicle record.

An ID number already registered is no dead end: 去登录 shows under its message, with the focus,
and opens 登录 with the number filled in."""
from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, ContentSwitcher, Input, Static

from ...domain.errors import DomainError
from ...domain.ids import PHONE_INPUT_LEN
from ...services import auth, codes
from ..base import KioskScreen
from ..widgets.code_button import CodeButton
from ..widgets.code_step import code_widgets
from ..widgets.field import FormField
from ..widgets.header import KioskHeader
from ..widgets.keypad_box import KeypadBox
from ..widgets.stepbar import StepBar
from ..widgets.plain import ErrorLine, Plain
from ..widgets.page import Page

STEPS = ["填写信息", "人脸识别", "短信验证"]
# After repeated face failures, 在线注册 checks the phone reserved on the licence or vehicle record
# (seed 003: 核查机动车或驾驶证预留手机号): the bar names that step, not the face check left behind.
ONLINE_STEPS = ["填写信息", "预留手机号核查", "短信验证"]
# What the SMS step says first, of the check just passed (the seeds' words: 人脸比对通过); a pass
# went straight on to the code with no word of it (tester).
PASSED = {"face": "人脸比对通过。", "online": "预留手机号核查通过。"}


class RegisterScreen(KioskScreen):
    # 返回 (and Escape) on the first step asks before it drops a name, ID number or phone typed,
    # as a service form does (KioskScreen.leave); nothing typed: it leaves at once.
    DRAFT_FIELDS = ("name", "id_number", "phone")

    def __init__(self, id_number: str = "") -> None:
        """``id_number``: typed on 登录 (not registered there): filled in."""
        super().__init__()
        self._given_id = id_number
        self.applicant: auth.Applicant | None = None
        self.face_failures = 0
        self.via = "face"
        self._reserved_said = ""  # the last refusal of a reserved number, said again on coming back

    def compose(self) -> ComposeResult:
        yield KioskHeader("注册")
        with Horizontal(classes="with-keypad"):
            with Page(classes="form"):
                yield StepBar(STEPS)
                with ContentSwitcher(initial="step-info"):
                    with Vertical(id="step-info"):
                        yield Plain("实人认证注册：请填写本人姓名、身份证号码和手机号码（仅限二代身份证持有人）。",
                                    classes="hint")
                        yield FormField("name", "姓名", placeholder="与身份证一致", max_length=30,
                                        enter_focuses="id_number")
                        yield FormField("id_number", "身份证号码", placeholder="18位身份证号码", max_length=18, id_number=True,
                                        enter_focuses="phone", value=self._given_id)
                        yield Button("去登录", id="to-sign-in", variant="primary", classes="hidden")
                        yield FormField("phone", "手机号码", placeholder="11位手机号码", max_length=PHONE_INPUT_LEN, phone=True,
                                        enter_presses="to-face")
                        with Horizontal(classes="buttons"):
                            yield Button("返回", id="back")
                            yield Button("下一步", id="to-face", variant="primary")
                    with Vertical(id="step-face"):
                        yield Plain("请正对屏幕上方的摄像头，摘下帽子和眼镜，保持面部在框内，按提示缓慢眨眼。",
                                    classes="hint")
                        yield Plain("", id="face-result")
                        with Horizontal(classes="buttons"):
                            yield Button("上一步", id="face-back")
                            yield Button("开始人脸识别", id="face-start", variant="primary")
                        # primary: shown once the tries ran out, it is the way on, and coming back to
                        # this step focuses it (focus_first takes the primary button shown)
                        yield Button("改用驾驶证/机动车预留手机号注册", id="to-online", variant="primary",
                                     classes="hidden")
                    with Vertical(id="step-online"):
                        yield Plain("在线注册：请输入您在驾驶证或机动车登记信息中预留的手机号码。", classes="hint")
                        yield FormField("reserved_phone", "预留手机号码", placeholder="11位手机号码", max_length=PHONE_INPUT_LEN,
                                        phone=True, enter_presses="online-check")
                        with Horizontal(classes="buttons"):
                            yield Button("上一步", id="online-back")
                            yield Button("下一步", id="online-check", variant="primary")
                    with Vertical(id="step-code"):
                        yield from code_widgets("finish")
                        with Horizontal(classes="buttons"):
                            yield Button("上一步", id="code-back")
                            yield Button("完成注册", id="finish", variant="primary")
                yield ErrorLine(classes="screen-error")
            yield KeypadBox()

    def show_step(self, step: str, bar: int) -> None:
        online = step == "step-online" or (step == "step-code" and self.via == "online")
        steps = self.query_one(StepBar)
        steps.steps = ONLINE_STEPS if online else STEPS
        steps.refresh()
        super().show_step(step, bar)

    def _value(self, name: str) -> str:
        return self.query_one(f"#field-{name}", FormField).value

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "back": self.leave,
            "to-face": lambda: self.call(auth.check_applicant, self.env, self._value("name"),
                                         self._value("id_number"), self._value("phone"), done=self._checked,
                                         failed=self._refused),
            "to-sign-in": self._to_sign_in,
            "face-back": lambda: self.show_step("step-info", 0),
            "face-start": lambda: self.call(auth.face_check, self.env, self.applicant, done=self._faced),
            "to-online": self._to_online,
            "online-back": lambda: self.show_step("step-face", 1),
            "online-check": self._check_online,
            "send-code": lambda: self.call(auth.send_register_code, self.env, self.applicant.phone,
                                           done=self._code_sent),
            "code-back": lambda: self.show_step("step-face" if self.via == "face" else "step-online", 1),
            "finish": lambda: self.call(auth.complete_registration, self.env, self.applicant,
                                        self._value("code"), self.via, done=self._registered),
        }
        action = actions.get(event.button.id or "")
        if action:
            action()

    def _refused(self, exc: DomainError) -> None:
        """Each message next to its field; for a number already registered, 去登录 under it, focused."""
        self.show_error(exc)
        if exc.field == "id_number" and exc.message == auth.ALREADY_REGISTERED:
            button = self.query_one("#to-sign-in", Button)
            button.remove_class("hidden")
            button.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "input-id_number":  # 去登录 was for the number its message was about
            self.query_one("#to-sign-in").add_class("hidden")
        elif event.input.id == "input-reserved_phone" and event.value:  # a new number typed: its message went
            self._reserved_said = ""

    def _to_sign_in(self) -> None:
        """Registered already: nothing typed here is needed (no question asked); 返回 there: the start screen."""
        from .sign_in import SignInScreen

        self.replace_with(SignInScreen(id_number=self._value("id_number")))

    def _checked(self, applicant: auth.Applicant) -> None:
        """On to the face check. The same person back from 上一步 finds it as left: the line of the
        last failed try (after the last one, why no further try is offered, and the way on)."""
        if self.applicant is not None and self.applicant.id_number != applicant.id_number:
            self.face_failures = 0  # another person's tries start again
            start = self.query_one("#face-start", Button)
            start.disabled, start.display = False, True
            self.query_one("#to-online").add_class("hidden")
            self.query_one("#face-result", Static).update("")
            self.query_one("#field-reserved_phone", FormField).value = ""  # the other's number and message
            self._reserved_said = ""
        self.applicant = applicant
        self.show_step("step-face", 1)

    def _faced(self, result: tuple[bool, str]) -> None:
        passed, message = result
        if passed:
            # 上一步 from the code: no failure line left, the pass said there too
            self.query_one("#face-result", Static).update(PASSED["face"])
            self.via = "face"
            self._to_code()
            return
        self.face_failures += 1
        limit = self.env.settings.face_max_failures
        text = f"{message}（第{self.face_failures}次）"
        if self.face_failures >= limit:  # no further tries here: the other ways are offered instead
            text += ("\n多次人脸识别未通过，本次不能再试。您可以改用驾驶证或机动车预留手机号在线注册，"
                     "或携带身份证明到车管所窗口面签注册。")
            start = self.query_one("#face-start", Button)  # gone, not greyed: it looked as if it could be tried again
            start.disabled, start.display = True, False
            self.query_one("#to-online").remove_class("hidden")
            self.query_one("#to-online", Button).focus()
        self.query_one("#face-result", Static).update(text)

    def _to_online(self) -> None:
        """The reserved number's step, as left: a number refused was taken out of the field (it is not
        sent again by accident) and its message (还可尝试N次) is said again; show_step cleared it, and the
        empty field looked as if nothing had been tried."""
        self.show_step("step-online", 1)
        if self._reserved_said:
            self.query_one("#field-reserved_phone", FormField).set_error(self._reserved_said)

    def _check_online(self) -> None:
        assert self.applicant is not None
        self.call(auth.check_reserved_phone, self.env, self.applicant.id_number, self._value("reserved_phone"),
                  done=self._online_ok, failed=self._online_refused)

    def _online_refused(self, exc: DomainError) -> None:
        """Said next to the field (a number not on record taken out of it: show_error), and kept for
        coming back to the step."""
        self.show_error(exc)
        self._reserved_said = exc.message if exc.field == "reserved_phone" else ""

    def _online_ok(self, phone: str) -> None:
        assert self.applicant is not None
        self.applicant = replace(self.applicant, phone=phone)
        self.via, self._reserved_said = "online", ""
        self._to_code()

    def _to_code(self) -> None:
        assert self.applicant is not None
        masked = auth.mask_phone(self.applicant.phone)
        button = self.query_one("#send-code", CodeButton)
        if button.retarget(self.applicant.phone):  # another number since
            self.query_one("#field-code", FormField).value = ""  # that code (and its resend wait) was the other's
        # 点击【发送验证码】, or 【重新发送】 once a code went to that number (back from 人脸识别 and on again)
        button.say_hint(f"手机 {masked}", "点击【完成注册】", PASSED[self.via])
        self.show_step("step-code", 2)

    def _code_sent(self, sent: codes.CodeSent) -> None:
        self.query_one("#send-code", CodeButton).code_sent(sent)

    def _registered(self, citizen: auth.CitizenSession) -> None:
        self.notify("注册成功，已为您登录", timeout=5)
        self.kiosk.signed_in(citizen)
