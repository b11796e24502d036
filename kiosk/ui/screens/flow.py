"""The generic application flow (填写信息 > 确认并提交 > 办理结果) that every online service uses."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import AwaitMount, Widget
from textual.widgets import Button, ContentSwitcher, RadioSet, Static

from ...domain.errors import DomainError, StillPending, sentence
from ...services import applications as apps
from ..citizen_screen import CitizenScreen
from ..key_order import keys_ready
from ..submit_guard import SubmitGuard
from . import flow_fields
from .flow_pending import PendingOffer
from ..widgets.choice import ChoiceEntered, Choices, Tick, nothing_chosen
from ..widgets.code_button import CodeButton
from ..widgets.code_step import code_widgets
from ..widgets.done_step import DoneButtons, DoneStep
from ..widgets.field import FormField, next_control
from ..widgets.header import KioskHeader
from ..widgets.in_view import keep_focus_in_view
from ..widgets.keypad_box import KeypadBox, follow_keypad
from ..widgets.stepbar import StepBar
from ..widgets.plain import ErrorLine, Plain
from ..widgets.page import Page
from ..widgets.more_below import MoreBelow
from ..widgets.page_column import PageColumn

STEPS = ["填写信息", "确认并提交", "办理结果"]


class ApplicationFlowScreen(DoneButtons, PendingOffer, SubmitGuard, CitizenScreen):
    """确认并提交 opens with the focus on 提交; 提交 takes no press until the step has been on view
    ``SUBMIT_GUARD`` seconds with no press of it (SubmitGuard: a repeated or held Enter from the
    last field must not skip 请核对以下信息).
    An application still 受理中 is offered in 查看网办进度 (PendingOffer); 查看网办进度 and
    返回业务中心 do what DoneButtons says."""

    def __init__(self, service: apps.OnlineService) -> None:
        super().__init__()
        self.service = service
        self.prepared: apps.Prepared | None = None
        self.checked: apps.Checked | None = None
        self._prefilled: dict[str, str] = {}  # field -> the value the last choice filled it with
        self._submitted = False  # the application was made: leaving drops nothing
        self._serial = ""  # the application 查看网办进度 opens on: the one made, or the one still 受理中
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

    def _field_problem(self, name: str, value: str) -> str:
        """What the service's own checks say of the field ``name`` holding ``value``, alone: said
        under it as Enter leaves it for the next field (no database: ``apps.field_problem``)."""
        if self.prepared is None:
            return ""
        return apps.field_problem(self.service, {**self._form(), name: value}, self.prepared, name)

    def _focus_first_field(self) -> None:
        """Keyboard users start in the form, on its first field on view."""
        fields = self.query_one("#fields").query("RadioSet, Input")
        first = next((w for w in fields if all(n.display for n in w.ancestors_with_self)), None)
        if first is not None:
            first.focus()
        keys_ready(self)  # what was typed meanwhile goes into the first field, in order

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """Choosing another item (e.g. a vehicle) fills in the fields and intro the service gives for it;
        the line under the choice says what the service says of the item (else it is cleared) and
        查看网办进度 follows it (``_follow_pending``)."""
        if self.prepared is None or event.pressed.name is None:
            return
        name = (event.radio_set.id or "").removeprefix("choice-")
        said = flow_fields.said(self.prepared, name, event.pressed.name)
        for note in self.query(f"#error-{name}").results(Static):
            note.update(said)
        box = event.radio_set.parent  # the list with its line under it: in view (80x24)
        if said and box is not None:
            self.call_after_refresh(box.scroll_visible)
        self._follow_pending(name, event.pressed.name)
        self.call_after_refresh(self._show_wanted)  # once every radio set knows its choice
        prefill = self.prepared.context.get("prefill")
        if isinstance(prefill, dict) and event.pressed.name in prefill:
            self._refill(prefill[event.pressed.name])
        intros = self.prepared.context.get("intros")
        if isinstance(intros, dict) and event.pressed.name in intros:
            self.query_one("#intro", Static).update(intros[event.pressed.name])

    def _refill(self, values: dict[str, str]) -> None:
        """Fill in what the new choice gives, but only in a field the citizen has not changed (it
        still holds what the previous choice filled in): what was typed is kept."""
        for f in self.query_one("#fields").query(FormField):
            if f.field_name in values:
                if f.value == self._prefilled.get(f.field_name, ""):
                    f.value = values[f.field_name]
                self._prefilled[f.field_name] = values[f.field_name]

    def on_checkbox_changed(self, event: Tick.Changed) -> None:
        for note in self.query(f"#error-{(event.checkbox.id or '').removeprefix('agree-')}").results(Static):
            note.update("")

    def on_choices_nothing_chosen(self, event: Choices.NothingChosen) -> None:
        """Enter on a list with nothing chosen: it stays focused, and the line under it says how to
        choose, naming the list (the line is cleared when an option is chosen, as after a refusal)."""
        name = (event.control.id or "").removeprefix("choice-")
        fields = self.prepared.fields if self.prepared is not None else []
        label = next((spec.label for spec in fields if spec.name == name), "")  # 请选择业务类型：...
        for note in self.query(f"#error-{name}").results(Static):
            note.update(nothing_chosen(label))
        box = event.control.parent  # the list with its line under it
        if box is not None:
            self.call_after_refresh(box.scroll_visible)

    def on_choice_entered(self, event: ChoiceEntered) -> None:
        """Enter on a choice list (it chose the option) or a box (it ticked it) moves on as Enter
        in a text field does: to the next field, choice or box shown, or 下一步 after the last.
        After the refresh, once a field the choice shows or hides (show_if) has followed it.
        A box is never a press of 下一步: after the last one the focus only goes to 下一步, so the
        citizen sees [X] before going on (the tick and 请核对以下信息 came with one Enter)."""
        self.call_after_refresh(self._move_on, event.control)

    def _move_on(self, control: Widget) -> None:
        if not self.is_attached or self.focused is not control:
            return
        following = next_control(self.query_one("#fields"), control)
        if following is not None:
            following.focus()
        elif isinstance(control, Tick):
            self.query_one("#next", Button).focus()
        else:
            self.query_one("#next", Button).press()

    def focus_next(self, selector="*"):  # type: ignore[no-untyped-def]
        """Tab, read as it comes (kiosk.ui.bindings), goes on in the form's order among the fields the
        choices just made show (Down to 自编自选, Tab: to 【返回】, or into 随机选号's set shown still: tester)."""
        return self._tab(1) or super().focus_next(selector)

    def focus_previous(self, selector="*"):  # type: ignore[no-untyped-def]
        return self._tab(-1) or super().focus_previous(selector)

    def _tab(self, direction: int) -> Widget | None:
        """The focus moved at once from a field of the form (flow_fields.tab_target), or None."""
        if self.prepared is None or not self.query_one("#step-form").display or self.focused is None:
            return None
        self._show_wanted()
        target = flow_fields.tab_target(self.query_one("#fields"), self.query("#step-form .buttons Button"),
                                        self.focused, direction)
        if target is not None:
            self.set_focus(target)  # its scroll comes before a box just shown is laid out: again after
            self.call_after_refresh(keep_focus_in_view, self)  # (80x24: the random set stayed below the edge)
        return target

    def _show_wanted(self) -> None:
        """A field shown only for some choices (``FieldSpec.show_if``) follows what is chosen now;
        what it holds is kept while it is hidden."""
        assert self.prepared is not None
        # A radio set just mounted may not know its chosen button yet: that is the initial value.
        form = {k: v or self.prepared.initial.get(k, "") for k, v in self._form(everything=True).items()}
        for spec in self.prepared.fields:
            if spec.show_if:
                self.query_one(f"#box-{spec.name}, #field-{spec.name}").display = flow_fields.shown(
                    spec, self.prepared, form)
        follow_keypad(self)  # 身体条件证明编号 shown or hidden with 期满换证

    def _form(self, everything: bool = False) -> dict[str, str]:
        """What the form holds; only the fields on view unless ``everything``."""
        form = {f.field_name: f.value for f in self.query_one("#fields").query(FormField)}
        for radio in self.query(RadioSet):  # a choice just made, its Changed still to come, counts
            pressed = radio.chosen if isinstance(radio, Choices) else radio.pressed_button
            form[(radio.id or "").removeprefix("choice-")] = (pressed.name or "") if pressed else ""
        for tick in self.query_one("#fields").query(Tick):
            form[(tick.id or "").removeprefix("agree-")] = "1" if tick.value else ""
        if everything or self.prepared is None:
            return form
        hidden = [spec.name for spec in self.prepared.fields if not flow_fields.wanted(spec, form)]
        return {name: value for name, value in form.items() if name not in hidden}

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
            if self.query_one("#send-code", CodeButton).retarget(self.checked.phone_to_confirm or ""):
                self.query_one("#field-code", FormField).value = ""  # that code was for the other number
            masked = apps.mask_phone(self.checked.phone_to_confirm or "")
            self.query_one("#code-hint", Static).update(
                f"更换手机号码需验证新号码：点击【发送验证码】，验证码将发送至新号码 {masked}。")
        self.show_step("step-confirm", 1)
        self.step_opened()

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
        self.show_done(submitted.serial_no, (
            f"业务已提交。\n\n业务名称：{submitted.title}\n业务流水号：{submitted.serial_no}\n"
            f"办理状态：{submitted.status}\n说明：{sentence(submitted.note)}\n\n"
            + ("受理情况已发送到您的消息和手机短信，办结后将再次通知您，可在【网办进度】中查询办理进度。"
               if submitted.status == "受理中" else "办理结果已发送到您的消息和手机短信，可在【网办进度】中查询。")), 2)
