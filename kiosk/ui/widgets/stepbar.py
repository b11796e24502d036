"""The wizard step bar: 1.填写信息 > 2.确认并提交 > 3.办理结果, the current step highlighted."""
from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


class StepBar(Static):
    DEFAULT_CSS = """
    StepBar { height: 1; width: 100%; margin: 0 0 1 0; }
    """
    current: reactive[int] = reactive(0)

    def __init__(self, steps: list[str], id: str | None = None) -> None:
        super().__init__(id=id)
        self.steps = steps

    def render(self) -> Text:
        text = Text()
        for i, step in enumerate(self.steps):
            if i:
                text.append("  >  ", style="dim")
            style = "bold reverse" if i == self.current else ("" if i < self.current else "dim")
            text.append(f" {i + 1}.{step} ", style=style)
        return text
