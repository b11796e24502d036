"""满分学习考试 (seed 002 section 五): 选择教育城市和教育方式 > 确认现场教育场次 > 信息确认 > 办理结果.

The service (kiosk.services.full_score) says who may apply, the days and the sessions; this screen
only collects the choices and shows what the service says. A citizen who may not apply is told why
before the form; one with an application still 受理中 is offered 查看网办进度 on it (PendingOffer).
"""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, ContentSwitcher, Input, RadioSet, Static

from ...domain import full_score as rules
from ...domain.errors import DomainError, StillPending, sentence
from ...services import applications as apps
from ...services.full_score import FullScoreStudy
from ..citizen_screen import CitizenScreen
from ..key_order import keys_ready
from ..submit_guard import SubmitGuard
from ..widgets.choice import ChoiceEntered, Choices, nothing_chosen
from ..widgets.done_step import DONE_TAIL, DoneButtons, DoneStep
from ..widgets.field import FormField, next_control
from ..widgets.header import KioskHeader
from ..widgets.keypad_box import KeypadBox, follow_keypad
from ..widgets.page import Page
from ..widgets.page_column import PageColumn
from ..widgets.more_below import MoreBelow
from ..widgets.plain import ErrorLine, Plain, PlainTable
from ..widgets.stepbar import StepBar
from . import flow_fields
from .flow_pending import PendingOffer
from .full_score_sessions import SessionChoice

STEPS = ["选择教育城市和教育方式", "确认现场教育场次", "信息确认", "办理结果"]
SHORT = ["选择城市和方式", "确认场次", "信息确认", "办理结果"]


class FullScoreScreen(SessionChoice, DoneButtons, PendingOffer, SubmitGuard, CitizenScreen):
    DEFAULT_CSS = """
    FullScoreScreen #days-note { height: auto; margin: 0 0 1 0; }
    FullScoreScreen #sessions-where { height: auto; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.service = FullScoreStudy()
        self.prepared: apps.Prepared | None = None
        self.checked: apps.Checked | None = None
        self.marked = []
        self._submitted = False
        self._serial = ""
        self._title = ""  # the service's title as the application made has it (result_text)
        self.typed_ahead: list | None = []  # keys typed before the fields are there (kiosk.ui.key_order)

    def compose(self) -> ComposeResult:
        yield KioskHeader(self.service.title)
        # The step bar over the page and the number pad, as 考试预约's (outside the page, it stays on
        # screen while the page scrolls): as wide on every step, so its labels are the same on every
        # step. Beside the pad, shown with the day fields only, 100x30 read 1.选择城市和方式 > 2.确认场次
        # on the first step and 1.选择教育城市和教育方式 > 2.确认现场教育场次 on the next (tester).
        yield StepBar(STEPS, short=SHORT, short_before_bare=True)  # numbered, as the other wizards' bars
        with Horizontal(classes="with-keypad"):  # the number pad beside the page: the day fields
            with PageColumn():  # the page's column, its 下方还有内容 line under it
                with Page(classes="form wide"):
                    with ContentSwitcher(initial="step-form"):
                        with Vertical(id="step-form"):
                            yield Plain("正在读取您的驾驶证和记分信息，请稍候。", id="intro", classes="hint")
                            yield Vertical(id="fields")
                            with Horizontal(classes="buttons"):
                                yield Button("返回", id="back")
                                yield Button("下一步", id="next", variant="primary", disabled=True)
                                yield Button("查看网办进度", id="pending-progress", variant="primary", classes="hidden")
                        with Vertical(id="step-sessions"):
                            yield Plain("", id="sessions-hint", classes="hint")
                            yield PlainTable(id="sessions", cursor_type="row", zebra_stripes=True, select_on_click=True)
                            yield ErrorLine(id="error-sessions", classes="field-error")
                            yield Plain("", id="sessions-where", classes="hint")
                            with Horizontal(classes="buttons"):
                                yield Button("上一步", id="prev-form")
                                yield Button("下一步", id="next-sessions", variant="primary")
                        with Vertical(id="step-confirm"):
                            yield Plain("请核对以下信息，确认无误后点击【提交满分申请】：", classes="hint")
                            yield Plain("", id="summary")
                            with Horizontal(classes="buttons"):
                                yield Button("上一步", id="prev-sessions")
                                yield Button("提交满分申请", id="submit", variant="primary")
                        yield DoneStep(id="step-done")
                    yield ErrorLine(classes="screen-error")
                yield MoreBelow()  # 下方还有内容 while more of the step is below the page's edge
            yield KeypadBox()

    def on_mount(self) -> None:
        self.call(apps.prepare, self.env, self.service, self.account_id, done=self._prepared, failed=self._refused)

    def _prepared(self, prepared: apps.Prepared) -> None:
        self.prepared = prepared
        p = self.service.day_plan(prepared)
        self.query_one("#intro", Static).update(prepared.intro)
        box = self.query_one("#fields", Vertical)
        box.mount(flow_fields.build(prepared.fields[0], prepared))  # 教育城市
        for spec in prepared.fields[1:3]:  # 现场教育天数, 网络教育天数
            box.mount(FormField(spec.name, spec.label, value=prepared.initial.get(spec.name, ""),
                                placeholder="天数", max_length=spec.max_len, only_digits=True,
                                enter_presses="next", enter_moves_on=True,
                                select_on_focus=True))  # the days filled in: 1 typed or tapped gives 1, not 21
            # only_digits: the pad's X or a letter is refused as typed, 现场教育天数只能输入数字 under it
        on_site, online = p.default_split()
        box.mount(Plain(rules.self_study_note(p, str(on_site), str(online)), id="days-note"))
        follow_keypad(self)  # the day fields are there: the pad beside them (T2: none to tap them with)
        self.query_one("#next", Button).disabled = False
        self.call_after_refresh(self._focus_first)

    def _focus_first(self) -> None:
        first = self.query_one("#fields").query("RadioSet, Input").first()
        first.focus()
        keys_ready(self)  # what was typed meanwhile goes to the city list, in order

    def _form(self) -> dict[str, str]:
        form = {f.field_name: f.value for f in self.query_one("#fields").query(FormField)}
        radio = self.query_one("#choice-city", RadioSet)
        pressed = radio.pressed_button
        form["city"] = (pressed.name or "") if pressed else ""
        form[rules.SESSIONS_FIELD] = self.chosen_keys()
        return form

    def on_input_changed(self, event: Input.Changed) -> None:
        """The 自主学习 days follow the 现场 and 网络 days as they are typed; so does a message under
        网络教育天数 (the sum's, 合计不得少于5天（现在为4天）, said there) as 现场教育天数 changes: it stayed
        after 2 + 3 was typed, until the next 下一步 (tester). 网络教育天数's own edit clears it (FormField)."""
        if self.prepared is None or not self.query("#days-note"):
            return
        form = {f.field_name: f.value for f in self.query_one("#fields").query(FormField)}
        p = self.service.day_plan(self.prepared)
        on_site, online = form.get(rules.ON_SITE_FIELD, ""), form.get(rules.ONLINE_FIELD, "")
        self.query_one("#days-note", Static).update(rules.self_study_note(p, on_site, online))
        if event.input.id == f"input-{rules.ON_SITE_FIELD}":
            other = self.query_one(f"#field-{rules.ONLINE_FIELD}", FormField)
            if other.said:  # recomputed for the days now typed: gone once they are right
                other.set_error(rules.split_problem(on_site, online, p, rules.ONLINE_FIELD), scroll=False)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        for note in self.query("#error-city").results(Static):
            note.update("")

    def on_choices_nothing_chosen(self, event: Choices.NothingChosen) -> None:
        label = self.prepared.fields[0].label if self.prepared is not None else ""  # 教育城市
        self.query_one("#error-city", Static).update(nothing_chosen(label))

    def on_choice_entered(self, event: ChoiceEntered) -> None:
        """Enter on the city list moves on to 现场教育天数, as in every form."""
        def move() -> None:
            if self.is_attached and self.focused is event.control:
                following = next_control(self.query_one("#fields"), event.control)
                (following or self.query_one("#next", Button)).focus()

        self.call_after_refresh(move)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id
        if bid == "back":
            self.leave()
        elif bid == "next":
            self._to_sessions()
        elif bid == "prev-form":
            self.show_step("step-form", 0)
        elif bid == "next-sessions":
            self._to_confirm()
        elif bid == "prev-sessions":
            self._show_sessions()
        elif bid == "submit":
            if self.too_soon():
                return
            self.call(apps.submit, self.env, self.service, self.account_id, self._form(), "", done=self._done,
                      failed=self._not_submitted)

    def _to_sessions(self) -> None:
        assert self.prepared is not None
        self.clear_errors()
        try:
            city, on_site, _online = self.service.first_step(self._form(), self.prepared)
        except DomainError as exc:
            self.show_error(exc)
            return
        addresses = self.prepared.context["addresses"]
        assert isinstance(addresses, dict)
        self.fill_sessions(city, on_site, addresses)
        self._show_sessions()

    def _show_sessions(self) -> None:
        """确认现场教育场次 opens with the focus on the table, where Enter chooses the row under the
        cursor (the first, or one chosen before: Enter takes it back): the Enter that opened the
        step, repeated, must not choose a session nobody looked at (SubmitGuard, as 提交满分申请)."""
        self.show_step("step-sessions", 1)
        self.query_one("#error-sessions", Static).update(self.untick_line())  # the days lowered after choosing
        self.step_opened()

    def _to_confirm(self) -> None:
        assert self.prepared is not None
        self.clear_errors()
        try:
            self.checked = apps.check(self.service, self._form(), self.prepared)
        except DomainError as exc:
            self.show_error(exc)
            return
        lines = [f"{label}：{value}" for label, value in self.checked.summary]
        self.query_one("#summary", Static).update("\n".join(lines))
        self.show_step("step-confirm", 2)
        self.step_opened()

    def focus_field(self, field: str) -> None:
        """A message about the city or the sessions is under the list or table: the focus goes there."""
        target = {"city": "#choice-city", rules.SESSIONS_FIELD: "#sessions"}.get(field)
        if target is None:
            super().focus_field(field)
            return
        control = self.query_one(target)
        control.focus(scroll_visible=False)
        if control.parent is not None:
            control.parent.scroll_visible()
        if field == rules.SESSIONS_FIELD:
            self.query_one("#error-sessions").scroll_visible()

    def _not_submitted(self, exc: DomainError) -> None:
        if isinstance(exc, StillPending):
            self._pending_meanwhile(exc, self._form())
            return
        if exc.field in ("city", rules.ON_SITE_FIELD, rules.ONLINE_FIELD):
            self.show_step("step-form", 0, focus=False)  # the field with the message takes it (show_error)
        elif exc.field == rules.SESSIONS_FIELD:
            self._show_sessions()
        self.show_error(exc)

    def unsaved(self) -> bool:
        """Something chosen or typed that differs from what the form opened with, until submitted."""
        if self.prepared is None or self._submitted or not self.query_one("#fields").display:
            return False
        if any(f.edited for f in self.query_one("#fields").query(FormField)) or self.marked:
            return True
        pressed = self.query_one("#choice-city", RadioSet).pressed_button
        return ((pressed.name or "") if pressed else "") != self.prepared.initial.get("city", "")

    def _done(self, submitted: apps.Submitted) -> None:
        self._title, self._serial = submitted.title, submitted.serial_no  # the text names them
        # while 受理中 the clerk's 办结 or 退办 shows here when it comes (DoneButtons.follow_status)
        self.show_done(submitted.serial_no, self.result_text(submitted.status, submitted.note), 3, submitted.status)

    def result_text(self, status: str, note: str) -> str:
        return (f"满分申请已提交。\n\n业务名称：{self._title}\n业务流水号：{self._serial}\n"
                f"办理状态：{status}\n说明：{sentence(note)}\n\n"
                + ("受理情况已发送到您的消息和手机短信，可在【网办进度】中查询办理进度。"
                   if status == apps.WAITING else DONE_TAIL))
