"""The generic application flow (填写信息 > 确认并提交 > 办理结果) that every online service uses.
How the form follows the citizen's choices, Enter and Tab is flow_form's (FormFollowing)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import AwaitMount
from textual.widgets import Button, ContentSwitcher, RadioSet, Static

from ...domain.errors import DomainError, StillPending, sentence
from ...services import applications as apps
from ..citizen_screen import CitizenScreen
from ..key_order import keys_ready
from ..submit_guard import SubmitGuard
from . import flow_fields
from .flow_form import FormFollowing
from .flow_pending import PendingOffer
from ..widgets.choice import Tick
from ..widgets.code_button import CodeButton
from ..widgets.code_step import code_widgets
from ..widgets.done_step import DONE_TAIL, DoneButtons, DoneStep
from ..widgets.field import FormField
from ..widgets.header import KioskHeader
from ..widgets.in_view import bring_into_view
from ..widgets.keypad import digit_fields
from ..widgets.keypad_box import KeypadBox, follow_keypad
from ..widgets.stepbar import StepBar
from ..widgets.plain import ErrorLine, Plain
from ..widgets.page import Page
from ..widgets.more_below import MoreBelow
from ..widgets.page_column import PageColumn

STEPS = ["填写信息", "确认并提交", "办理结果"]


class ApplicationFlowScreen(FormFollowing, DoneButtons, PendingOffer, SubmitGuard, CitizenScreen):
    """确认并提交 opens with the focus on 提交; 提交 takes no press until the step has been on view
    ``SUBMIT_GUARD`` seconds with no press of it (SubmitGuard: a repeated or held Enter from the
    last field must not skip 请核对以下信息).
    An application still 受理中 is offered in 查看网办进度 (PendingOffer); 查看网办进度 and
    返回业务中心 do what DoneButtons says; the form's choices, boxes and Tab are FormFollowing's."""

    def __init__(self, service: apps.OnlineService) -> None:
        super().__init__()
        self.service = service
        self.prepared: apps.Prepared | None = None
        self.checked: apps.Checked | None = None
        self._prefilled: dict[str, str] = {}  # field -> the value the last choice filled it with
        self._submitted = False  # the application was made: leaving drops nothing
        self._serial = ""  # the application 查看网办进度 opens on: the one made, or the one still 受理中
        self._title = ""  # the service's title as the application made has it (result_text)
        self.typed_ahead: list | None = []  # keys typed before the fields are there (kiosk.ui.key_order)

    def compose(self) -> ComposeResult:
        yield KioskHeader(self.service.title)
        with Horizontal(classes="with-keypad"):  # the number pad beside the page: 新手机号码, the code
            with PageColumn():  # the step bar stays on screen while the page scrolls
                yield StepBar(STEPS).add_class("-reading")  # shown with the fields
                with Page(classes="form wide", form=True):  # no Tab stop while a step shows a field
                    with ContentSwitcher(initial="step-form"):
                        with Vertical(id="step-form"):
                            yield Plain("正在读取您的登记信息，请稍候。", id="intro", classes="hint")
                            yield Vertical(id="fields")
                            with Horizontal(classes="buttons -reading"):  # shown with the fields
                                yield Button("返回", id="back")
                                yield Button("下一步", id="next", variant="primary", disabled=True)
                                yield Button("查看网办进度", id="pending-progress", variant="primary", classes="hidden")
                        with Vertical(id="step-confirm"):
                            yield Plain("请核对以下信息：", classes="hint")
                            yield Plain("", id="summary")
                            with Vertical(id="code-box"):
                                yield from code_widgets("submit")
                            with Horizontal(classes="buttons"):
                                yield Button("上一步", id="prev")
                                yield Button("提交", id="submit", variant="primary")
                        yield DoneStep(id="step-done")
                    yield ErrorLine(classes="screen-error")
                yield MoreBelow()  # 下方还有内容 while 下一步 (or more of the form) is below the page's edge
            yield KeypadBox()

    def on_mount(self) -> None:
        self.call(apps.prepare, self.env, self.service, self.account_id, done=self._prepared, failed=self._refused)

    def _prepared(self, prepared: apps.Prepared) -> None:
        """The fields mounted in one batch out of sight, then shown whole with the step bar and the
        buttons (``_show_form``): 驾驶证补换领 at 80x24 showed 返回 / 下一步 under an empty form, then the
        fields (tester; the read takes some 30 ms, composing its 100 widgets some 350 ms)."""
        self.prepared = prepared
        self._prefilled = {spec.name: prepared.initial.get(spec.name, "") for spec in prepared.fields
                           if spec.kind not in ("choice", "agree")}
        box = self.query_one("#fields", Vertical)
        box.display = False
        mounted = box.mount_all([flow_fields.build(spec, prepared, check=self._field_problem)
                                 for spec in prepared.fields])
        for spec in prepared.fields:
            if spec.kind == "choice":
                self._follow_pending(spec.name, prepared.initial.get(spec.name, ""))
        self.call_later(self._show_form, prepared, mounted)

    async def _show_form(self, prepared: apps.Prepared, mounted: AwaitMount) -> None:
        await mounted
        if not self.is_attached:
            return
        self.query_one("#intro", Static).update(prepared.intro)
        self.query_one("#fields").display = True
        self._reading_done()
        self.query_one("#next", Button).disabled = False
        follow_keypad(self)  # a 新手机号码 on view: the number pad beside it
        self.call_after_refresh(self._focus_first_field)  # once the new fields are laid out

    def _failed_unexpectedly(self) -> None:
        if self.prepared is None:  # the read failed: 返回 shows, under the message
            self._reading_done()
        super()._failed_unexpectedly()

    def _field_problem(self, name: str, value: str, empty_too: bool = False) -> str:
        """What the service's own checks say of the field ``name`` holding ``value``, alone: said
        under it as Enter leaves it for the next field (no database: ``apps.field_problem``);
        ``empty_too``: an empty one's 请输入 as well."""
        if self.prepared is None:
            return ""
        return apps.field_problem(self.service, {**self._form(), name: value}, self.prepared, name, empty_too)

    def _focus_first_field(self) -> None:
        """Keyboard users start in the form, on its first field on view. A citizen who opened it by
        a tap, with the number pad beside a field of digits in view, starts on the first such field
        left empty (the pad's first tap goes there), or on none: 申请新车临时号牌 (宋佳) opened with
        the focus in 车辆识别代号, which has letters the pad has not, and the pad typed elsewhere
        (tester); its 有效天数 is filled in, so nothing is focused there and the pad's tap goes into
        the first field of digits in view, as with none focused anywhere (kiosk.ui.widgets.keypad)."""
        if self.app_tapped() and not self.app.has_class("-narrow") and (pad := digit_fields(self, sighted=True)):
            empty = next((i for i in pad if not i.value), None)
            if empty is not None:
                empty.focus()
            else:
                self.set_focus(None)
            keys_ready(self)
            return
        fields = self.query_one("#fields").query("RadioSet, Input")
        first = next((w for w in fields if all(n.display for n in w.ancestors_with_self)), None)
        if first is not None:
            first.focus()
        keys_ready(self)  # what was typed meanwhile goes into the first field, in order

    def app_tapped(self) -> bool:
        """The latest input from the terminal was a tap (kiosk.ui.pointer): a touch user."""
        return bool(getattr(self.app, "last_input_was_click", False))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id
        if bid == "back":
            self.leave()  # asks first when something typed or chosen would be dropped
        elif bid == "next":
            self._next()
        elif bid == "prev":
            self.show_step("step-form", 0)
        elif bid == "send-code" and self.checked and self.checked.phone_to_confirm:
            self.call(apps.send_confirm_code, self.env, self.service, self.account_id,
                      self.checked.phone_to_confirm, done=self._code_sent)
        elif bid == "submit":
            if self.too_soon():
                return  # the Enter that opened the step, repeated: the summary is not read yet
            code = self.query_one("#field-code", FormField).value
            self.call(apps.submit, self.env, self.service, self.account_id, self._form(), code, done=self._done,
                      failed=self._not_submitted)

    def _next(self) -> None:
        assert self.prepared is not None
        self.clear_errors()
        try:
            self.checked = apps.check(self.service, self._form(), self.prepared)
        except DomainError as exc:
            self.show_error(exc)
            return
        lines = "\n".join(f"{label}：{value}" for label, value in self.checked.summary)
        self.query_one("#summary", Static).update(lines)
        needs_code = self.checked.phone_to_confirm is not None
        self.query_one("#code-box").display = needs_code
        if needs_code:
            button = self.query_one("#send-code", CodeButton)
            if button.retarget(self.checked.phone_to_confirm or ""):
                self.query_one("#field-code", FormField).value = ""  # that code was for the other number
            masked = apps.mask_phone(self.checked.phone_to_confirm or "")
            # 点击【发送验证码】, or 【重新发送】 once a code went to that number (tester: 点击【发送验证码】 stayed)
            button.say_hint(f"新号码 {masked}", "点击【提交】", "更换手机号码需验证新号码：")
        self.show_step("step-confirm", 1)
        self.step_opened()

    def on_field_enter_last_refused(self, event: FormField.LastRefused) -> None:
        """Enter in the form's last field, its own value wrong (said under it, the focus kept there so
        what is typed next corrects it): every other field's problem is said under it too, in one go,
        as 下一步 says them (申请新车临时号牌: 有效天数 31 said alone, 起始日期 2026-12-11's 起始日期最晚为
        2026-12-10 only at the next 下一步, tester). The field stays in view, after the first message's."""
        if self.prepared is None or not self.query_one("#step-form").display:
            return
        try:
            apps.check(self.service, self._form(), self.prepared)
        except DomainError as exc:
            self.clear_errors()
            self.show_error(exc, focus=False)
            self.call_after_refresh(bring_into_view, event.field)

    def focus_field(self, field: str) -> None:
        """A choice's or a box's message is under it, which may be scrolled away: the focus goes to
        the choice (or box) and the whole of it, message included, is brought into view."""
        for control in self.query(f"#box-{field} RadioSet, #box-{field} Checkbox"):
            if control.parent is not None and control.parent.display:
                control.focus(scroll_visible=False)
                control.parent.scroll_visible()
                return
        super().focus_field(field)

    def _not_submitted(self, exc: DomainError) -> None:
        """A refusal (one of the code that says it is gone also clears the line that said it was
        sent: show_error); the same application made meanwhile is offered in 查看网办进度. A refusal
        naming a field of 填写信息 (备案非本人机动车's 未查询到 ... 请返回上一步核对) moves the focus
        to 上一步: a second Enter on 提交 would send the same form again (and burn one more try)."""
        if isinstance(exc, StillPending):
            self._pending_meanwhile(exc, self._form())
            return
        self.show_error(exc)
        if self.prepared is not None and exc.field in {spec.name for spec in self.prepared.fields}:
            self.query_one("#prev", Button).focus()  # what it names is corrected there: Enter again goes back

    def _code_sent(self, sent) -> None:  # type: ignore[no-untyped-def]
        self.query_one("#send-code", CodeButton).code_sent(sent)

    def unsaved(self) -> bool:
        """Anything typed or chosen in the form (on view or hidden by another choice) that differs
        from what the form opened with, until the application is submitted."""
        if self.prepared is None or self._submitted or not self.query_one("#fields").display:
            return False  # none yet, made, or the form gone (the same one made meanwhile: _pending_meanwhile)
        fields = self.query_one("#fields")
        if any(f.edited for f in fields.query(FormField)) or any(t.value for t in fields.query(Tick)):
            return True
        for radio in fields.query(RadioSet):
            name = (radio.id or "").removeprefix("choice-")
            values = [value for _, value in self.prepared.choices.get(name, [])]
            opened_with = self.prepared.initial.get(name, "")
            pressed = radio.pressed_button
            if ((pressed.name or "") if pressed else "") != (opened_with if opened_with in values else ""):
                return True
        return False

    def _done(self, submitted: apps.Submitted) -> None:
        self._title, self._serial = submitted.title, submitted.serial_no  # the text names them
        # while 受理中 the clerk's 办结 or 退办 shows here when it comes (DoneButtons.follow_status)
        self.show_done(submitted.serial_no, self.result_text(submitted.status, submitted.note), 2, submitted.status)
        self.step_opened()

    def result_text(self, status: str, note: str) -> str:
        return (f"业务已提交。\n\n业务名称：{self._title}\n业务流水号：{self._serial}\n"
                f"办理状态：{status}\n说明：{sentence(note)}\n\n"
                + ("受理情况已发送到您的消息和手机短信，办结后将再次通知您，可在【网办进度】中查询办理进度。"
                   if status == apps.WAITING else DONE_TAIL))
