"""A yes/no question before an action that can't be undone; the safe answer has the focus (the
answer that changes nothing, unless the question says otherwise: ``focus_yes``).

Keys typed before the question was read do not answer it yes: a key press of the yes within
SubmitGuard's moment of the question showing is ignored, and so is each one after it while they
come quicker than that (a held Enter). A counter's Tab and Enter, meant for the form under a
question that came up late, took 安排考试并公布结果's 确认安排并公布, which cannot be undone (tester).
A tap is dropped in the first 0.5 s anyway (kiosk.ui.pointer); the no, and Escape, always go."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from ..submit_guard import SubmitGuard
from ..widgets.button_row import ButtonRowKeys
from ..widgets.plain import Plain


class ConfirmDialog(SubmitGuard, ButtonRowKeys, ModalScreen[bool]):
    BINDINGS = [("escape", "dismiss(False)", "暂不办理")]
    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical { width: 72; max-width: 95%; height: auto; border: thick $warning;
                               background: $surface; padding: 1 2; }
    """

    def __init__(self, question: str, yes: str, no: str = "暂不办理", focus_yes: bool = False) -> None:
        """``focus_yes``: the focus starts on ``yes``, for a question whose yes is the safe outcome
        (退出登录 at a kiosk in a public hall: Enter, Enter signs out). Escape is ``no`` all the same."""
        super().__init__()
        self.question, self.yes, self.no = question, yes, no
        self.focus_yes = focus_yes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Plain(self.question, id="question")
            with Horizontal(classes="buttons"):
                yield Button(self.yes, id="yes", variant="error")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.focus_yes else "#no", Button).focus()
        self.step_opened()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        yes = event.button.id == "yes"
        if yes and not self.focus_yes and self.too_soon():
            return
        self.dismiss(yes)
