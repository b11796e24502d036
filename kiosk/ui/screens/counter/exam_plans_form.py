"""考试计划与安排's session form: its fields, the 考场 choice, and what Enter does in them."""
from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Static

from ...widgets.dropdown import Dropdown
from ...widgets.field import FormField

FORM_FIELDS = ("exam_date", "start_time", "subject", "classes", "seats", "priority_quota", "opens_on", "publish_on")
EMPTY = {"priority_quota": ("", "0")}  # what a field holds in an empty form (优先预约名额 is filled in with 0)


class SiteChoice(Dropdown[int]):
    """选择考场. Enter with a site chosen moves on to 考试日期, as Enter in a filled field moves on
    (tester: it opened the list again); with none chosen, or Down, Up or Space, the list opens."""

    BINDINGS = [Binding("enter", "enter", show=False)]

    def action_enter(self) -> None:
        if self.is_blank():
            self.action_show_overlay()
        else:
            self.screen.query_one("#input-exam_date", Input).focus()


class SessionField(FormField):
    """A field of the session form: Enter in it saves, as 保存场次 does (as a web form submits),
    except in an entirely empty form, where it does nothing: after a save (Enter in 考位数) the
    emptied form has the focus on 考试日期, and a second Enter out of habit saved nothing but five
    请输入 messages (tester). 保存场次 itself still says what is missing."""

    def __init__(self, name: str, label: str, **kw: Any) -> None:
        super().__init__(name, label, enter_presses="save", **kw)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Textual calls FormField's handler after this one unless the default is prevented
        if form_empty(self.screen):
            event.stop()
            event.prevent_default()


def form_empty(screen: Screen[Any]) -> bool:
    """Whether nothing is typed in the session form (the 考场 chosen aside: it stays after a save)."""
    return all(screen.query_one(f"#field-{name}", FormField).value.strip() in EMPTY.get(name, ("",))
               for name in FORM_FIELDS)


def clear_messages(screen: Screen[Any]) -> None:
    """Every message of the session form: under its fields, 请选择考场 and the line under 保存场次."""
    for name in FORM_FIELDS:
        screen.query_one(f"#field-{name}", FormField).set_error("")
    for line in ("#error-site", "#error-session"):
        screen.query_one(line, Static).update("")
