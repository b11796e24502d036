"""A dropdown (Textual's Select) that opens the same way by a tap as by a key.

Textual 8's Select opened from the keyboard (Enter, Down, Up, Space: ``action_show_overlay``) puts
the list's bar on the option chosen, or on the prompt when nothing is: one Down reaches the first
option. Opened by a tap (``SelectCurrent.Toggle``, which sets ``expanded`` only) with nothing
chosen, it left the bar on no option at all (``SelectOverlay.select(None)``), and the first Down put
it on the prompt: tap, Down, Enter chose 请选择考场 in 考试计划与安排 (tester; 审核队列's 不通过原因
the same). Here the list, however it opens, starts where a key would start it. Every dropdown of the
app is a ``Dropdown`` (tests/ui/test_dropdown_tap.py keeps it so).

Up on the first option and Down on the last stay there: Textual's OptionList wraps round, and Up
on 全部考场 (预约考试, 选择场次) jumped to the last site, far from where the citizen was looking
(tester). ``DropdownList`` is Textual's list with only that changed (tests/ui/test_dropdown_ends.py).

Its arrow is ASCII (v closed, ^ open): Textual draws two East-Asian ambiguous-width triangles, two
cells wide in many Chinese terminals, which pushed the row out of line (``DropdownCurrent``).
"""
from __future__ import annotations

from typing import Hashable, TypeVar

from textual import _widget_navigation
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.widgets import Select
from textual.widgets._select import NonSelectableStatic, SelectCurrent, SelectOverlay

T = TypeVar("T", bound=Hashable)


class DropdownList(SelectOverlay):
    """Textual's open list of a Select whose Up and Down stop at its ends instead of wrapping."""

    def _step(self, direction: _widget_navigation.Direction) -> None:
        if self.highlighted is None:  # as Textual does: Down to the first, Up to the last
            self.action_first() if direction == 1 else self.action_last()
            return
        beyond = _widget_navigation.find_next_enabled_no_wrap(self.options, self.highlighted, direction)
        if beyond is not None:  # None: at the end already, where the bar stays
            self.highlighted = beyond

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)


class DropdownCurrent(SelectCurrent):
    """Textual's closed face of a Select (the value and the arrow) with the arrows in ASCII; which
    one shows is Select's CSS (classes down-arrow and up-arrow)."""

    def compose(self) -> ComposeResult:
        yield NonSelectableStatic(self.placeholder, id="label")
        yield NonSelectableStatic("v", classes="arrow down-arrow")
        yield NonSelectableStatic("^", classes="arrow up-arrow")


class Dropdown(Select[T]):
    """Textual's Select whose open list has its bar on the chosen option, else on the prompt, does
    not wrap round at its ends, and has an ASCII arrow. A subclass may name its own ``CURRENT`` and
    ``LIST`` (kiosk.ui.widgets.plate_field)."""

    CURRENT: type[DropdownCurrent] = DropdownCurrent
    LIST: type[DropdownList] = DropdownList

    def compose(self) -> ComposeResult:  # Select.compose with these two for SelectCurrent and SelectOverlay
        yield self.CURRENT(self.prompt)
        yield self.LIST(type_to_search=self._type_to_search).data_bind(compact=Select.compact)

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
