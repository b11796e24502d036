"""A reason field with its common reasons listed under it (常用事由; 查询事由 at 为群众办理). A reason
picked fills the field, which stays what is sent: it can be added to, and a typed reason needs
no pick.

Keys: Down in the field and Tab both reach the list on the first reason (or the one the field
holds), so Enter there looks up with it (Tab left no reason under the bar, and Enter then said
请选择或填写查询事由 with the field empty). Only Tab with a reason of the clerk's own typed in the
field reaches it with none under the bar, so that Enter takes the typed reason rather than
replacing it; the first Down or Up then puts the bar on the first reason. Up and Down move in the
list (Up on the first reason goes back to the field); Enter takes the highlighted reason and asks
for the action at once (the screen handles ``ReasonList.Taken`` with ``submit``), or with none
highlighted asks for it with what the field holds; Space or a click takes it only. The reasons
come from a configuration file, so they are shown as plain text.
"""
from __future__ import annotations

from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ..focus import focus_now
from .field import FormField
from .plain import Plain, plain


class ReasonList(OptionList):
    DEFAULT_CSS = """
    ReasonList { height: auto; max-height: 10; width: 100%; max-width: 48; }
    """
    BINDINGS = [Binding("space", "take", "选用", show=False)]

    class Taken(Message):
        """A reason was taken; ``submit``: by Enter, the screen acts on it at once."""

        def __init__(self, reason_list: ReasonList, reason: str, submit: bool) -> None:
            super().__init__()
            self.reason_list, self.reason, self.submit = reason_list, reason, submit

        @property
        def control(self) -> ReasonList:
            return self.reason_list

    def __init__(self, reasons: tuple[str, ...] | list[str], *, id: str | None = None) -> None:
        super().__init__(*[Option(plain(r), id=r) for r in reasons], id=id)
        self.highlighted = None  # (OptionList starts on its first) none looks chosen until the clerk gets here
        self.reasons = tuple(reasons)
        self._field: Input | None = None
        self._from_field = False  # focused by Down in the field: that Down is the list's first

    def enter_from_field(self) -> None:
        """The focus comes by Down in the field: on the first reason (or the field's). At once, and the
        Down read as it came (ReasonField.action_to_list): the Enter sent with it (tmux, a macro) went
        to the empty field, which said 请选择或填写查询事由 and looked nobody up (tester)."""
        self._from_field = True
        focus_now(self)

    def follow(self, field: Input) -> None:
        """The field the list fills: Up on the first reason goes back to it, and the list starts
        on the reason it holds."""
        self._field = field

    def _take(self, submit: bool) -> None:
        if self.highlighted is not None:
            self.post_message(self.Taken(self, self.reasons[self.highlighted], submit))

    def action_select(self) -> None:  # Enter (OptionList's own select would post OptionSelected)
        """Enter: the highlighted reason, and the action asked for. With none highlighted (Tab
        brought the focus and no arrow key was pressed) the action is asked for with what the field
        holds, as Enter in the field would: a typed reason is taken, an empty field says 请输入 next
        to it (Enter did nothing at all, and the clerk could not tell why)."""
        if self.highlighted is None and self._field is not None:
            self.post_message(self.Taken(self, self._field.value, submit=True))
            return
        self._take(submit=True)

    def action_take(self) -> None:
        self._take(submit=False)

    async def _on_click(self, event: events.Click) -> None:
        clicked = event.style.meta.get("option")
        event.prevent_default()  # not OptionList's click, which selects (as Enter)
        if clicked is not None:
            self.highlighted = clicked
            self._take(submit=False)

    def action_cursor_down(self) -> None:
        if self.highlighted is None:  # the first arrow key: the first reason
            self.highlighted = 0 if self.option_count else None
        elif self.highlighted < self.option_count - 1:  # no wrap to the top
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.highlighted is None:  # the first arrow key: the first reason (not the last)
            self.highlighted = 0 if self.option_count else None
        elif self._field is not None and not self.highlighted:
            self._field.focus()
        else:
            super().action_cursor_up()

    def on_focus(self) -> None:
        """The reason the field holds, if it is one of the list's; else the first, unless Tab
        brought the focus with a reason of the clerk's own in the field: none then, so that Enter
        looks up with what was typed (the first arrow key takes the first)."""
        typed = self._field.value.strip() if self._field is not None else ""
        first = 0 if (self._from_field or not typed) and self.option_count else None
        self._from_field = False
        self.highlighted = self.reasons.index(typed) if typed in self.reasons else first

    def on_blur(self) -> None:
        self.highlighted = None  # an unfocused highlight would read as the reason chosen


class ReasonField(Vertical):
    """A FormField ``name`` (its input ``#input-<name>``, its errors under it as any field's) and the
    reasons under it, introduced by ``hint``."""

    BINDINGS = [Binding("down", "to_list", show=False, priority=True)]
    DEFAULT_CSS = """
    ReasonField { height: auto; }
    ReasonField > FormField { margin: 0; }
    ReasonField > .reasons-hint { text-style: bold; }
    """

    def __init__(self, name: str, label: str, reasons: tuple[str, ...], *, hint: str, placeholder: str = "",
                 max_length: int = 100) -> None:
        super().__init__(id=f"reason-box-{name}")
        self.field_name, self.reasons = name, reasons
        self._label, self._hint, self._placeholder, self._max_length = label, hint, placeholder, max_length

    def compose(self) -> ComposeResult:
        yield FormField(self.field_name, self._label, placeholder=self._placeholder, max_length=self._max_length)
        yield Plain(self._hint, classes="reasons-hint")
        yield ReasonList(self.reasons, id=f"reasons-{self.field_name}")

    @property
    def field(self) -> FormField:
        return self.query_one(FormField)

    def on_mount(self) -> None:
        self.query_one(ReasonList).follow(self.field.input)

    def action_to_list(self) -> None:
        """Down in the field (a priority key: read as it comes, so an Enter sent with it goes to the
        list it moved to, not to the field): the first reason."""
        if self.app.focused is not self.field.input:
            raise SkipAction()  # the list's own Down, and any other control's
        self.query_one(ReasonList).enter_from_field()

    def on_reason_list_taken(self, event: ReasonList.Taken) -> None:
        """Into the field, its message about an earlier value gone; the message goes on to the screen."""
        self.field.value = event.reason
        self.field.set_error("")
