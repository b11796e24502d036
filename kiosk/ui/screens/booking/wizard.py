"""考试预约 (seeds 000, 001): 科目确认 > 业务须知 > 选择场次 > 确认并提交, and the priority
variant 科目确认 > 业务须知 > 切换优先预约 > 优先预约业务须知 > 选择场次 > 确认并提交.

Back returns to the step shown before (a notice agreed to on this terminal, earlier or just now,
is skipped both ways); every input is kept. The screen only calls services in thread workers. This
module holds the steps and the way between them; 查询, 下一步 and 预约 (the calls and their answers)
are in wizard_submit.
"""
from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, ContentSwitcher

from ....domain.errors import DomainError
from ....services import booking_query as bq
from ....services import booking_submit as submit
from ....services import terminals
from ...base import focus_first
from ...focus import shown as is_shown
from ...pointer import step_shown
from ...citizen_screen import CitizenScreen
from ...key_order import keys_ready
from ...submit_guard import SubmitGuard
from ...widgets.choice import ChoiceEntered
from ...widgets.code_step import code_widgets
from ...widgets.done_step import DoneButtons, DoneStep
from ...widgets.field import FormField
from ...widgets.header import KioskHeader
from ...widgets.in_view import bring_into_view
from ...widgets.keypad_box import KeypadBox
from ...widgets.plain import ErrorLine, Plain
from ...widgets.stepbar import StepBar
from ...widgets.page import Page
from ...widgets.page_column import PageColumn
from ...widgets.more_below import MoreBelow
from .notice_step import NoticeStep
from .session_step import SessionStep
from .subject_step import SubjectStep
from .wizard_submit import BookingSubmission

NORMAL_STEPS = ["科目确认", "业务须知", "选择场次", "确认并提交"]
PRIORITY_STEPS = ["科目确认", "业务须知", "切换优先预约", "优先预约业务须知", "选择场次", "确认并提交"]
# the step bar's labels when even the names without numbers do not fit (narrower than 80 columns: at
# 80x24 the seed's names show, unnumbered; kiosk.ui.widgets.stepbar): every step still named
PRIORITY_SHORT = ["科目确认", "业务须知", "优先预约", "优先须知", "选择场次", "确认并提交"]
NORMAL_BAR = {"step-subject": 0, "step-notice": 1, "step-sessions": 2, "step-confirm": 3, "step-done": 3}
PRIORITY_BAR = {"step-subject": 0, "step-notice": 1, "step-priority-notice": 3, "step-sessions": 4,
                "step-confirm": 5, "step-done": 5}
NOTICE, PRIORITY_NOTICE = "exam_booking", "exam_priority"


@dataclass(frozen=True)
class Loaded:
    overview: bq.Overview
    sites: list[bq.SiteView]
    seen: frozenset[str]


def load(env, account_id: int) -> Loaded:  # type: ignore[no-untyped-def]
    seen = frozenset(k for k in (NOTICE, PRIORITY_NOTICE) if terminals.notice_seen(env, k))
    return Loaded(bq.overview(env, account_id), bq.sites(env, account_id), seen)


class BookingWizardScreen(DoneButtons, BookingSubmission, SubmitGuard, CitizenScreen):
    """The steps and the way between them; on the done step, 查看网办进度 and 返回业务中心 do what
    DoneButtons says (the step itself is shown by ``_show``, as every step)."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: Loaded | None = None
        self.step, self.priority = "step-subject", False
        self.history: list[tuple[str, bool]] = []
        self.request: submit.BookingRequest | None = None
        self.publish_text = ""  # of the request on step 确认并提交: its result-publication day(s)
        self._rereading = False  # the subjects are being read again (back on 科目确认 or 选择场次)
        self._serial = ""  # the application made, which 查看网办进度 opens on (DoneButtons)
        self._code_for: tuple[int | None, bool] | None = None  # the (subject, priority) 确认并提交 was last shown for
        self.typed_ahead: list | None = []  # keys typed before the subjects are there (kiosk.ui.key_order)

    def compose(self) -> ComposeResult:
        yield KioskHeader("考试预约")
        # The step bar over the page and the number pad, outside the page (it stays on screen while the
        # page scrolls): as wide on 确认并提交, where the pad is shown, as on every other step. Beside
        # the pad it lost its numbers there (120x40: 科目确认 > 业务须知 > 切换优先预约 > ...; 100x30:
        # 1 > 2 > 3 > 4 > 5 > 6.确认并提交) while the other steps read 1.科目确认 > ... > 6.确认并提交.
        yield StepBar(NORMAL_STEPS, id="steps")
        with Horizontal(classes="with-keypad"):  # the number pad beside the page, for the code
            with PageColumn():
                with Page(classes="form wide"):
                    with ContentSwitcher(initial="step-subject"):
                        yield SubjectStep(id="step-subject")
                        yield NoticeStep(NOTICE, "notice-text", "prev-notice", "agree", id="step-notice")
                        yield NoticeStep(PRIORITY_NOTICE, "priority-notice-text", "prev-priority-notice", "agree-priority",
                                         id="step-priority-notice")
                        yield SessionStep(self.env.clock, id="step-sessions")
                        with Vertical(id="step-confirm"):
                            yield ErrorLine(id="confirm-alert", classes="field-error")  # 预约 refused for good
                            yield Plain("请再次确认以下预约信息：", classes="hint")
                            yield Plain("", id="summary")
                            yield from code_widgets("submit")
                            with Horizontal(classes="buttons"):
                                yield Button("上一步", id="prev-confirm")
                                yield Button("预约", id="submit", variant="primary")
                        yield DoneStep(id="step-done")
                    yield ErrorLine(classes="screen-error")
                yield MoreBelow()  # 下方还有内容 while more of the step is below the page's edge
            yield KeypadBox()

    @property
    def subjects(self) -> SubjectStep:
        return self.query_one(SubjectStep)

    @property
    def sessions(self) -> SessionStep:
        return self.query_one(SessionStep)

    def on_mount(self) -> None:
        self.call(load, self.env, self.account_id, done=self._loaded, failed=self._load_failed)

    def _load_failed(self, exc: DomainError) -> None:
        keys_ready(self, replay=False)  # nothing to type into: what was typed meanwhile is dropped
        self.subjects.failed(exc.message)

    def _loaded(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.sessions.set_sites(loaded.sites)
        self.call_later(self._first_shown, loaded.overview)

    async def _first_shown(self, ov: bq.Overview) -> None:
        await self.subjects.show(ov, None)
        focus_first(self.subjects)  # the subjects, or 返回 when none can be booked
        keys_ready(self)  # what was typed meanwhile goes to them, in order

    # -- read again on the way back -------------------------------------------------------------
    def _reread(self) -> None:
        """Back on 科目确认 or 选择场次: what may be booked is read again. Another kiosk (or the
        counter) may have booked or cancelled meanwhile; a subject booked there is no longer offered,
        nor 切换至优先预约 for it (they were refused only at 预约)."""
        def done(loaded: Loaded) -> None:
            self._rereading = True  # until the subjects are in place (下一步 waits; while the read runs, busy)
            self.call_later(self._reread_done, loaded)

        self.call(load, self.env, self.account_id, done=done)

    async def _reread_done(self, loaded: Loaded) -> None:
        assert self.loaded is not None
        subject = self.sessions.subject if self.step == "step-sessions" else self.subjects.chosen
        self.loaded = Loaded(loaded.overview, self.loaded.sites, self.loaded.seen | loaded.seen)
        ov = loaded.overview
        await self.subjects.show(ov, subject)
        self._rereading = False
        option = next((o for o in ov.subjects if o.subject == subject), None)
        gone = option is not None and (not option.allowed or (self.priority and not option.priority_allowed))
        what = "优先预约" if self.priority and option is not None and option.allowed else "预约"
        if self.step == "step-sessions":
            if option is not None and not gone:  # still bookable: 切换至优先预约 as it stands now
                self.sessions.configure(option.subject, self.priority, option.priority_allowed, option.priority_note)
                if self.focused is not None and not is_shown(self.focused):  # on 切换至优先预约, no longer offered
                    focus_first(self.sessions)
                return
            self.history.clear()  # that subject (or its priority booking) went meanwhile: choose again
            self.priority = False
            self._show("step-subject")
        elif self.step == "step-subject":
            focus_first(self.subjects)  # the new list (or 返回)
        else:  # gone on meanwhile (上一步 again): that step shows the new list when it gets there
            return
        if gone and option is not None:
            self.show_error(DomainError(f"{option.title}已不能{what}：{option.reason or option.priority_reason}"))

    # -- navigation --------------------------------------------------------------------------
    def _show(self, step: str, opener: str | None = None) -> None:
        """Show ``step``, the focus on its main control; ``opener``: the id of the control on it that
        opened the step left (back on 选择场次 from 优先预约: 切换至优先预约), which takes the focus
        again, as a dialog's opener does when it closes (tester: it went to 开始日期)."""
        self.clear_errors()
        unchosen = step == "step-sessions" and self._option() is None
        if unchosen:  # the subject chosen can no longer be booked (read again meanwhile): choose again
            self.history.clear()
            step, self.priority = "step-subject", False
        self.step = step
        bar = self.query_one(StepBar)
        bar.steps = PRIORITY_STEPS if self.priority else NORMAL_STEPS
        bar.short = PRIORITY_SHORT if self.priority else None
        bar.current = (PRIORITY_BAR if self.priority else NORMAL_BAR)[step]
        bar.refresh()
        if step == "step-sessions":
            option = self._option()
            assert option is not None
            self.sessions.configure(option.subject, self.priority, option.priority_allowed, option.priority_note)
        if step in ("step-confirm", "step-done"):
            self.step_opened()  # 预约 (and then the result's buttons) ignore a press for a moment (SubmitGuard)
        if step == "step-confirm":
            self._code_for_this()
        self.query_one(ContentSwitcher).current = step
        shown = self.query_one(f"#{step}")
        step_shown(shown)  # a double-tap's second tap is dropped: 阅读并同意 twice pressed 下一步 (tester)
        # at once: deferred (Textual's default), it came after the focus below had scrolled to what it focused
        self.query_one(VerticalScroll).scroll_home(animate=False, immediate=True)
        back_on = self.query_one(f"#{opener}") if opener else None
        if back_on is not None and is_shown(back_on):  # still offered (read again: configure above)
            self.call_after_refresh(back_on.focus)
        elif isinstance(shown, NoticeStep):  # once laid out: the box fitted, then the focus
            self.call_after_refresh(shown.fit, self.query_one(VerticalScroll), True)
        elif step == "step-confirm" and self.query_one("#field-code", FormField).value:
            focus_first(self.query_one("#field-code"))  # a code kept (still valid): Enter books, no new code
            # in view with 上一步/预约 under it: at the page's top they were under the SMS shown (100x32)
            self.call_after_refresh(lambda: bring_into_view(self.query_one("#field-code")))
        elif step == "step-sessions" and self.sessions.queried is not None and self.sessions.rows:
            # back from 确认并提交 (or the other mode): the sessions listed and chosen, with 下一步 under
            # them; on 开始日期 at the top they were out of view, 7 Tabs away (tester)
            self.sessions.focus_found(self.query_one(VerticalScroll))
        else:
            focus_first(shown)
        if unchosen:
            self.subjects.ask()

    def _code_for_this(self) -> None:
        """A code typed for another subject or mode goes: it confirmed that booking, not this one (kept,
        with the focus in its field, Enter booked 科目三 优先预约 with the code typed for 科目二: tester).
        The same booking's code stays (back from 确认并提交, or a seat lost: 验证码仍然有效)."""
        now = (self.subjects.chosen, self.priority)
        if self._code_for not in (None, now):
            self.query_one("#field-code", FormField).value = ""
        self._code_for = now

    def on_choice_entered(self, event: ChoiceEntered) -> None:
        """Enter on the subject list with a subject chosen: the wizard goes on, as with 下一步 (the
        step's only other control). Enter on 预约模式: see SessionStep.on_choice_entered."""
        if event.control.id == "subject":
            self.call_after_refresh(self._subject_entered)

    def _subject_entered(self) -> None:
        if self.is_attached and self.step == "step-subject":
            self.query_one("#next-subject", Button).press()

    def on_resize(self, event: events.Resize) -> None:
        """A notice's box follows the terminal's size (the buttons stay in view), measured as it
        stands (``whole``): not let out to its whole height first, which would lose the place read to.
        So does the sessions table (SessionStep.refit), with its cursor in view when it has the focus."""
        shown = self.query_one(f"#{self.step}")
        if isinstance(shown, NoticeStep):
            self.call_after_refresh(shown.fit, self.query_one(VerticalScroll), False, 10, True)
        elif shown is self.sessions:
            self.call_after_refresh(self.sessions.refit, self.query_one(VerticalScroll))

    def on_page_resized(self, event: Page.Resized) -> None:
        """The page got shorter after the table was fitted to it (the 下方还有内容 line shown under it
        once the page was scrolled, the phone bar grown at the new width): fitted again, or its last
        row sat under that line until the cursor moved (a resize with an SMS shown, tester)."""
        if not event.grown and self.query_one(f"#{self.step}") is self.sessions:
            self.call_after_refresh(self.sessions.refit, event.page)

    def _forward(self, step: str, priority: bool | None = None) -> None:
        self.history.append((self.step, self.priority))
        if priority is not None:
            self.priority = priority
        self._show(step)

    def _back(self, reread: bool = True) -> None:
        """To the step shown before; on 科目确认 and 选择场次, what may be booked is read again
        (``reread``: not when the sessions are queried again at once, after a seat was lost)."""
        if not self.history:
            self.leave()  # asks first when sessions were chosen or a code typed
            return
        left_priority = self.priority
        self.step, self.priority = self.history.pop()
        while self.history and self._agreed_notice(self.step):
            self.step, self.priority = self.history.pop()
        # 切换至优先预约 opened the priority steps: back from them, it has the focus again
        opened_by = "to-priority" if left_priority and not self.priority and self.step == "step-sessions" else None
        self._show(self.step, opened_by)
        if reread and self.step in ("step-subject", "step-sessions") and self.loaded is not None:
            self._reread()

    def unsaved(self) -> bool:
        """Sessions chosen (in either mode) or a code typed, and no application made yet: leaving
        from 科目确认 would drop them, so ``leave`` asks first (a subject chosen alone does not count)."""
        if self.step == "step-done":
            return False
        sessions = self.sessions
        return (bool(sessions.marked) or any(k.marked for k in sessions.kept.values())
                or bool(self.query_one("#field-code", FormField).value))

    def _option(self) -> bq.SubjectOption | None:
        """The subject chosen on 科目确认 (None: none yet)."""
        assert self.loaded is not None
        chosen = self.subjects.chosen
        return next((o for o in self.loaded.overview.subjects if o.subject == chosen), None)

    def _agreed_notice(self, step: str) -> bool:
        """``step`` is a notice agreed to on this terminal: 下一步 goes past it, and so does 上一步, so
        the steps are the same both ways (shown on the way back, the Enter meant for its 阅读并同意
        then went on past it, to the session under the cursor, and took it off: tester)."""
        return ((step == "step-notice" and self._seen(NOTICE))
                or (step == "step-priority-notice" and self._seen(PRIORITY_NOTICE)))

    def _seen(self, key: str) -> bool:
        return self.loaded is not None and key in self.loaded.seen

    def _agreed(self, key: str) -> None:
        assert self.loaded is not None
        self.loaded = Loaded(self.loaded.overview, self.loaded.sites, self.loaded.seen | {key})
        self.call(terminals.mark_notice_seen, self.env, key, done=lambda _: None)
        self._forward("step-sessions", priority=True if key == PRIORITY_NOTICE else None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id or ""
        if (self.busy or self._rereading) and bid in ("next-subject", "to-priority", "next-sessions"):
            return  # what they go on with is being read again (a moment)
        if bid in ("back", "prev-notice", "prev-priority-notice", "prev-sessions", "prev-confirm"):
            self._back()
        elif bid == "next-subject":
            if self._option() is None:
                self.subjects.ask()
            else:
                self._forward("step-sessions" if self._seen(NOTICE) else "step-notice")
        elif bid == "agree":
            self._agreed(NOTICE)
        elif bid == "agree-priority":
            self._agreed(PRIORITY_NOTICE)
        elif bid == "to-priority":
            if self._seen(PRIORITY_NOTICE):
                self._forward("step-sessions", priority=True)
            else:
                self._forward("step-priority-notice", priority=True)
        elif bid == "query":
            self._query()
        elif bid == "next-sessions":
            self._check()
        elif bid == "send-code":
            self.call(submit.send_code, self.env, self.account_id, done=self._code_sent)
        elif bid == "submit" and self.request is not None:
            if self.too_soon():  # the Enter that opened the step (a code kept: on its field), repeated
                return
            code = self.query_one("#field-code", FormField).value
            self.call(submit.submit, self.env, self.account_id, self.request, code, done=self._done,
                      failed=self._submit_failed)
