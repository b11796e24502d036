"""The wizard step bar: 1.填写信息 > 2.确认并提交 > 3.办理结果, the current step highlighted."""
from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

# Every tier spaces its steps evenly: one separator throughout, and every step with the same space
# either side (the current one's highlight included). (separator, labels: "steps" or "short",
# every step named, the space either side of a step, the steps numbered)
# Numbers are kept as long as they fit: the space around the steps goes first (the full-width ＞
# keeps a gap either side of it), 1.科目确认＞2.业务须知＞..., 84 columns for the 6 priority steps.
_TIERS = [("  >  ", "steps", True, " ", True), (">", "steps", True, " ", True), ("＞", "steps", True, "", True)]
# the names without their numbers (the current step is highlighted): the seed's names kept where
# only the short labels fitted with numbers (the 6-step 优先预约 bar at 80x24)
_BARE_TIERS = [(">", "steps", True, " ", False), ("＞", "steps", True, "", False), (">", "steps", True, "", False)]
_SHORT_TIERS = [(">", "short", True, " ", True), ("＞", "short", True, "", True), (">", "short", True, "", True)]
_NUMBERS = (">", "steps", False, " ", True)


class StepBar(Static):
    DEFAULT_CSS = """
    StepBar { height: 1; width: 100%; margin: 0 0 1 0; }
    """
    current: reactive[int] = reactive(0)

    def __init__(self, steps: list[str], id: str | None = None, short: list[str] | None = None,
                 short_before_bare: bool = False) -> None:
        super().__init__(id=id)
        self.steps = steps
        self.short = short  # a shorter label for each step, for a bar too narrow for the names (or None)
        # the short labels, numbered, before the names lose their numbers: 满分学习考试 (then) beside its number
        # pad (62 columns at 100x32) showed 选择教育城市和教育方式＞确认现场教育场次＞..., unnumbered and
        # full-width, unlike every other wizard's 1.填写信息 > 2.确认并提交; now 1.选择城市和方式 > 2.确认场次 > ...
        # (the 6-step 优先预约 bar keeps the seed's names first: its short 优先预约, 优先须知 said too little)
        self.short_before_bare = short_before_bare
        # step -> what follows its label when the line still fits as it is: 业务须知（已同意）, a notice
        # the wizard passed by (agreed to on this terminal before). Never at the cost of the bar's look:
        # the numbers and the spacing are those of the bar without it, the same on every step
        self.marks: dict[int, str] = {}

    def render(self) -> Text:
        """All steps on one line: with less room the separators shrink, then the space around the
        steps goes (1.科目确认＞2.业务须知), then the steps lose their numbers (the current one is
        highlighted), closer together (the full-width ＞ keeps a gap
        either side of it in two columns), then they take their short labels (``short``), then the
        other steps show only their number, the current one always its name. The 6-step 优先预约 bar
        at 80x24 keeps the seed's names (切换优先预约, 优先预约业务须知: they were cut to 优先预约 and
        优先须知), without numbers; 「1 > 2 > 3 > 4 > 5.选择场次 > 6」 said nothing of what the steps were.
        Before, its 80-column line had a space after some separators and not others (1.科目确认> ...).
        ``short_before_bare``: the short labels, numbered, come before the names without numbers."""
        width = self.size.width or 10_000
        short = self.short if self.short and len(self.short) == len(self.steps) else None
        shorter = _SHORT_TIERS if short else []
        tiers = _TIERS + (shorter + _BARE_TIERS if self.short_before_bare else _BARE_TIERS + shorter) + [_NUMBERS]
        for sep, which, names, pad, numbered in tiers:
            labels = short if which == "short" else self.steps
            text = self._line(sep, labels, names, pad, numbered)  # type: ignore[arg-type]
            if text.cell_len <= width:
                break
        if self.marks and names:  # every step named: the marks where they fit in the same line
            marked = [label + self.marks.get(i, "") for i, label in enumerate(labels)]  # type: ignore[arg-type]
            with_marks = self._line(sep, marked, names, pad, numbered)  # type: ignore[arg-type]
            if with_marks.cell_len <= width:
                return with_marks
        return text

    def _line(self, sep: str, labels: list[str], names: bool, pad: str, numbered: bool = True) -> Text:
        """``names``: every step named, else the current one only (and the others by number);
        ``pad``: the space either side of every step; ``numbered``: 1.科目确认, else 科目确认."""
        text = Text()
        for i, step in enumerate(labels):
            if i:
                text.append(sep, style="dim")
            style = "bold reverse" if i == self.current else ("" if i < self.current else "dim")
            if not numbered:
                shown = step
            else:
                shown = f"{i + 1}.{step}" if names or i == self.current else f"{i + 1}"
            text.append(f"{pad}{shown}{pad}", style=style)
        return text
