"""Radio buttons and check boxes whose state reads without colour.

Textual draws ▐●▌ for a radio button, chosen or not (a check box: ▐X▌ either way): only the
colour changes, which an elderly or colour-blind citizen cannot tell apart, and ● and ▌ are
East-Asian ambiguous width (drawn two columns wide by many terminals set up for Chinese, which
shifts the line). Here the mark itself says it, in ASCII: (*) chosen, ( ) not; [X] ticked, [ ] not,
and the chosen option's label is bold. Every radio set and check box of the app is built from
these (tests/ui/test_choice_marks.py keeps it so).
"""
from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox, RadioButton

_CSS = """
{name} > .toggle--button {{ color: $foreground !important; background: $panel; text-style: bold; }}
{name}.-on > .toggle--button {{ color: $text-success !important; }}
{name}.-on > .toggle--label {{ text-style: bold; }}
"""  # !important: RadioSet's own rule for its buttons' mark is more specific


class _Marked:
    MARKS: tuple[str, str] = ("", "")  # off, on

    @property
    def _button(self) -> Content:
        return Content.styled(self.MARKS[bool(self.value)],  # type: ignore[attr-defined]
                              self.get_visual_style("toggle--button"))  # type: ignore[attr-defined]


class Choice(_Marked, RadioButton):
    """A radio button: (*) chosen, ( ) not."""

    MARKS = ("( )", "(*)")
    DEFAULT_CSS = _CSS.format(name="Choice")


class Tick(_Marked, Checkbox):
    """A check box: [X] ticked, [ ] not."""

    MARKS = ("[ ]", "[X]")
    DEFAULT_CSS = _CSS.format(name="Tick")
