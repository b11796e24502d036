"""The last step of a citizen's service (办理结果): what was done, then 查看网办进度 / 返回业务中心."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from .plain import Plain


class DoneStep(Vertical):
    """``#result`` holds the outcome (业务流水号, 办理状态 ...); the screen handles the two buttons."""

    def compose(self) -> ComposeResult:
        yield Plain("", id="result")
        with Horizontal(classes="buttons"):
            yield Button("查看网办进度", id="to-progress")
            yield Button("返回业务中心", id="home", variant="primary")
