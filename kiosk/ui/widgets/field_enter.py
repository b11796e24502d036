"""What Enter does in a FormField (kiosk.ui.widgets.field): it presses the screen's button, moves on to
the next field, choice or box of the form, or holds the focus where the value (or a message still said
about it) is wrong; and ``next_control``, the control after another in a form, which the screens'
choice lists and boxes move on to as well."""
from __future__ import annotations

from collections.abc import Callable

from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input


class FieldEnter:
    """Enter in a FormField (mixed into it first: the same widget; its handler is the field's own)."""

    class LastRefused(Message):
        """Enter in a form's last field, whose own value is wrong: said under it, the focus kept there.
        The screen may say the other fields' problems as well, in the same go (kiosk.ui.screens.flow):
        申请新车临时号牌's 有效天数 31 under 起始日期 2026-12-11 said only 有效天数为1-30天, and the
        date's problem came only at the next 下一步 (tester)."""

        def __init__(self, field: Widget) -> None:
            super().__init__()
            self.field = field

    digits: bool
    input: Input  # FormField.input: the field's box
    _check: Callable[[str], str] | None
    _enter_presses: str | None
    _enter_focuses: str | None
    _enter_moves_on: bool
    _limit_at: str | None
    _limit_held: bool
    _said: str
    _limit_text: str  # FormField._limit_text: the length limit's message
    set_error: Callable[..., None]  # FormField.set_error

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if (not self.digits and self._limit_at is not None and self._limit_at == self.input.value
                and not self._limit_held):
            # Enter right after the limit refused the rest of a text (a pasted address ending in a line
            # break): held once, so the message stays beside the field; the form went on with the
            # address cut short and the message gone (tester: 「1号」 lost unseen). The next Enter goes
            # on. Not in a field of digits: a code, phone or ID number cut short is checked, and refused.
            self._limit_held = True
            event.stop()
            self.set_error(self._limit_text)
            return
        following = self._next_control() if self._enter_moves_on else None
        moves_on = following is not None or (self._enter_presses is None and self._enter_focuses is not None)
        if moves_on and (self._refused_here() or self._still_said()):  # a wrong value: said here, the focus stays
            event.stop()
            return
        if following is None and self._enter_presses is not None and self._refused_here():
            # the last field, its own value wrong: said here and the focus stays, not 下一步, which
            # put the focus on the first wrong field above (延期至 2027-02-30 under an empty 具体说明:
            # the corrected date went into 具体说明, tester). The screen says the other fields' problems
            # with it (LastRefused), the focus still here.
            event.stop()
            self.post_message(self.LastRefused(self))  # type: ignore[arg-type]
            return
        if following is not None:
            event.stop()
            following.focus()
        elif self._enter_presses is not None:
            event.stop()
            self.screen.query_one(f"#{self._enter_presses}", Button).press()  # not when disabled
        elif self._enter_focuses is not None:
            event.stop()
            self.screen.query_one(f"#input-{self._enter_focuses}", Input).focus()

    def _refused_here(self) -> bool:
        """Whether ``check`` finds the value wrong; if so, the message is said under the field."""
        message = self._check(self.input.value) if self._check is not None and self.input.value.strip() else ""
        if message:
            self.set_error(message)
        return bool(message)

    def _still_said(self) -> bool:
        """Whether the field still shows a message about the value it holds (one the screen said, as
        下一步's 请输入联系地址 or a rule over two fields), said again: Enter keeps the focus here until the
        value is changed (the message then goes), or Tab moves on. After 下一步 put the focus on an empty
        新手机号码 under 新的联系方式与原登记信息相同，无需变更, Enter went on to 联系地址 and left the message
        behind, and digits typed for the phone went at the end of the address (tester). Not the length
        limit's message: the Enter after it is held once (on_input_submitted)."""
        if not self._said or self._limit_at == self.input.value:
            return False
        self.set_error(self._said)
        return True

    def _next_control(self) -> Widget | None:
        """The first field, choice or box after this one in its form that is shown, if any."""
        return next_control(self.parent, self.input) if isinstance(self.parent, Widget) else None


CONTROLS = "Input, RadioSet, Checkbox, Select"  # a form's stops, in its order (Select: 号牌号码's 省份简称)


def next_control(form: Widget, control: Widget) -> Widget | None:
    """The first field, choice or box after ``control`` in ``form`` that is shown, if any (Enter
    moving on through a form: a text field's, a choice list's, a box's)."""
    controls = list(form.query(CONTROLS))
    mine = controls.index(control) if control in controls else len(controls)
    return next((c for c in controls[mine + 1:] if all(n.display for n in c.ancestors_with_self)), None)
