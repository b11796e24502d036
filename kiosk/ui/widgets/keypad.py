"""An on-screen number pad for touch screens: types into the focused input, never takes focus.

With no input focused (a step opens with the focus on 提交 or 发送验证码), a tap goes into the first
field of digits on view (a code, a phone or an ID number: ``digit_fields``), which takes the focus;
a field of a step not shown (a wizard's other step, held in the screen) is none, and so is one
scrolled away below or above the page's edge: with 机动车转籍申请's vehicle list focused at 100x30,
a tap on 1 went into 发票代码 down the page, which jumped there (tester). An input focused but
scrolled away counts as none focused: nothing is typed where it is not seen. So does an input that is
not of digits: with 注册's 姓名 focused, 1 and 2 tapped made it 12, and a tap on 身份证号码 lost put a
whole ID number into it (高峰500107198607271953, tester); the tap goes into the first field of digits
in view (there 身份证号码), or nowhere. A tap types as a key does: over a selection, and over a value
filled in for the user (现场教育天数's 2: FormField select_on_focus), not after it (21, tester)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid
from textual.screen import Screen
from textual.widgets import Button, Input

from ..focus import in_sight, shown
from .repeat_button import RepeatButton
from .field import FormField

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "X", "0", "删除")


class PadKey(RepeatButton):
    """A key of the pad: every tap types (RepeatButton)."""


def digit_fields(screen: Screen, sighted: bool = False) -> list[Input]:
    """The inputs of the fields of digits (``FormField.digits``) the citizen sees on ``screen`` now:
    displayed in the step shown; ``sighted``: also within the page's view now (``in_sight``)."""
    found = [i for f in screen.query(FormField) if f.digits for i in f.query(Input) if shown(i) and not i.disabled]
    return [i for i in found if in_sight(i)] if sighted else found


class Keypad(Grid):
    DEFAULT_CSS = """
    Keypad { grid-size: 3 4; grid-gutter: 0 1; width: 32; height: 12; }
    Keypad > PadKey { width: 100%; min-width: 6; height: 3; }
    """

    def compose(self) -> ComposeResult:
        for key in KEYS:
            button = PadKey(key, id=f"key-{'del' if key == '删除' else key}", classes="keypad-key")
            button.can_focus = False
            yield button

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        inputs = digit_fields(self.screen, sighted=True)
        target = self.screen.focused
        if target not in inputs:  # none focused, one scrolled away, or one not of digits (姓名)
            if not inputs:
                return
            target = inputs[0]
            target.focus()
        assert isinstance(target, Input)
        label = str(event.button.label)
        if label == "删除":
            target.action_delete_left()
        else:  # as a key typed: over what is selected (FormField select_on_focus), else at the cursor
            target.replace(label, *sorted(target.selection))
