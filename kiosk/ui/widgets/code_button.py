"""The 发送验证码 button: counts down the 60 s before a code may be sent again, and keeps the line
that says where the code went (``#code-sent``) true: it goes once the code has expired, or once the
service refuses it as gone (``code_gone``: used, or dead after too many wrong tries). A code asked
for again within the wait while the one sent is still valid (CodeStillValid: 返回, then 登录 again)
is no error: the line says where it went, until when it works and the seconds left of the wait,
and in demo mode that SMS shows on the phone bar again (``code_still_valid``). The line over the
button (``#code-hint``, given by ``say_hint``) says 点击【发送验证码】 or 【重新发送】 as the button reads,
from when a code is sent (``code_hint``)."""
from __future__ import annotations

import time

from datetime import datetime

from textual.widget import Widget
from textual.widgets import Button, Input, Static

from ...domain.errors import CodeRefused, CodeStillValid, DomainError, TooSoon
from ...services.codes import GONE, NONE_SENT, USED, CodeSent, refusal
from ..focus import shown


class CodeButton(Button):
    def __init__(self, label: str = "发送验证码", id: str | None = None) -> None:
        super().__init__(label, id=id)
        self.base_label = label
        self._until = 0.0
        self._phone = ""  # the number the countdown is for
        self._sent = False  # a code went to the number the button is for (``sent``)
        self._expires: datetime | None = None  # when the code #code-sent speaks of expires (CodeSent)
        self._gone = False  # the code sent can no longer be used: expired, used, dead (``code_gone``)
        self._still: CodeStillValid | None = None  # the line says so of this code (``code_still_valid``)
        self._hint: tuple[str, str, str] | None = None  # what #code-hint names (``say_hint``)

    def on_mount(self) -> None:
        self.set_interval(1, self._tick)

    @property
    def sent(self) -> bool:
        """A code was sent to the number the button is for now: from here (``code_sent``), or earlier
        or on another kiosk (a refused TooSoon counts down: ``start_countdown``), until the button is
        for another number (``retarget``, ``reset``). Still True once that code is gone (the button
        reads 重新发送: ``code_gone``)."""
        return self._sent

    @property
    def gone(self) -> bool:
        """The last code sent has expired or was refused as gone; a new one is needed."""
        return self._sent and self._gone

    def say_hint(self, to: str, then: str, lead: str = "") -> None:
        """``#code-hint`` on the screen says where the code goes (``to``) and what follows it
        (``then``), after ``lead``, in the words of ``code_hint``, and keeps saying it as the
        button changes: a code sent (the button reads 重新发送), gone, or for another number."""
        self._hint = (to, then, lead)
        self._say_hint()

    def _say_hint(self) -> None:
        if self._hint is None or not self.is_attached:
            return
        self._say("#code-hint", code_hint(self.sent, self.gone, *self._hint))

    def _say(self, line_id: str, text: str) -> None:
        """The screen's line ``line_id`` says ``text``, drawn anew only when it changed (the lines
        follow the button once a second)."""
        for line in self.screen.query(line_id).results(Static):
            if str(line.render()) != text:
                line.update(text)

    def code_sent(self, sent: CodeSent) -> None:
        """After a code went out: say where to (``#code-sent`` on the same screen), count down to the
        next resend, put the cursor in the code field (``#input-code``) and, in demo mode, show the
        SMS as a phone would."""
        app = self.app
        phone, self._phone = sent.phone, sent.phone
        minutes = app.env.settings.code_ttl_seconds // 60  # type: ignore[attr-defined]
        for line in self.screen.query("#code-sent").results(Static):
            line.update(f"验证码已发送至 {sent.phone_masked}，{minutes}分钟内有效。")
        self._expires, self._gone, self._still = sent.expires_at, False, None
        self.start_countdown(app.env.settings.code_resend_seconds)  # type: ignore[attr-defined]
        for field in self.screen.query("#input-code"):
            field.focus()
        app.show_demo_sms(phone)  # type: ignore[attr-defined]

    def code_still_valid(self, exc: CodeStillValid, focus: bool = True) -> None:
        """A code asked for within the resend wait while the one sent (here, earlier) is still valid:
        as ``code_sent`` for that code, the line saying also the seconds left of the wait (kept in
        step with the button's count, ``_tick``) and, in demo mode, that SMS shown again."""
        self._phone, self._expires, self._gone, self._still = exc.phone, exc.expires_at, False, exc
        self.start_countdown(exc.seconds)  # says the line too
        if focus:
            for field in self.screen.query("#input-code"):
                field.focus()
        if exc.sms_id is not None:
            self.app.show_demo_sms(exc.phone, message_id=exc.sms_id)  # type: ignore[attr-defined]

    def _say_still_valid(self, left: int) -> None:
        exc = self._still
        if exc is None or not self.is_attached:
            return
        then = f"{left}秒后可重新获取" if left > 0 else "如未收到，可点击【重新发送】重新获取"
        text = (f"验证码已于{exc.sent_at:%H:%M}发送至 {exc.phone_masked}，{exc.expires_at:%H:%M}前仍然有效，"
                f"请输入短信中的验证码；{then}。")
        self._say("#code-sent", text)

    def retarget(self, phone: str) -> bool:
        """The code will go to ``phone``. True when the last code went to another number: the new
        one is not held up by that number's countdown (the server limits each number on its own)."""
        changed = bool(self._phone) and phone != self._phone
        if changed:
            self.reset()
        self._phone = phone
        return changed

    def reset(self) -> None:
        """Ready to send again (the code is for someone else now; the server still limits each number)."""
        self._until, self.disabled, self.label = 0.0, False, self.base_label
        self._sent = self._gone = False
        self._clear_sent_line()  # it named the other number
        self._say_hint()

    def code_gone(self, resend_now: bool) -> None:
        """The service refused the code as one that can no longer be used (expired, used, dead after
        too many wrong tries, replaced on another terminal: CodeRefused.gone): the line that said
        where it went goes. ``resend_now``: a new one may be asked for at once (the code was used,
        here or on another kiosk), so the countdown stops; else it runs on, as the resend wait
        does on the server (should it be over there first, the server says how long to wait)."""
        self._clear_sent_line()
        self._gone = True
        self._say_hint()
        if resend_now and self._until:
            self._until, self.disabled, self.label = 0.0, False, "重新发送"

    def _clear_sent_line(self) -> None:
        self._expires = self._still = None
        if self.is_attached:
            for line in self.screen.query("#code-sent").results(Static):
                line.update("")

    def start_countdown(self, seconds: int) -> None:
        """``seconds`` before a code may be sent again: one was sent (``sent``), here or elsewhere."""
        self._until, self._sent = time.monotonic() + seconds, True
        self._tick()
        self._say_hint()

    def _tick(self) -> None:
        # Past its expiry (the server's own rule and clock: codes refuse a code once now > expires_at)
        # the line 验证码已发送至 ...，5分钟内有效 would stand above 验证码已过期，请重新获取 (tester):
        # it goes, on every screen with a code (登录, 注册, 考试预约, the services).
        if self._expires is not None and self.app.env.clock.now() > self._expires:  # type: ignore[attr-defined]
            self._clear_sent_line()
            if not self._gone:
                self._gone = True
                self._say_hint()
        left = int(self._until - time.monotonic() + 0.999)
        if left > 0:
            self.disabled = True
            self.label = f"重新发送（{left}秒）"
        elif self.disabled and self._until:
            self.disabled, self._until = False, 0.0
            self.label = "重新发送"
            self._take_focus_if_gone()
        self._say_still_valid(left)

    def _take_focus_if_gone(self) -> None:
        """The wait over with the code gone (too many wrong tries while it still ran): the focus from
        the emptied code field to this button, so Enter asks for a new code, as when the code goes
        once the wait is over (code_refused). Enter in the field only said the refusal again."""
        focused = self.screen.focused if self.is_attached else None
        if self.gone and self.display and isinstance(focused, Input) and focused.id == "input-code" \
                and not focused.value:
            self.focus()


def code_hint(sent: bool, gone: bool, to: str, then: str, lead: str = "") -> str:
    """What the line over 发送验证码 says, as the button reads: 点击【发送验证码】 before a code was
    sent, 【重新发送】 once one was (it said 点击【发送验证码】 over a button reading 重新发送: tester,
    考试预约 and 变更驾驶证联系方式), and that the code is gone once it is (expired, dead after too
    many wrong tries). ``to``: where the code goes (您绑定的手机 138****0000); ``then``: what follows
    the code (点击【预约】); ``lead``: what the line starts with (人脸比对通过。)."""
    if not sent:
        return f"{lead}点击【发送验证码】，系统会发送6位验证码到{to}，输入验证码后{then}。"
    if gone:
        return f"{lead}上次发送的验证码已失效，请点击【重新发送】，将新的6位验证码发送到{to}，输入后{then}。"
    return f"{lead}输入发送到{to} 的6位验证码后{then}；需要新的验证码请点击【重新发送】。"


def code_refused(screen: Widget, exc: DomainError) -> CodeButton | None:
    """After a refusal on ``screen`` (KioskScreen.show_error): a code asked for too soon counts the
    发送验证码 button down (a button that looks ready but sends nothing would seem dead); a code
    refused as gone takes the line saying where it went with it (``code_gone``). Returns the button
    when a new code may be asked for at once: it takes the focus (请重新获取: Enter does it; in the
    code field Enter only said the refusal again, tester at 预约). So too when none was sent yet
    (请先点击【发送验证码】: the focus went to the code field, and a keyboard user had to Shift+Tab
    back to the button, tester at 变更驾驶证联系方式)."""
    ready = None
    for button in screen.query(CodeButton):
        if isinstance(exc, CodeRefused) and exc.message == NONE_SENT:
            if not button.disabled and shown(button):
                ready = button
        elif isinstance(exc, TooSoon):
            button.start_countdown(exc.seconds)
        elif isinstance(exc, CodeRefused) and exc.gone:
            button.code_gone(exc.resend_now)
            if not button.disabled and button.display:
                ready = button
    return ready


def code_still_valid(screen: Widget, exc: CodeStillValid, focus: bool = True) -> bool:
    """A code asked for too soon while the one sent is still valid (KioskScreen.show_error): said on
    the line where it went, by each 发送验证码 on ``screen`` with one (CodeButton.code_still_valid),
    not as an error. False when there is none: the screen says the message as it is."""
    buttons = [b for b in screen.query(CodeButton) if shown(b) and screen.query("#code-sent")]
    for button in buttons:
        button.code_still_valid(exc, focus)
    return bool(buttons)


def as_seen_here(screen: Widget, exc: DomainError) -> DomainError:
    """A code refused as used or gone (验证码已失效，请重新获取) while no 发送验证码 on ``screen`` has sent
    one: the code that was used is an earlier business's (陈晨's first booking, minutes before), and
    this page has sent none. It is said as 请先点击【发送验证码】获取验证码, as when no code was ever sent
    (tester: 验证码已失效 for a code typed before pressing 发送验证码). A code sent from here keeps the
    service's answer."""
    if not (isinstance(exc, CodeRefused) and exc.message in (USED, GONE)):
        return exc
    buttons = [b for b in screen.query(CodeButton) if b.display]
    if not buttons or any(b.sent for b in buttons):
        return exc
    return refusal(NONE_SENT, exc.field or "code")
