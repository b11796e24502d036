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

    def __init__(self, steps: list[str], id: str | None = None, short: list[str] | None = None) -> None:
        super().__init__(id=id)
        self.steps = steps
        self.short = short  # a shorter label for each step, for a bar too narrow for the names (or None)

    def render(self) -> Text:
        """All steps on one line: with less room the separators shrink, then the steps take their
        short labels (``short``, closer together), then the other steps show only their number,
        the current one always its name. The 6-step 优先预约 bar at 80 columns keeps every name,
        by its short label (「1 > 2 > 3 > 4 > 5.选择场次 > 6」 said nothing of what the steps were)."""
        width = self.size.width or 10_000
        short = self.short if self.short and len(self.short) == len(self.steps) else None
        tiers = [("  >  ", self.steps, True, True), (">", self.steps, True, True)]
        if short:
            tiers += [(">", short, True, True), ("> ", short, True, False), (">", short, True, False)]
        tiers.append((">", self.steps, False, True))
        for sep, labels, names, spaced in tiers:
            text = self._line(sep, labels, names, spaced)
            if text.cell_len <= width:
                break
        return text

    def _line(self, sep: str, labels: list[str], names: bool, spaced: bool) -> Text:
        """``names``: every step named, else the current one only; ``spaced``: a space either side of
        every step, else of the current one only (its highlight)."""
        text = Text()
        for i, step in enumerate(labels):
            if i:
                text.append(sep, style="dim")
            style = "bold reverse" if i == self.current else ("" if i < self.current else "dim")
            if i == self.current:  # always named (the numbers-only tier has the full names as labels)
                text.append(f" {i + 1}.{step} ", style=style)
            elif names:
                text.append(f" {i + 1}.{step} " if spaced else f"{i + 1}.{step}", style=style)
            else:
                text.append(f" {i + 1} ", style=style)
        return text
