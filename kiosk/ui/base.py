"""What every kiosk screen shares: running a service call in a thread worker and showing its
error next to the field it concerns. Screens never hold a database session. What a screen
focuses first is in kiosk.ui.focus; how a service call runs (``call``, ``read_live``, the wait
bar) is kiosk.ui.calls, whose GENERIC_ERROR, WAIT_TEXT, WAIT_AFTER and LIVE_SECONDS are named
here too."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding
from textual.css.query import QueryType
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, Static

from ..domain.errors import CodeRefused, CodeStillValid, DomainError, FieldErrors, WrongValue
from ..services.codes import NOT_SIX
from .calls import GENERIC_ERROR, LIVE_SECONDS, WAIT_AFTER, WAIT_TEXT, ServiceCalls
from .dialogs.confirm import ConfirmDialog
from .focus import focus_first, main_control, shown
from .pointer import step_shown
from .widgets.button_row import ButtonRowKeys
from .widgets.code_button import as_seen_here, code_refused, code_still_valid
from .widgets.field import FormField
from .widgets.page import Page
from .widgets.stepbar import StepBar

if TYPE_CHECKING:
    from .app import KioskApp

LEAVE_QUESTION = "填写的内容尚未保存，返回后不会保留。\n\n确定放弃并返回吗？"
CLEAR_QUESTION = "填写的内容尚未保存，清空后不会保留。\n\n确定放弃并清空表单吗？"
# The call's constants are named here too (screens and tests: kiosk.ui.base.GENERIC_ERROR); pyflakes
# counts this a use
__all__ = ["CLEAR_QUESTION", "GENERIC_ERROR", "LEAVE_QUESTION", "LIVE_SECONDS", "WAIT_AFTER", "WAIT_TEXT", "KioskScreen",
           "focus_first", "main_control"]


class KioskScreen(ServiceCalls, ButtonRowKeys):
    # Not Textual's auto focus (the first match top to bottom, hidden or empty or not): the screen
    # opens on its main control (``focus_main``).
    AUTO_FOCUS = ""
    MAIN_CONTROL = ""  # a selector for the main control when FOCUS_ORDER would not find it
    # The page stays at its top when the main control takes the focus (focus_main, the opening
    # focus), for a list whose notice above must stay in view; else the control is scrolled to.
    MAIN_KEEPS_TOP = False
    _main_focus: Widget | None = None  # what focus_main last chose
    _opening = False  # on_screen_resume's opening focus is still to come (see _focus_opening)
    # Escape presses the screen's own way back, as a click on it would (the same handler: a form
    # with something typed asks first, a wizard goes back one step and keeps what was filled in).
    # At the counter that is the 返回 button (#back). On a citizen's screen it is the first button
    # shown and enabled whose caption is one of BACK_LABELS, in that order: 暂不办理 of a question
    # asked in the page, else the step's 上一步, else 返回 / 返回业务中心. The start screen and the
    # 业务中心 have none: Escape does nothing there (退出登录 is not a way back).
    BINDINGS = [Binding("escape", "back", show=False)]
    BACK_LABELS = ("暂不办理", "上一步", "返回", "返回业务中心")
    # Fields of a form whose typed, unsaved content leaving the screen would drop: ``leave`` asks first.
    DRAFT_FIELDS: tuple[str, ...] = ()

    def draft_fields(self) -> list[FormField]:
        return [f for f in self.query(FormField) if f.field_name in self.DRAFT_FIELDS]

    def unsaved(self) -> bool:
        """Whether leaving now would drop something typed and not yet saved: by default a draft
        field on view that was edited (a screen with other inputs says what counts itself)."""
        return any(f.edited for f in self.draft_fields() if shown(f))

    def leave(self, go: Callable[[], object] | None = None, question: str = LEAVE_QUESTION,
              yes: str = "放弃并返回", no: str = "继续填写") -> None:
        """Leave the screen (返回, or Escape: ``dismiss``, which closes this screen only), or drop
        the form some other way with ``go()`` (``question`` and ``yes`` then say which, ``no`` the
        answer that stays). When something typed is not yet saved (``unsaved``), ask first; the safe
        answer keeps the form. Not while a service call runs (a CSV import, an allocation): the
        screen says it is working and stays, so the call's result (a per-line report, say) is not
        lost. A press queued behind the one that closed the screen or asked (a burst of Escape)
        finds it no longer on top and is ignored: one question, never a screen under it closed."""
        if not self.is_active:
            return
        go = go or self.dismiss
        if self.busy:
            self._show_wait()
            return
        if not self.unsaved():
            go()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                go()

        self.app.push_screen(ConfirmDialog(question, yes, no), callback=answered)

    def on_screen_resume(self) -> None:
        """Opened, or back on top: the focus on the main control when nothing has it (a screen
        that focuses something itself on mount keeps that), once the screen is laid out."""
        self._opening = True
        self.call_after_refresh(self._focus_opening)

    def _focus_opening(self) -> bool:
        """The opening focus of ``on_screen_resume``, at once if a key comes first (``on_key``,
        ``focus_next``): a quick hand or a slow machine sends keys as soon as the screen shows,
        before the refresh. Such a key then acts from the main control, where it would be a moment
        later: Enter presses it, typing goes into it, Tab moves on from it. Textual alone would
        drop Enter and typing on the screen and start Tab or Shift+Tab from the first control
        (CI: Shift+Tab as the 业务中心 appeared focused 驾驶证补换领, and Enter opened it, where
        Shift+Tab reaches 退出登录). Only while opening: a focus lost later (its widget hidden) is
        not moved to the main control by a key, where Enter would press something not shown as
        focused. Whether the focus was set here."""
        opening, self._opening = self._opening, False
        if not (opening and self.is_attached and self.focused is None):
            return False
        target = self._main_target()
        if target is None:
            return False
        self._main_focus = target
        self.set_focus(target, scroll_visible=not self.MAIN_KEEPS_TOP)
        return True

    def on_key(self, event: events.Key) -> None:
        if self._focus_opening():  # the key came to the screen: nothing had the focus (see there)
            event.stop()
            event.prevent_default()
            key = events.Key(event.key, event.character)
            key.set_sender(self.app)  # as the terminal's keys are: it bubbles from the focus up to the App's bindings
            self.app.post_message(key)

    def focus_next(self, selector: str | type[QueryType] = "*") -> Widget | None:
        self._focus_opening()
        return super().focus_next(selector)

    def focus_previous(self, selector: str | type[QueryType] = "*") -> Widget | None:
        self._focus_opening()
        return super().focus_previous(selector)

    def focus_main(self) -> None:
        """The focus on what the user acts on first (``main_control``). A screen with nothing to
        do but read and go back (a record, a service that cannot be done now) opens on its 返回
        button, or on its page when the text does not fit (its bar shows, the arrow keys scroll it
        and Tab reaches 返回): focusing 返回 at the bottom would scroll the top of the text away."""
        target = self._main_target()
        if target is not None:
            self._main_focus = target
            target.focus(scroll_visible=not self.MAIN_KEEPS_TOP)

    def _main_target(self) -> Widget | None:
        """What ``focus_main`` and the opening focus choose (a screen may choose otherwise)."""
        named = [w for w in self.query(self.MAIN_CONTROL) if w.focusable and shown(w)] if self.MAIN_CONTROL else []
        target = named[0] if named else main_control(self)
        if target is None or isinstance(target, Button):
            pages = [p for p in self.query(Page) if p.focusable and shown(p)]
            target = pages[0] if pages else target
        return target

    def focus_before_lock(self) -> Widget | None:
        """What has the focus when the counter locks (it has it again once unlocked)."""
        return self.focused

    def refocus_main(self) -> None:
        """After the screen has loaded what it shows: the main control again (a table now filled,
        a text that now needs scrolling), unless the user has moved the focus meanwhile."""

        def go() -> None:
            if self.is_attached and self.focused in (None, self._main_focus):
                self.focus_main()

        self.call_after_refresh(go)

    def action_back(self) -> None:
        button = self.back_button()
        if button is not None:
            button.press()

    def back_button(self) -> Button | None:
        """The button Escape presses (see BACK_LABELS), if the screen shows one."""
        ready = [b for b in self.query(Button) if shown(b) and not b.disabled]
        if self.kiosk.settings.counter:
            return next((b for b in ready if b.id == "back"), None)
        for label in self.BACK_LABELS:
            for button in ready:
                if str(button.label) == label:
                    return button
        return None

    @property
    def kiosk(self) -> KioskApp:
        return self.app  # type: ignore[return-value]

    @property
    def env(self):  # type: ignore[no-untyped-def]
        return self.kiosk.env

    def clear_errors(self) -> None:
        for f in self.query(FormField):
            f.set_error("")
        for s in self.query(".screen-error, .field-error"):
            s.update("")

    def show_step(self, step: str, bar: int, focus: bool = True) -> None:
        """A wizard's step ``step`` (a ContentSwitcher child) with the step bar on ``bar``; errors of
        the last step cleared and the focus moved into the new one (not when ``focus`` is False: the
        caller focuses the field it gives a message, which the step's first control, focused later,
        took from it); taps held a moment (step_shown)."""
        self.clear_errors()
        self.query_one(ContentSwitcher).current = step
        step_shown(self.query_one(f"#{step}"))
        self.query_one(StepBar).current = bar
        if focus:
            focus_first(self.query_one(f"#{step}"))

    def show_error(self, exc: DomainError, focus: bool = True) -> None:
        """Next to the named field when it is on screen (not in a hidden wizard step), or in the
        line ``#error-<field>`` put next to a field that is no FormField (a group of checkboxes),
        else in the screen's error line, else as a notification. A form with several wrong fields
        (FieldErrors) has each message next to its field, at once; the first field with a message
        gets the focus and is brought into view (``focus_field``). A code asked for too soon also
        counts the 发送验证码 button down (a button that looks ready but sends nothing would seem dead).
        A refused SMS code is taken out of its field, which keeps the message: the six digits of the
        wrong code filled the field, and the right one could not be typed (only said 最多可输入6位). One
        too short stays, for the digit left out to be added (tester: all six had to be typed again).
        A value refused as not the one on record (WrongValue: 注册's 预留手机号码, its tries counted) is
        taken out too: the wrong number stayed, the right one was refused as too long, and 下一步 sent
        the wrong one again (tester).
        A code refused as gone (used, dead) takes the line 验证码已发送至 ... with it (code_refused), and
        the focus goes to the button when it may send a new code at once. ``focus`` False: the focus
        stays where it is (the field Enter was pressed in, kiosk.ui.screens.flow), messages said all the same.
        A code asked for again within the wait while the one sent is still valid is no error: the line
        where it went says so, with the seconds left, and the cursor goes to the code (code_still_valid)."""
        if isinstance(exc, CodeStillValid) and code_still_valid(self, exc, focus):
            return
        exc = as_seen_here(self, exc)  # no code sent from this page: 请先点击【发送验证码】
        if isinstance(exc, WrongValue) or (isinstance(exc, CodeRefused) and exc.message != NOT_SIX):  # not 5 digits
            for f in self.query(FormField):
                if f.field_name == exc.field and shown(f):
                    f.value = ""
        resend = code_refused(self, exc)  # the 发送验证码 button and the line under it follow the refusal
        problems = exc.problems if isinstance(exc, FieldErrors) else [(exc.field, exc.message)]
        first: str | None = None
        elsewhere: list[str] = []
        for field, message in problems:
            if field and self._show_by(field, message, scroll=first is None):
                first = first or field
            else:
                elsewhere.append(message)
        if elsewhere:
            errors = [e for e in self.query(".screen-error").results(Static) if _in_view(e)]
            if errors:
                errors[-1].update("\n".join(elsewhere))
            else:
                self.notify("\n".join(elsewhere), severity="error", timeout=8)
        if not focus:
            return
        if resend is not None:  # the code is gone and a new one may be sent now: Enter sends it
            resend.focus()
        elif first:
            self.focus_field(first)

    def _show_by(self, field: str, message: str, scroll: bool) -> bool:
        """``message`` next to ``field`` when it is on view (``scroll``: and brought into view)."""
        for f in self.query(FormField):
            if f.field_name == field and shown(f):
                f.set_error(message, scroll=scroll)
                return True
        for note in self.query(f"#error-{field}").results(Static):
            if _in_view(note):
                note.update(message)
                return True
        return False

    def focus_field(self, field: str) -> None:
        """Focus the field ``field`` that has just been given a message, when it is a FormField (a
        screen whose other controls show messages too says how they take the focus)."""
        for f in self.query(FormField):
            if f.field_name == field and shown(f):
                f.focus_input()
                return


def _in_view(line: Widget) -> bool:
    """A line for a message is where the screen shows it: its containers are displayed (the line
    itself, an ErrorLine, takes no row while empty: it is hidden until it has something to say)."""
    return all(getattr(node, "display", True) for node in line.ancestors)
