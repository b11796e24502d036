"""Radio buttons and check boxes whose state reads without colour.

Textual draws ▐●▌ for a radio button, chosen or not (a check box: ▐X▌ either way): only the
colour changes, which an elderly or colour-blind citizen cannot tell apart, and ● and ▌ are
East-Asian ambiguous width (drawn two columns wide by many terminals set up for Chinese, which
shifts the line). Here the mark itself says it, in ASCII: (*) chosen, ( ) not; [X] ticked, [ ] not,
and the chosen option's label is bold. Every radio set and check box of the app is built from
these (tests/ui/test_choice_marks.py keeps it so).

Textual's RadioSet moves a bright bar with the arrow keys but leaves (*) where it was until Enter
or Space: a citizen who moved to 科目三 and pressed 下一步 booked 科目二. A ``Choices`` list chooses
the option the arrow keys move to, as a browser's radio group does (RadioSet.Changed is posted as
for Enter/Space, so whatever follows a change still does).

Enter on a ``Choices`` list with an option chosen posts ``ChoiceEntered`` (after the ``Changed``
it may cause, should the bar be on another option), so the screen can move on, as Enter in a text
field does: the service form goes to the next field, choice or box (or 下一步 on the last), the
booking wizard to 下一步. Enter on a list with nothing chosen chooses nothing: Textual's bar rested
on the first option there, and Enter, Enter ... chose 前后号牌 and 遗失 (or 补领, which voids the
licence) for a citizen who never looked. It posts ``Choices.NothingChosen`` instead; the list keeps the
focus and the screen says next to it what to choose and how (``nothing_chosen``: 请选择预约科目：...).
Enter on a ``Tick`` made with ``enter_moves_on`` ticks it (a second Enter does not untick it) and
posts ``ChoiceEntered`` too; Space and a click still toggle either way. A box reads Enter and
Space as they come too (Space then Tab at once: Space acted on what Tab had moved to).

A list with nothing chosen draws no option on the cursor band, focused or not: Textual put the bar
on the first option, which an elderly citizen read as chosen when Enter then chose nothing. The
list shows its focus by its own frame (its border, or the accent bar at 80x24); the first Down or
Up chooses the first option, and so does Space (as a desktop's radio group: Space chooses the option
with the focus, the first one when none is chosen); only Enter says how to choose there. The arrow keys stop
at the ends of the list (Textual's RadioSet wraps: Up on the first option chose the last one).

A list's keys (the arrows, Enter, Space) are read as they come, as Tab is (kiosk.ui.bindings): as
Textual's plain bindings they acted only once the key had passed up the list's containers, and Tab
just after them had already moved the focus on, to the list they then acted on (a tester's Down
Tab, in 在用车选号 while the screen was busy, ticked the first plate number of the random set, never
chosen, and left 选号方式 on 随机选号). ``chosen`` is the option chosen last, its Changed maybe not yet
handled (``pressed_button`` follows it then): a form that shows fields by a choice reads it as Tab comes.
"""
from __future__ import annotations

import re

from textual import _widget_navigation
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Checkbox, RadioButton, RadioSet

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


class ChoiceEntered(Message):
    """Enter on a ``Choices`` list (the option it is on is chosen) or on a ``Tick`` made with
    ``enter_moves_on`` (it is ticked): the screen may move on."""

    def __init__(self, widget: Widget) -> None:
        super().__init__()
        self.widget = widget

    @property
    def control(self) -> Widget:
        return self.widget


class Choice(_Marked, RadioButton):
    """A radio button: (*) chosen, ( ) not. A label wider than the list wraps onto more lines, each
    under the first one's text (Textual's cut it with an ellipsis: a 领取网点's address lost its end,
    巴南车管所（重庆市巴南区南彭街道东盟国际物流园A区（重庆公路物流基地） ... at 80x24: tester)."""

    MARKS = ("( )", "(*)")
    DEFAULT_CSS = _CSS.format(name="Choice")

    def _rows(self, width: int) -> list[Content]:
        """The label's lines at ``width`` cells for the whole option (the mark and a space either side)."""
        room = width - self._button.cell_length - 2
        if room < 2 or self._label.cell_length <= room:
            return [self._label]
        return self._label.wrap(room) or [self._label]

    def render(self) -> Content:
        button = self._button
        rows = self._rows(self.content_size.width)
        wide = max(row.cell_length for row in rows)  # the cursor's band: as wide on every line
        style = self.get_visual_style("toggle--label")
        indent = Content(" " * button.cell_length)
        return Content("\n").join(
            Content.assemble(button if n == 0 else indent,
                             row.pad(1, 1 + wide - row.cell_length).stylize_before(style))
            for n, row in enumerate(rows))

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[no-untyped-def]
        return len(self._rows(width))


class Tick(_Marked, Checkbox):
    """A check box: [X] ticked, [ ] not."""

    MARKS = ("[ ]", "[X]")
    DEFAULT_CSS = _CSS.format(name="Tick")
    BINDINGS: list[BindingType] = [  # priority: read as they come, in their turn with Tab, as a list's keys
        Binding("enter", "enter", show=False, priority=True),  # (Space then Tab at once ticked nothing)
        Binding("space", "toggle_button", show=False, priority=True),
    ]

    def __init__(self, *args, enter_moves_on: bool = False, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.enter_moves_on = enter_moves_on

    def action_enter(self) -> None:
        if not self.enter_moves_on:
            self.toggle()
            return
        self.value = True  # Changed (when it was not ticked) is posted before ChoiceEntered
        self.post_message(ChoiceEntered(self))


HOW_TO_CHOOSE = "请按上下方向键或点击选项进行选择"
_NOTE = re.compile(r"(.+?)（([^（）]{3,})）")  # 号牌号码（系统随机产生20个，请选择一个）: the name, then a note


def nothing_chosen(label: str) -> str:
    """What Enter on a list with nothing chosen says under it: what is missing, by the list's
    ``label`` (请选择预约科目：请按上下方向键或点击选项进行选择), without a note in brackets after the name
    (a short qualifier stays: 转入地（省）) or a 请选择 of its own (请选择学习方式)."""
    name = label.strip().rstrip("：:")
    note = _NOTE.fullmatch(name)
    name = (note.group(1) if note else name).removeprefix("请选择")
    return f"请选择{name}：{HOW_TO_CHOOSE}" if name else f"尚未选择：{HOW_TO_CHOOSE}"


class Choices(RadioSet):
    """A radio list of ``Choice`` options: Up/Down (Left/Right) choose the option moved to."""

    class NothingChosen(Message):
        """Enter on the list while none of its options is chosen: nothing was chosen, the screen
        says next to the list what to choose and how (``nothing_chosen``)."""

        def __init__(self, choices: "Choices") -> None:
            super().__init__()
            self.choices = choices

        @property
        def control(self) -> "Choices":
            return self.choices

    BINDINGS: list[BindingType] = [  # priority: read as they come, in their turn with Tab (see above)
        Binding("right", "choose_next", "Next option", show=False, priority=True),
        Binding("left", "choose_previous", "Previous option", show=False, priority=True),
        Binding("down", "choose_below", "Option below", show=False, priority=True),
        Binding("up", "choose_above", "Option above", show=False, priority=True),
        Binding("enter", "enter", show=False, priority=True),
        # chooses the option under the bar, as RadioSet's toggle
        Binding("space", "space", show=False, priority=True),
    ]
    _entering = False  # Enter chose an option: ChoiceEntered follows its Changed
    _moved_to: RadioButton | None = None  # the option an arrow or Enter chose last (pressed_button follows later)

    def action_next_button(self) -> None:
        """RadioSet's mount handler calls this to put its cursor on the first option: here it goes on
        the chosen one (none chosen: nowhere), so the first arrow key moves from what is chosen, not
        from the top. It was put right only after the next refresh: until then the first option was
        on the band (an Enter then chose it, in a list opened with another one chosen, and a test
        looking at a list with nothing chosen saw it drawn as chosen). The keys never call it: the
        list's own bindings come first."""
        self._cursor_to_chosen()

    def action_previous_button(self) -> None:
        self._cursor_to_chosen()

    def _on_focus(self, _event) -> None:  # type: ignore[no-untyped-def]
        """The bar starts on the chosen option whenever the list gets the focus, so Enter and Space
        act on what the (*) shows."""
        self._cursor_to_chosen()

    @property
    def chosen(self) -> RadioButton | None:
        """The option chosen now: the one a key chose last, before its Changed is handled, else the pressed one."""
        moved = self._moved_to
        if moved is not None and moved.value and moved in self._nodes:
            return moved
        return self.pressed_button

    def _scroll_to_selected(self) -> None:
        """The option the arrows moved to into view, scrolling the page the list is in: RadioSet
        scrolled only itself (never scrollable, its height is its options'), and an option below the
        page's edge was chosen unseen (a 领取网点 list at 80x24, taller with its wrapped addresses).
        Only while the list has the focus: a list opening on a choice does not move the page."""
        if self._selected is not None and self.has_focus:
            self.call_after_refresh(self._nodes[self._selected].scroll_visible, animate=False)

    def _cursor_to_chosen(self) -> None:
        """The bar on the chosen option (the first one on, as RadioSet keeps it, before the set has
        taken its options in), nowhere when none is chosen."""
        pressed = self.chosen or next((b for b in self._nodes if isinstance(b, RadioButton) and b.value), None)
        self._selected = self._nodes.index(pressed) if pressed is not None and pressed in self._nodes else None

    def action_enter(self) -> None:
        if self.chosen is None:  # an arrow's choice just before counts (its Changed may come later)
            self.post_message(self.NothingChosen(self))
            return
        button = self._nodes[self._selected] if self._selected is not None else None
        if isinstance(button, RadioButton) and not button.value:
            self._entering = True  # ChoiceEntered is posted once the set has taken the choice in
            self._choose_now(button)
        else:
            self.post_message(ChoiceEntered(self))

    def action_space(self) -> None:
        """Space chooses the option under the bar; with nothing chosen yet, the first one, as the
        first arrow key does (it said how to choose, as Enter does, and chose nothing: a citizen who
        pressed Space on 学习方式, as on any radio button, was told to press the arrows instead).
        Enter keeps choosing nothing there: it is the key that moves on through a form."""
        if self.chosen is None:
            self._choose_towards(1)
        else:
            self.action_toggle_button()

    def _on_radio_set_changed(self, _event: RadioSet.Changed) -> None:
        """Runs as the set's own Changed is handled here, before it bubbles on: Entered, posted now,
        reaches the screen after it (RadioSet's handler for it runs too)."""
        if self._entering:
            self._entering = False
            self.post_message(ChoiceEntered(self))

    def action_choose_next(self) -> None:
        self._choose_towards(1)

    def action_choose_previous(self) -> None:
        self._choose_towards(-1)

    def action_choose_below(self) -> None:
        self._choose_towards(1, self._columns())

    def action_choose_above(self) -> None:
        self._choose_towards(-1, self._columns())

    def _columns(self) -> int:
        """Options side by side in a row: a grid's columns (新车选号's 50 numbers, 5 to a row), else 1."""
        if self.styles.layout is not None and self.styles.layout.name == "grid":
            return max(1, self.styles.grid_size_columns)
        return 1

    def _choose_towards(self, direction: "_widget_navigation.Direction", step: int = 1) -> None:
        """Choose the option next to the chosen one in ``direction``; nothing chosen yet: the first
        option, whichever the key. At either end the choice stays (no wrapping round). ``step`` > 1:
        Up and Down in a grid of that many columns, to the option above or below (none there: stays)."""
        pressed = self.pressed_button
        moved = self._moved_to  # chosen by the last arrow, its Changed not handled yet: keys in a burst
        if moved is not None and moved is not pressed and moved.value and moved in self._nodes:
            pressed = moved  # (Down Down Down chose the option below the first three times: tester)
        if pressed is None or pressed not in self._nodes:
            index = _widget_navigation.find_first_enabled(self._nodes)
        elif step > 1:
            here = self._nodes.index(pressed)
            there = here + direction * step
            index = there if 0 <= there < len(self._nodes) and not self._nodes[there].disabled else here
        else:
            here = self._nodes.index(pressed)
            index = _widget_navigation.find_next_enabled_no_wrap(self._nodes, anchor=here, direction=direction)
            if index is None:  # the end of the list
                index = here
        if index is None:
            return
        self._selected = index
        button = self._nodes[index]
        if isinstance(button, RadioButton) and button is not pressed:
            self._choose_now(button)

    def _choose_now(self, button: RadioButton) -> None:
        """``button`` chosen, and the option chosen before unchosen, now; RadioSet.Changed follows as for
        Enter. RadioSet did both only as the button's own Changed came in: in a burst (Down Down Up)
        the Up found the option it went back to still (*) and chose nothing, the list ending lower."""
        with self.prevent(RadioButton.Changed):  # the set's own handler would do it again, later
            for other in self._nodes:
                if other is not button and isinstance(other, RadioButton) and other.value:
                    other.value = False
            button.value = True
        self._pressed_button = button
        self._moved_to = button
        self.post_message(self.Changed(self, button))
