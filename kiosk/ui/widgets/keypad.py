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
filled in for the user (现场教育天数's 2: FormField select_on_focus), not after it (21, tester).

The X key (an ID number's last character) is there only while the field the pad types into
(``target``) is an ID number (FormField ``id_number``): beside 新手机号码, 注册's 手机号码 or a code it
is hidden, its cell kept, so 0 and 删除 stay where they were (tester: the pad of 变更驾驶证联系方式's phone
showed an X, which the field could only refuse)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid
from textual.screen import Screen
from textual.widget import Widget
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


def target(screen: Screen) -> Input | None:
    """The input a tap on the pad types into: the focused field of digits in view, else the first
    one in view (None: none is, and a tap does nothing)."""
    inputs = digit_fields(screen, sighted=True)
    return screen.focused if screen.focused in inputs else inputs[0] if inputs else None  # type: ignore[return-value]


def takes_x(field: Input | None) -> bool:
    """Whether ``field`` is an ID number's, the only one the pad's X key is for."""
    return field is not None and isinstance(field.parent, FormField) and field.parent.id_number


class Keypad(Grid):
    DEFAULT_CSS = """
    Keypad { grid-size: 3 4; grid-gutter: 0 1; width: 32; height: 12; }
    Keypad > PadKey { width: 100%; min-width: 6; height: 3; }
    Keypad > PadKey.-unused { visibility: hidden; }  /* X beside a phone or a code: its cell kept */
    """

    def compose(self) -> ComposeResult:
        for key in KEYS:
            button = PadKey(key, id=f"key-{'del' if key == '删除' else key}", classes="keypad-key")
            button.can_focus = False
            yield button

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._focused, init=False)
        self.follow_target()

    def _focused(self, _widget: Widget | None) -> None:
        self.follow_target()
        self.call_after_refresh(self.follow_target)  # scrolled into view by then: in sight

    def follow_target(self) -> None:
        """The X key on view only while the field the pad types into is an ID number's."""
        if self.is_attached:
            # a class, not ``visible``: the box's own hiding (-out-of-sight) still hides it. (Its keys
            # may be gone already: a screen closing as the focus left it, 登录 for 注册 at 80x24.)
            for key in self.query("#key-X"):
                key.set_class(not takes_x(target(self.screen)), "-unused")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        # none focused, one scrolled away, or one not of digits (姓名): the first in view
        field = target(self.screen)
        label = str(event.button.label)
        if field is None or (label == "X" and not takes_x(field)):  # (X hidden beside it: a tap as it went)
            return
        if field is not self.screen.focused:
            field.focus()
        if label == "删除":
            field.action_delete_left()
        else:  # as a key typed: over what is selected (FormField select_on_focus), else at the cursor
            field.replace(label, *sorted(field.selection))
