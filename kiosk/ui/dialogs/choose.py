"""A question with one or more answers (one button each) and 暂不办理, which has the focus: each
answer does what cannot be undone (办结), so Enter, Enter never does it by itself, and a key
press of an answer is ignored until the question has been on view for SubmitGuard's moment, as
ConfirmDialog's yes (tester: Left Enter typed as the question opened answered 已邮寄)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from ..submit_guard import SubmitGuard
from ..widgets.button_row import ButtonRowKeys
from ..widgets.plain import Plain


class ChooseDialog(SubmitGuard, ButtonRowKeys, ModalScreen[str | None]):
    BINDINGS = [("escape", "dismiss(None)", "暂不办理")]
    DEFAULT_CSS = """
    ChooseDialog { align: center middle; }
    ChooseDialog > Vertical { width: 72; max-width: 95%; height: auto; border: thick $primary;
                              background: $surface; padding: 1 2; }
    """

    def __init__(self, question: str, answers: tuple[str, ...], no: str = "暂不办理") -> None:
        super().__init__()
        self.question, self.answers, self.no = question, answers, no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Plain(self.question, id="question")
            with Horizontal(classes="buttons"):
                for i, answer in enumerate(self.answers):
                    yield Button(answer, id=f"answer-{i}", variant="primary")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()
        self.step_opened()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id or ""
        if bid.startswith("answer-") and self.too_soon():
            return
        self.dismiss(self.answers[int(bid.split("-")[1])] if bid.startswith("answer-") else None)
