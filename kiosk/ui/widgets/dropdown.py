"""A dropdown (Textual's Select) that opens the same way by a tap as by a key.

Textual 8's Select opened from the keyboard (Enter, Down, Up, Space: ``action_show_overlay``) puts
the list's bar on the option chosen, or on the prompt when nothing is: one Down reaches the first
option. Opened by a tap (``SelectCurrent.Toggle``, which sets ``expanded`` only) with nothing
chosen, it left the bar on no option at all (``SelectOverlay.select(None)``), and the first Down put
it on the prompt: tap, Down, Enter chose 请选择考场 in 考试计划与安排 (tester; 审核队列's 不通过原因
the same). Here the list, however it opens, starts where a key would start it. Every dropdown of the
app is a ``Dropdown`` (tests/ui/test_dropdown_tap.py keeps it so).
"""
from __future__ import annotations

from typing import Hashable, TypeVar

from textual.css.query import NoMatches
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

T = TypeVar("T", bound=Hashable)


class Dropdown(Select[T]):
    """Textual's Select whose open list has its bar on the chosen option, else on the prompt."""

    def _watch_expanded(self, expanded: bool) -> None:
        super()._watch_expanded(expanded)
        if not expanded:
            return
        try:
            overlay = self.query_one(SelectOverlay)
        except NoMatches:  # removed meanwhile
            return
        if overlay.highlighted is None:  # as action_show_overlay does after it opens the list
            overlay.action_first()
