"""The number pad's column beside a page (登录, 注册, a service form, 考试预约), on large screens.

It is on view only while a field of digits is (``keypad.digit_fields``: a code, a phone or an
ID number): not on a step with none (注册's 人脸识别, a form of choices only, 办理结果), where it
would only take room. It follows each step shown (every ContentSwitcher of the screen); a screen
that shows or hides such a field within a step says so with ``follow_keypad``. At 80x24 (the
App's ``-narrow`` class, kiosk.tcss) it is never shown: the keyboard does the same job.

On view means within the page's view, not only displayed: 机动车转籍申请 at 100x30 opens with only
号牌号码 and 转入地（省） on screen, its 发票代码 and 发票号码 far down the page, and the pad beside
them took a tap on 1 into 发票代码 (tester). While every field of digits of the step is scrolled away
its keys are hidden (``-out-of-sight``) but keep their column: the page does not widen and narrow as
it scrolls (its text wrapped anew would move the field out of the view it came into). The page
(kiosk.ui.widgets.page) has the pad follow each scroll and each new layout."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher

from ..focus import in_sight
from .keypad import Keypad, digit_fields


LAYOUT_TRIES = 5  # refreshes to wait for fields of digits just mounted to be laid out


class KeypadBox(Vertical):
    def __init__(self) -> None:
        # hidden until it has looked (a form of choices only does not open narrowed for a moment)
        super().__init__(classes="keypad-box -nothing-to-type")

    def compose(self) -> ComposeResult:
        yield Keypad()

    def on_mount(self) -> None:
        for switcher in self.screen.query(ContentSwitcher):
            self.watch(switcher, "current", self.follow, init=False)
        self.follow()

    def follow(self, *_: object) -> None:
        """Once the screen has caught up (a step switched, fields mounted): on view or not."""
        self.call_after_refresh(self._follow)

    def _follow(self, tries: int = 0) -> None:
        if self.is_attached:
            fields = digit_fields(self.screen)
            if tries < LAYOUT_TRIES and any(not i.region for i in fields):
                # mounted but not laid out yet (满分学习考试's day fields, mounted as its form opens: on a
                # busy machine the refresh came first, and the pad stayed hidden beside them; CI)
                self.call_after_refresh(self._follow, tries + 1)
                return
            self.set_class(not fields, "-nothing-to-type")
            self.set_class(bool(fields) and not any(in_sight(i) for i in fields), "-out-of-sight")
            self.query_one(Keypad).follow_target()  # its X only beside an ID number in view


def follow_keypad(screen: Screen) -> None:
    """``screen`` showed or hid a field of digits within a step: its number pad follows."""
    for box in screen.query(KeypadBox):
        box.follow()
