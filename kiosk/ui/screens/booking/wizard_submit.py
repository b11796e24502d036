"""考试预约: the calls the wizard makes on 选择场次 and 确认并提交 and what it does with their answers:
查询 (the sessions listed, the focus on what comes next), 下一步 (the request checked, then the summary
to confirm), 预约 (the booking made, or back to 选择场次 queried again when the seat went meanwhile).
A part of BookingWizardScreen (kiosk.ui.screens.booking.wizard), which holds the steps and the way
back and forth between them."""
from __future__ import annotations

from collections.abc import Callable

from textual.containers import VerticalScroll
from textual.widgets import Button, DataTable, Static

from ....domain.errors import CodeRefused, Conflict, DomainError, sentence
from ....services import booking_query as bq
from ....services import booking_submit as submit
from ....services.booking import APPLICATION_STATUS_TEXT
from ...widgets.code_button import CodeButton
from ...widgets.field import FormField
from ...widgets.keypad_box import follow_keypad
from .session_step import SessionStep
from .wizard_steps import Loaded, load


class BookingSubmission:
    """选择场次's 查询 and 下一步, and 确认并提交, of BookingWizardScreen (mixed into it: the same screen)."""

    step: str
    history: list[tuple[str, bool]]
    request: submit.BookingRequest | None
    publish_text: str
    _serial: str  # the booking made, which 查看网办进度 opens on (DoneButtons)
    sessions: SessionStep  # BookingWizardScreen.sessions: the step 选择场次
    account_id: int
    _forward: Callable[[str], None]  # BookingWizardScreen._forward: on to a step
    _back: Callable[..., None]  # BookingWizardScreen._back: to the step shown before
    _show: Callable[[str], None]  # BookingWizardScreen._show: a step shown
    _steps_shown: int  # BookingSteps: counts the steps shown

    def _query(self, then_error: DomainError | None = None) -> None:
        """查询; ``then_error``: the submission refused for the sessions, queried again with its dates
        still allowed (the day may have changed since 下一步: SessionDates.move_past), and why said.
        Pressed, 查询 queries only on 选择场次 (BookingWizardScreen.on_button_pressed): a press of it
        while its step was hidden (Button.press minds the button's own display, not its step's), with
        科目确认 shown or still being read, sent subject 0, which query_sessions failed with KeyError: 0
        (系统繁忙, seen once under heavy load)."""
        self.clear_errors()  # checked again: a message about the last 查询 or 下一步 goes, whatever is refused now
        moved = self.sessions.move_past() if then_error is not None else ""

        def refused(exc: DomainError) -> None:
            if then_error is None or exc.field is not None:
                self._refused(exc)  # next to the date it is about
            else:
                self.sessions.forget_result()  # 系统繁忙: said with why 预约 was refused
            if then_error is not None:  # why 预约 was refused is said all the same
                self.sessions.show_alert(then_error.message, moved, refused=exc)

        try:
            args = self.sessions.query_args()
        except DomainError as exc:
            refused(exc)
            return

        def done(result: bq.SessionQuery) -> None:
            self.sessions.show_result(result, args, explained=then_error is not None)
            if then_error is not None:
                self.sessions.show_alert(then_error.message, moved)
                self.call_after_refresh(self._choose_again)
            elif result.rows:  # on to choosing them, or 下一步 (服从系统安排); none found: the focus stays
                self.call_after_refresh(self._found)
            else:
                self.call_after_refresh(self.sessions.none_in_view)

        self.call(bq.query_sessions, self.env, self.account_id, *args, done=done, failed=refused)

    def _choose_again(self) -> None:
        """The seat went to someone else: the focus where the citizen acts next, on the sessions just
        listed again (or, when none is left, on the first date, to search other days); the page is
        not scrolled to it, so the alert above the table stays in view. It stayed on 预约 before."""
        if not self.is_attached or self.step != "step-sessions":
            return
        table = self.sessions.query_one("#sessions", DataTable)
        target = table if table.row_count and table.can_focus else self.sessions.query_one("#input-date_from")
        target.focus(scroll_visible=False)

    def _found(self) -> None:
        """查询 found sessions: the focus where the citizen acts next (SessionStep.after_mode), as
        Enter on 预约模式 moves it; it stayed on 查询, or in 结束日期 after Enter there."""
        if self.is_attached and self.step == "step-sessions":
            self.sessions.focus_found(self.query_one(VerticalScroll))

    def _refused(self, exc: DomainError) -> None:
        """A 查询 refused (a date that does not parse, a reversed range): the last result goes with its
        ranking, so nothing listed for other dates stays on screen to be chosen."""
        self.sessions.forget_result()
        self.show_error(exc)

    def _check(self) -> None:
        self.clear_errors()
        try:
            request = self.sessions.request()
        except DomainError as exc:
            self._check_refused(exc)
            return
        asked = self._steps_shown

        def still_here(then: Callable) -> Callable:  # type: ignore[type-arg]
            """``then``, unless another step was shown meanwhile (上一步 pressed while the check ran: the
            citizen is on the step asked for, which its answer must not leave, nor 确认并提交 come
            over it with the history out of order); 下一步 checks again."""
            return lambda result: then(result) if self._steps_shown == asked else None

        self.call(submit.check, self.env, self.account_id, request,
                  done=still_here(lambda c: self._confirm(request, c)), failed=still_here(self._check_refused))

    def _check_refused(self, exc: DomainError) -> None:
        """下一步 refused: in view on the step, next to what it is about (SessionStep.refuse), or under
        the date it concerns. Sessions that stopped taking bookings since 查询 (the day changed, the
        last priority seat went): queried again at once, as after 预约 (``_query``), so the list is
        not left with the rows that were refused and the dates move past a day no longer allowed."""
        if isinstance(exc, submit.SessionsGone):
            self.sessions.unmark(exc.changed)
            self._query(then_error=exc)
            return
        if not self.sessions.refuse(exc):
            self.show_error(exc)

    def show_error(self, exc: DomainError) -> None:
        """On 选择场次, a message for no field (系统繁忙 after 下一步 or 查询, say) is said above the
        table, in view: the wizard's own line is under the step's buttons, below the screen's edge."""
        if self.step == "step-sessions" and exc.field is None and self.sessions.refuse(exc):
            return
        super().show_error(exc)

    def _confirm(self, request: submit.BookingRequest, checked: submit.Checked) -> None:
        self.request, self.publish_text = request, checked.publish_text
        self.query_one("#summary", Static).update("\n".join(f"{k}：{v}" for k, v in checked.summary))
        # 点击【发送验证码】, or 【重新发送】 once a code was sent on this visit to the wizard (or is gone)
        self.query_one("#send-code", CodeButton).say_hint(f"您绑定的手机 {checked.phone_masked}", "点击【预约】")
        self._can_book(True)
        self._forward("step-confirm")

    def _can_book(self, can: bool) -> None:
        """The code and 预约 on 确认并提交: shown again for each request checked at 下一步."""
        for part in ("#code-hint", "#send-code", "#code-sent", "#field-code", "#submit"):
            self.query_one(part).display = can
        follow_keypad(self)  # no code to type: no number pad

    def _code_sent(self, sent) -> None:  # type: ignore[no-untyped-def]
        self.query_one("#send-code", CodeButton).code_sent(sent)

    def _submit_failed(self, exc: DomainError) -> None:
        """预约 refused: a wrong or expired code is said on the step (another, or a new one, may do).
        Else what may be booked is read again first (``_after_refusal``)."""
        if isinstance(exc, CodeRefused):
            self.show_error(exc)
            return
        self.call(load, self.env, self.account_id, done=lambda loaded: self.call_later(self._after_refusal, exc, loaded),
                  failed=lambda _: self._refused_as_is(exc))

    async def _after_refusal(self, exc: DomainError, loaded: Loaded) -> None:
        """The subject (or its priority booking) no longer bookable (another kiosk booked it first, it
        is no longer allowed): back on 科目确认, the subjects read again, why said under them, nothing
        queried (选择场次 was queried again for the old subject, why said there, hidden). Else as the
        refusal says (``_refused_as_is``)."""
        if not self.is_attached or self.step != "step-confirm":
            return
        assert self.loaded is not None
        subject = self.request.subject if self.request is not None else self.subjects.chosen
        option = next((o for o in loaded.overview.subjects if o.subject == subject), None)
        if option is not None and option.allowed and (option.priority_allowed or not self.priority):
            self._refused_as_is(exc)
            return
        what = "优先预约" if self.priority and option is not None and option.allowed else "预约"
        title = option.title if option is not None else "所选科目"
        await self._to_subjects(loaded, f"{title}已不能{what}：{sentence(exc.message)}本次预约未成功。")

    async def _to_subjects(self, loaded: Loaded, why: str) -> None:
        """科目确认 with the subjects of ``loaded`` and ``why`` under them; no step to go back to."""
        assert self.loaded is not None
        self.loaded = Loaded(loaded.overview, self.loaded.sites, self.loaded.seen | loaded.seen)
        self.request = None
        self.history.clear()
        self.priority = False
        await self.subjects.show(loaded.overview, self.subjects.chosen)
        self._show("step-subject")
        self.subjects.say(why)

    def _refused_as_is(self, exc: DomainError) -> None:
        """The sessions no longer take the booking (the seat went to someone else, the plan closed
        on its publication day, a counter changed its time or site): back to 选择场次, queried again,
        to pick others. The code typed stays in its field only when it serves for the next try (the
        message says so). Another refusal: ``_cannot_book``."""
        if not isinstance(exc, Conflict):
            self._cannot_book(exc)
            return
        if not (isinstance(exc, submit.SessionsGone) and exc.code_valid):
            self.query_one("#field-code", FormField).value = ""
        if isinstance(exc, submit.SessionsGone):
            self.sessions.unmark(exc.changed)
        self._back(reread=False)  # to 选择场次: 下一步's check, the only way to 确认并提交, came from there
        if self.step == "step-sessions":
            self._query(then_error=exc)

    def _cannot_book(self, exc: DomainError) -> None:
        """预约 refused for a reason another try does not change, the subject still bookable (the chosen
        day taken by another exam meanwhile; a subject no longer bookable goes to 科目确认: _after_refusal):
        said in bold at the top of the step, in view, and the code and 预约
        go, so nothing invites pressing it again; the focus on 上一步, which reads again what may be
        booked (选择场次, or 科目确认 saying why the subject no longer can). It was said under
        上一步/预约, easily missed, with 预约 still offered (tester)."""
        self.request = None  # Enter in the code field (hidden now) books nothing
        self.query_one("#confirm-alert", Static).update(f"{sentence(exc.message)}本次预约未成功，请点击【上一步】返回。")
        self._can_book(False)
        self.query_one("#prev-confirm", Button).focus(scroll_visible=False)
        self.query_one(VerticalScroll).scroll_home(animate=False, immediate=True)

    def _done(self, done: submit.BookingDone) -> None:
        self._serial = done.serial_no
        status = APPLICATION_STATUS_TEXT.get(done.status, done.status)  # 预约成功（未缴费）, as on every other screen
        lines = [f"{done.title}提交成功。", "", f"业务流水号：{done.serial_no}", f"办理状态：{status}"]
        lines += [f"{k}：{v}" for k, v in done.summary]
        lines += ["", done.note + "。"]
        if done.status == submit.STATUS_PENDING:  # the note already says where the result will be told
            if self.publish_text:
                lines.append(f"预约结果将于{self.publish_text}公布。")
        else:
            lines.append("可在【网办进度】中查询办理情况。")
        self.query_one("#result", Static).update("\n".join(lines))
        self.history.clear()
        self._show("step-done")
