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
        """All steps on one line: with less room the separators shrink, then the other steps show
        only their number (the 6-step 优先预约 bar at 80 columns), the current one always its name."""
        width = self.size.width or 10_000
        for sep, names in (("  >  ", True), (">", True), (">", False)):
            text = self._line(sep, names)
            if text.cell_len <= width:
                break
        return text

    def _line(self, sep: str, names: bool) -> Text:
        text = Text()
        for i, step in enumerate(self.steps):
            if i:
                text.append(sep, style="dim")
            style = "bold reverse" if i == self.current else ("" if i < self.current else "dim")
            text.append(f" {i + 1}.{step} " if names or i == self.current else f" {i + 1} ", style=style)
        return text
