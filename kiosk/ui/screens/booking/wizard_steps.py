"""考试预约: the steps and the way back and forth between them (a notice agreed to on this terminal,
earlier or just now, is skipped both ways, shown done on the step bar and said on 选择场次; every
input is kept), and what may be booked read again on
the way back. A part of BookingWizardScreen (kiosk.ui.screens.booking.wizard), which lays the steps
out and says what each press does; the step names and ``load`` are named there too."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import ContentSwitcher

from ....domain.errors import DomainError
from ....services import booking_query as bq
from ....services import terminals
from ...focus import focus_first, focus_now
from ...focus import shown as is_shown
from ...pointer import step_shown
from ...widgets.field import FormField
from ...widgets.in_view import bring_into_view
from ...widgets.stepbar import StepBar
from .notice_step import NoticeStep
from .session_dates import SessionDates
from .session_step import SessionStep
from .subject_step import SubjectStep


NORMAL_STEPS = ["科目确认", "业务须知", "选择场次", "确认并提交"]
PRIORITY_STEPS = ["科目确认", "业务须知", "切换优先预约", "优先预约业务须知", "选择场次", "确认并提交"]
# the step bar's labels when even the names without numbers do not fit (narrower than 80 columns: at
# 80x24 the seed's names show, unnumbered; kiosk.ui.widgets.stepbar): every step still named
PRIORITY_SHORT = ["科目确认", "业务须知", "优先预约", "优先须知", "选择场次", "确认并提交"]
NORMAL_BAR = {"step-subject": 0, "step-notice": 1, "step-sessions": 2, "step-confirm": 3, "step-done": 3}
PRIORITY_BAR = {"step-subject": 0, "step-notice": 1, "step-priority-notice": 3, "step-sessions": 4,
                "step-confirm": 5, "step-done": 5}
NOTICE, PRIORITY_NOTICE = "exam_booking", "exam_priority"
AGREED_MARK = "（已同意）"  # after a notice's name on the step bar when the wizard passed it by (_passed_by)


@dataclass(frozen=True)
class Loaded:
    overview: bq.Overview
    sites: list[bq.SiteView]
    seen: frozenset[str]


def load(env, account_id: int) -> Loaded:  # type: ignore[no-untyped-def]
    seen = frozenset(k for k in (NOTICE, PRIORITY_NOTICE) if terminals.notice_seen(env, k))
    return Loaded(bq.overview(env, account_id), bq.sites(env, account_id), seen)


class BookingSteps:
    """The way between the steps of BookingWizardScreen (mixed into it: the same screen)."""

    loaded: Loaded | None
    step: str
    priority: bool
    history: list[tuple[str, bool]]
    _rereading: bool
    _code_for: tuple[int | None, bool] | None
    _first_day_read: tuple[int, date] | None = None  # the subject and day the first day was read for
    _steps_shown = 0  # each step shown counts (_show): an answer to a step no longer shown is dropped
    _reread_due = False  # a read again asked while a call ran, made when it ends (BookingWizardScreen._finish)
    subjects: SubjectStep  # BookingWizardScreen.subjects: the step 科目确认
    sessions: SessionStep  # BookingWizardScreen.sessions: the step 选择场次
    account_id: int

    # -- read again on the way back -------------------------------------------------------------
    def _reread(self) -> None:
        """Back on 科目确认 or 选择场次: what may be booked is read again. Another kiosk (or the
        counter) may have booked or cancelled meanwhile; a subject booked there is no longer offered,
        nor 切换至优先预约 for it (they were refused only at 预约)."""
        def done(loaded: Loaded) -> None:
            self._rereading = True  # until the subjects are in place (下一步 waits; while the read runs, busy)
            self.call_later(self._reread_done, loaded)

        if self.busy:  # 上一步 pressed while 下一步 (or 查询) ran: read once it is over, not dropped
            self._reread_due = True
            return
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
        self._steps_shown += 1
        unchosen = step == "step-sessions" and self._option() is None
        if unchosen:  # the subject chosen can no longer be booked (read again meanwhile): choose again
            self.history.clear()
            step, self.priority = "step-subject", False
        self.step = step
        bar = self.query_one(StepBar)
        bar.steps = PRIORITY_STEPS if self.priority else NORMAL_STEPS
        bar.short = PRIORITY_SHORT if self.priority else None
        bar.current = (PRIORITY_BAR if self.priority else NORMAL_BAR)[step]
        passed = self._passed_by(step)
        bar.marks = {i: AGREED_MARK for i in passed}
        bar.refresh()
        if step == "step-sessions":
            option = self._option()
            assert option is not None
            self.sessions.configure(option.subject, self.priority, option.priority_allowed, option.priority_note)
            self._read_first_day(option.subject)
            self.sessions.agreed_earlier([bar.steps[place] for place in sorted(passed)])
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
            # focused at once (Widget.focus waits its turn): the read again (_reread_done) that ended
            # first saw the hidden step's button focused and put 开始日期 in its place (CI, 80x24)
            focus_now(back_on, scroll_visible=False)
            self.call_after_refresh(self._center, back_on)  # laid out: in view, as focus() brings it
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

    def _read_first_day(self, subject: int) -> None:
        """The subject's first day with a bookable session, read once when 选择场次 opens for it (and
        again on another day): the default dates start there when it comes (SessionStep.use_first_day).
        Not in every 查询 (a MIN over the sessions there made it 15 times slower). A read nobody
        asked for: the step is not made busy (查询 and the read again of 上一步 go on), and a failure
        keeps the dates from tomorrow."""
        key = (subject, self.env.clock.now().date())
        if key == self._first_day_read:
            return
        self._first_day_read = key
        self.read_live(bq.first_session_day, self.env, self.account_id, subject,
                       done=lambda day: self._first_day_known(subject, day))

    def _first_day_known(self, subject: int, day) -> None:  # type: ignore[no-untyped-def]
        """The first day read: untouched dates start there. Not while a call runs: a 查询 took the dates
        as they stand (changed under it, its list would show as of other dates); after it, they are
        queried and stay."""
        if not self.is_attached:
            return
        if self.busy:
            self.set_timer(0.05, lambda: self._first_day_known(subject, day))
            return
        self.sessions.use_first_day(subject, day)

    def on_session_dates_day_changed(self, event: SessionDates.DayChanged) -> None:
        """Midnight passed with 选择场次 open: the subject's first day of the new day."""
        event.stop()
        if self.step == "step-sessions":
            self._read_first_day(self.sessions.subject)

    def _passed_by(self, step: str) -> list[int]:
        """The step bar's places of the notices before ``step`` that the wizard went on past this time,
        agreed to on this terminal before (not in ``history``): shown as done with 已同意 on the bar
        and said on 选择场次, not passed in silence (tester)."""
        places = PRIORITY_BAR if self.priority else NORMAL_BAR
        shown = {s for s, _ in self.history}
        return [places[notice] for notice, key in (("step-notice", NOTICE), ("step-priority-notice", PRIORITY_NOTICE))
                if notice in places and places[notice] < places[step] and notice not in shown and self._seen(key)]

    def _code_for_this(self) -> None:
        """A code typed for another subject or mode goes: it confirmed that booking, not this one (kept,
        with the focus in its field, Enter booked 科目三 优先预约 with the code typed for 科目二: tester).
        The same booking's code stays (back from 确认并提交, or a seat lost: 验证码仍然有效)."""
        now = (self.subjects.chosen, self.priority)
        if self._code_for not in (None, now):
            self.query_one("#field-code", FormField).value = ""
        self._code_for = now

    def _center(self, widget: Widget) -> None:
        if self.focused is widget and not self.can_view_entire(widget):
            self.scroll_to_center(widget, origin_visible=True)

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
