"""考试预约 (seeds 000, 001): 科目确认 > 业务须知 > 选择场次 > 确认并提交, and the priority
variant 科目确认 > 业务须知 > 切换优先预约 > 优先预约业务须知 > 选择场次 > 确认并提交.

Back returns to the step shown before (a notice agreed to on this terminal, earlier or just now,
is skipped both ways); every input is kept. The screen only calls services in thread workers. This
module lays the steps out and says what each press does; the way between the steps (and the step
names) is in wizard_steps, 查询, 下一步 and 预约 (the calls and their answers) are in wizard_submit.
"""
from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, ContentSwitcher

from ....domain.errors import DomainError
from ....services import booking_query as bq
from ....services import booking_submit as submit
from ...focus import main_control
from ...citizen_screen import CitizenScreen
from ...key_order import keys_ready
from ...submit_guard import SubmitGuard
from ...widgets.choice import ChoiceEntered
from ...widgets.code_step import code_widgets
from ...widgets.done_step import DoneButtons, DoneStep
from ...widgets.field import FormField
from ...widgets.header import KioskHeader
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
# The step names are named here too (tests: wizard.NORMAL_STEPS, PRIORITY_SHORT, PRIORITY_STEPS)
from .wizard_steps import (NORMAL_STEPS, NOTICE, PRIORITY_NOTICE, PRIORITY_SHORT, PRIORITY_STEPS, BookingSteps, Loaded,
                           load)

__all__ = ["NORMAL_STEPS", "PRIORITY_SHORT", "PRIORITY_STEPS", "BookingWizardScreen", "Loaded", "load"]


class BookingWizardScreen(DoneButtons, BookingSubmission, BookingSteps, SubmitGuard, CitizenScreen):
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
        # While the subjects are read, the line that says so alone (``-reading``: no step bar, no buttons
        # till ``_reading_done``): 返回 and the bar were drawn under 正在读取您的考试信息 (tester).
        bar = StepBar(NORMAL_STEPS, id="steps").add_class("-reading")
        bar.display = False
        yield bar
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
        self._reading_done()  # why, with 返回

    def _failed_unexpectedly(self) -> None:
        if self.loaded is None:  # the first read failed: 返回 shows, under the general error
            self._reading_done()
        super()._failed_unexpectedly()

    def _finish(self, then: Callable[[], None]) -> None:
        """A call ended: a read again that 上一步 asked for meanwhile is made now (``_reread``)."""
        super()._finish(then)
        if self._reread_due and not self.busy and self.is_attached:
            self._reread_due = False
            self._reread()

    def _reading_done(self) -> None:
        """The step bar and the buttons, hidden while the subjects were read, show (at once: the
        focus goes to the subjects, or to 返回 when none can be booked, right after)."""
        for part in self.query(".-reading"):
            part.remove_class("-reading")
            part.display = True

    def _loaded(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.sessions.set_sites(loaded.sites)
        self.call_later(self._first_shown, loaded.overview)

    async def _first_shown(self, ov: bq.Overview) -> None:
        await self.subjects.show(ov, None)
        self._reading_done()  # with the subjects, in the same frame
        first = main_control(self.subjects)  # the subjects, or 返回 when none can be booked
        if first is not None:  # at once: focus_first waited for a refresh, after the keys replayed below
            self.set_focus(first, scroll_visible=False)
        keys_ready(self)  # what was typed meanwhile goes to them, in order

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
        row sat under that line until the cursor moved (a resize with an SMS shown, tester).
        A focused button the shorter page cuts is brought back whole: 查询 under 服从系统安排 at
        100x30 scrolled to 下一步, then the line came and hid its bottom edge (tester). One the
        citizen scrolled wholly away stays away."""
        if event.grown:
            return
        if self.query_one(f"#{self.step}") is self.sessions:
            self.call_after_refresh(self.sessions.refit, event.page)
        focused = self.focused
        if isinstance(focused, Button) and event.page in focused.ancestors:
            self.call_after_refresh(self._button_whole, event.page, focused)

    @staticmethod
    def _button_whole(page: Page, button: Button) -> None:
        view, shown = page.scrollable_content_region, button.region  # shown: empty when none of it is on the screen
        if button.is_attached and button.has_focus and shown.height and not view.contains_region(shown):
            button.scroll_visible(animate=False, immediate=True)

    def unsaved(self) -> bool:
        """Sessions chosen (in either mode) or a code typed, and no application made yet: leaving
        from 科目确认 would drop them, so ``leave`` asks first (a subject chosen alone does not count)."""
        if self.step == "step-done":
            return False
        sessions = self.sessions
        return (bool(sessions.marked) or any(k.marked for k in sessions.kept.values())
                or bool(self.query_one("#field-code", FormField).value))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id or ""
        if (self.busy or self._rereading) and bid in ("next-subject", "to-priority", "next-sessions"):
            return  # what they go on with is being read again (a moment)
        if self.busy and bid == "prev-confirm":  # 预约 (or the read after its refusal) runs: its outcome is
            self._show_wait()  # said on this step; 正在办理，请稍候。 at once, the step and focus as they are
            return
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
        elif bid == "query" and self.step == "step-sessions":  # not from a step hidden (see _query)
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
