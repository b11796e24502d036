"""A plate number field a kiosk keyboard can fill (no Chinese input method there, and the number pad
has no letters): the province's abbreviation is chosen from a list beside the box, opening on the
kiosk's own province (渝), and the citizen types only the rest, upper-cased as typed, as the
交管12123 app asks for it. The field's value is the two joined (kiosk.domain.plate_entry):
渝 + A12345 is 渝A12345. A plate typed or pasted whole (渝A12345, where an input method exists) still
counts as typed: its abbreviation goes into the list, the rest stays in the box.

Keys: Tab goes from the list to the box (Shift+Tab back); Space or Up/Down on the list open it, the
arrows move in it and Enter chooses, and the focus goes on to the box, where the rest is typed.
Enter on the closed list moves on to the box with the abbreviation shown, as Enter moves on in every
other field of the form (and as 考试计划与安排's 选择考场 does); with none chosen it opens the list
(tester: Enter opened the list where every other field moved on). A letter or digit typed on the
closed list goes into the box. On the open list a Latin
letter moves the bar to the next abbreviation whose pinyin starts with it (渝, y: 豫, 云, 粤, 渝...;
kiosk.domain.plate_entry.next_by_initial): from 渝, 粤 was 22 Downs away. Each option shows its
letter (粤 Y) to say so, and a line under the field says the keys (``KEYS``: the letters were
not explained, tester); the closed list shows the abbreviation alone. A tap opens the list, a tap on
an abbreviation chooses it (the focus to the box as well). The list's arrow is ASCII (v), as every
Dropdown's: Textual's is East-Asian ambiguous width."""
from __future__ import annotations

from collections.abc import Callable

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Label
from textual.widgets._select import SelectOverlay

from ...domain.plate_entry import initial, join_plate, next_by_initial, split_plate
from ...domain.plates import PROVINCES
from .dropdown import Dropdown, DropdownCurrent, DropdownList
from .field import FormField, _LimitedInput
from .plain import ErrorLine, Plain

KEYS = "省份简称：按空格键打开列表，按拼音首字母跳转（如按Y在渝、豫、云、粤间跳转），按回车键选定。"


class ProvinceCurrent(DropdownCurrent):
    """The closed list: the abbreviation chosen alone (粤), without its option's letter (粤 Y)."""

    def update(self, label: object) -> None:
        text = getattr(label, "plain", label)  # a str as given; a Text or a Content should Textual make one
        super().update(text.split(" ", 1)[0] if isinstance(text, str) else label)  # type: ignore[arg-type]


class ProvinceOverlay(DropdownList):
    """The open list: a Latin letter typed moves the bar to the next abbreviation of that initial
    (Textual's type-to-search matched the typed text in the options' Chinese, finding nothing)."""

    def _on_key(self, event: events.Key) -> None:
        letter = event.character or ""
        if not (letter.isascii() and letter.isalpha() and len(letter) == 1):
            return
        event.stop()
        event.prevent_default()  # not Textual's search (SelectOverlay._on_key) as well
        options = self.parent._options if isinstance(self.parent, Dropdown) else []
        here = self.highlighted
        current = options[here][1] if here is not None and here < len(options) else ""
        found = next_by_initial(current if isinstance(current, str) else "", letter)
        index = next((i for i, (_, value) in enumerate(options) if found and value == found), None)
        if index is not None:
            self.select(index)

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return bool(character) and character.isascii() and character.isalpha()  # type: ignore[union-attr]


class ProvinceList(Dropdown[str]):
    """The list of the 31 abbreviations (京 ... 琼), each with its pinyin's initial (粤 Y)."""

    CURRENT = ProvinceCurrent
    LIST = ProvinceOverlay
    BINDINGS = [Binding("enter", "enter", show=False)]  # Space, Up and Down still open the list (Select's)

    class Chosen(Message):
        """An abbreviation was chosen in the open list (the same one again too), or Enter on the
        closed list kept the one shown: the box is next."""

    class Typed(Message):
        """A letter or digit typed on the closed list: it goes into the box."""

        def __init__(self, character: str) -> None:
            super().__init__()
            self.character = character

    def __init__(self, province: str, **kwargs: object) -> None:
        super().__init__([(f"{p} {initial(p)}", p) for p in PROVINCES], prompt="省份", allow_blank=not province,
                         value=province or Dropdown.NULL, **kwargs)  # type: ignore[arg-type]

    def action_enter(self) -> None:
        """Enter on the closed list: on to the box with the abbreviation shown; none chosen, the list opens."""
        if self.is_blank():
            self.action_show_overlay()
        else:
            self.post_message(self.Chosen())

    @on(SelectOverlay.UpdateSelection)
    def _chosen(self, _event: SelectOverlay.UpdateSelection) -> None:
        # Select's own handler runs after this one (it puts the focus back here): the box after it.
        self.call_after_refresh(self.post_message, self.Chosen())

    def _on_key(self, event: events.Key) -> None:
        if not self.expanded and event.character and event.character.isascii() and event.character.isalnum():
            event.stop()
            event.prevent_default()
            self.post_message(self.Typed(event.character))


class PlateField(FormField):
    """号牌号码: the list of abbreviations and the box of the rest on one line, the message under both, the keys (``KEYS``) under that."""

    DEFAULT_CSS = """
    PlateField { layout: grid; grid-size: 2; grid-columns: 12 1fr; grid-rows: auto; }
    PlateField > Label, PlateField > .field-error, PlateField > .hint { column-span: 2; }
    PlateField > ProvinceList { width: 12; }
    PlateField > Input { width: 1fr; max-width: 36; }  /* the two as wide as another field's box (48) */
    App.-narrow PlateField > ProvinceList { margin: 0 1 0 0; }
    """

    def __init__(self, name: str, label: str, *, province: str, value: str = "",
                 check: Callable[[str], str] | None = None, **kwargs: object) -> None:
        """``province``: the abbreviation the list opens on (the kiosk's own; "": none chosen).
        ``value``: a whole plate to fill in; ``check`` is asked of the plate joined."""
        self._home = province
        self._province, rest = split_plate(value, province)
        self._province_baseline = self._province
        # the box of the rest: letters typed upper case, full-width ones as ASCII, spaces dropped (FormField upper)
        super().__init__(name, label, value=rest, check=(lambda typed: check(self._joined(typed))) if check else None,
                         upper=True, **kwargs)  # type: ignore[arg-type]

    def compose(self) -> ComposeResult:
        yield Label(self._label)
        yield ProvinceList(self._province, id=f"province-{self.field_name}")
        yield _LimitedInput(value=self._value, placeholder=self._placeholder, max_length=self._max_length,
                            id=f"input-{self.field_name}")
        yield ErrorLine(classes="field-error")  # a message right under the plate, the keys under it
        yield Plain(KEYS, classes="hint")

    @property
    def provinces(self) -> ProvinceList:
        return self.query_one(ProvinceList)

    @property
    def province(self) -> str:
        chosen = self.provinces.value
        return chosen if isinstance(chosen, str) else ""

    def _joined(self, rest: str) -> str:
        return join_plate(self.province, rest)

    @property
    def value(self) -> str:
        """The plate: the abbreviation chosen and the rest typed, or the rest when typed whole."""
        return self._joined(self.input.value)

    @value.setter
    def value(self, text: str) -> None:
        province, rest = split_plate(text, self._home)
        self._set_province(province)
        self._province_baseline = province
        FormField.value.fset(self, rest)  # type: ignore[attr-defined]

    def _set_province(self, province: str) -> None:
        self.provinces.value = province or Dropdown.NULL

    @property
    def edited(self) -> bool:
        return super().edited or self.province != self._province_baseline

    def settle(self) -> None:
        super().settle()
        self._province_baseline = self.province

    def on_input_changed(self, event: _LimitedInput.Changed) -> None:
        """A plate typed or pasted whole: its abbreviation goes into the list, the rest stays here.
        (FormField's own handler runs after this one: Textual calls each class's.)"""
        text = self.input.value
        if event.value == text and text[:1] in PROVINCES and text[:1]:
            province, rest = split_plate(text, self._home)
            self._set_province(province)
            self.input.value = rest
            self.input.cursor_position = len(rest)

    def on_province_list_chosen(self, event: ProvinceList.Chosen) -> None:
        event.stop()
        self.input.focus()

    def on_province_list_typed(self, event: ProvinceList.Typed) -> None:
        event.stop()
        self.input.focus()
        self.input.insert_text_at_cursor(event.character)

    def on_select_changed(self, event: ProvinceList.Changed) -> None:
        """Another abbreviation chosen: a message about the plate as it was goes (as when it is edited)."""
        event.stop()
        if self.said and self._limit_at is None:
            self.set_error("", scroll=False)
