"""A labelled input with its error message right beneath it (a row only while there is one). What
Enter does in it is field_enter's (FieldEnter)."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable

from rich.cells import get_character_cell_size
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Region
from textual.widgets import Input, Label, Static
from textual.widgets.input import Selection

from ...domain.ids import phone_typed
from ...domain.typed import compact
# next_control is named here too (screens: kiosk.ui.widgets.field.next_control)
from .field_enter import FieldEnter, next_control
from .in_view import bring_into_view
from .plain import ErrorLine

__all__ = ["FormField", "next_control"]


class _LimitedInput(Input):
    """An Input that says so next to the field when its length limit refuses what was typed or
    pasted (Textual refuses a paste that would go over it whole, and only rings the bell).

    A password (or PIN) is masked with ASCII ``*``, one column per character: Textual's mask •
    is East-Asian ambiguous width, drawn two columns wide by terminals set up for Chinese, so it
    ran past the field and the cursor stood inside it. Textual 8.2.8 draws the mask in ``_value``
    and places the cursor (and a click) by the width of the characters typed, which the mask
    does not have for a full-width １２３ typed by an input method: all three follow the mask."""

    MASK = "*"

    def __init__(self, **kwargs: object) -> None:
        kwargs["select_on_focus"] = False  # the field's own (FormField.holds_default, _on_focus)
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def _on_focus(self, event: events.Focus) -> None:
        """The cursor at the end, nothing selected, when the focus comes in (Tab, or a message
        sending it back to a wrong field): Textual selected the whole value, and one Backspace
        then erased an 18-digit ID number to correct its last digit. (Input's own handler runs
        after this one and, with select_on_focus off, leaves the selection be; a click then puts
        the cursor where it clicked.) A selection the screen made as it moved the focus here stays:
        the counter's 成绩录入 selects the last candidate's ID number, for the next one to replace.
        A field made with ``select_on_focus`` that still holds the value filled in for the user
        (``FormField.holds_default``) has it all selected, for what is typed to replace it; once the
        user typed in it, not: the pad's tap that moved the focus here has typed before the focus
        came, and its digit selected would be replaced by the next key typed."""
        if event.from_app_focus:
            return
        field = self.parent
        if isinstance(field, FormField) and field.holds_default:
            self.selection = Selection(0, len(self.value))
        elif self.selection.is_empty:
            self.selection = Selection.cursor(len(self.value))
        self.call_later(self._cursor_in_view)

    def _on_blur(self, event: events.Blur) -> None:
        """A field left shows its text from the beginning, as a paper form would: Textual kept it scrolled
        to where the cursor was, and 具体说明 typed to its 60 characters showed only its end (tester).
        Not when the whole app lost the focus (the terminal window): the field still has it."""
        if self.screen.focused is not self:  # (has_focus goes in Widget's handler, after this one)
            self.scroll_to(x=0, animate=False, force=True, immediate=True)

    def _cursor_in_view(self) -> None:
        """The cursor's place in view again once the focus came back (Tab: the end of a long text). Called
        after the focus came, not in _on_focus: a tap's MouseDown, queued behind the Focus, places the
        cursor by the text shown from its beginning, where the citizen tapped."""
        if self.is_attached and self.screen.focused is self:
            self.scroll_to_region(Region(self._cursor_offset, 0, 1, 1), force=True, animate=False, immediate=True)

    def validate_scroll_x(self, value: float) -> float:
        """A field without the focus is shown from its beginning (_on_blur), whatever scrolls it: a value the
        screen writes in moves the cursor, and Textual scrolled to it. Focused, never half a wide character
        at the left edge: Textual scrolls by cells, and a Chinese text scrolled to an odd cell showed the cut
        character as a blank (「 要长期在外地...」); one cell further shows the next one whole (the end's
        cursor cell still in view, one past Textual's widest scroll)."""
        if self.is_attached and self.screen.focused is not self:
            return 0
        x = round(super().validate_scroll_x(value))
        cells = 0
        for char in self._value.plain:
            if cells >= x:
                break
            cells += get_character_cell_size(char)
        return x + 1 if cells == x + 1 else x

    async def _on_key(self, event: events.Key) -> None:
        """The Input's own editing keys (Backspace, Delete, the arrows, Home, End, Enter) are done
        here, in their turn with the characters typed. Textual runs them as bindings only once the
        key has bubbled back up to the app, a queue per widget on the way, while the characters
        typed after it are inserted at once: keys arriving in one burst (Backspace x10 then
        2026-12-07, from a fast typist, a card reader or tmux) left 202 in 开始日期, the Backspaces
        erasing what was typed after them. Only this Input's bindings: Textual would have run the
        same one first (its chain starts at the focused widget); the app's priority bindings ran
        before the key came here, and any other key still bubbles up as before. (Textual calls
        Input._on_key after this one unless the default is prevented: a character is typed there.)"""
        if event.is_printable:
            return
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()
                self._restart_blink()
                return

    def _on_paste(self, event: events.Paste) -> None:
        """The whole of a pasted text goes to ``replace``, which makes its line breaks spaces: Textual
        kept only the first line, and 重庆市渝中区<line break>2楼 lost 2楼 unseen (tester)."""
        if event.text:
            self.replace(event.text, *sorted(self.selection))
        event.stop()
        event.prevent_default()

    def replace(self, text: str, start: int, end: int) -> None:
        """In a field of digits (an ID number, phone, code, PIN) spaces typed or pasted are dropped
        before the length limit counts them: a pasted ' 500103199901301657' lost its last digit to
        the leading space (最多可输入18位, then 身份证号码应为18位，您输入了17位); in a phone field
        hyphens too, its full-width digits as ASCII (phone_typed), and anything else but digits refused as in
        an SMS code's (手机号码只能输入数字: the pad's X and a letter went in, refused only at 下一步). In every field control
        and format characters (Tab, ESC, a right-to-left mark) are dropped as they are pasted, as a
        BEL typed already is: 重庆市渝中区解放碑<Tab>民族路100号 showed the Tab as spaces while the
        confirmation and the record (normalize_text) kept none. A line break (a pasted text of several
        lines) is a space, as normalize_text reads it, and none at the end of the text. A field of
        ``only_digits`` (an SMS code) takes full-width digits as ASCII and refuses a text with anything
        but digits, said under it: 证码 typed by an input method went in as two of the code's 6 (tester)."""
        field = self.parent
        if isinstance(field, FormField) and text and field.holds_default:
            start, end = 0, len(self.value)  # the first digit typed or tapped replaces a default, wherever the cursor
        before = self.value
        accepted = self._edit(field, text, start, end)
        if isinstance(field, FormField) and accepted and (text or self.value != before):
            field.typed_in()  # 2 typed over the default 2 too: the next digit goes after it
        if isinstance(field, FormField) and accepted:
            field.edit_taken()

    def _edit(self, field: object, text: str, start: int, end: int) -> bool:
        """Whether it was not refused (what is left to Input.replace may still be, by the length limit)."""
        if text:
            text = "".join(ch for ch in " ".join(text.splitlines()) if unicodedata.category(ch)[0] != "C")
            if isinstance(field, FormField) and (field.phone or field.only_digits):
                # １３８ 0000-1111 as 13800001111 (the limit counts digits), a code's ０-９ as 0-9
                text = phone_typed(text) if field.phone else compact(text)
                if not (text.isascii() and text.isdigit()) and text:
                    field.refused(self.value, "手机号码只能输入数字" if field.phone else f"{field._label}只能输入数字",
                                  non_digit=True)
                    return False
            elif isinstance(field, FormField) and field.digits:
                text = "".join(text.split())
            if isinstance(field, FormField) and field.upper:
                text = compact(text).upper()
            if not text and start == end:
                return False
        lo, hi = sorted((max(0, start), min(len(self.value), end)))
        self._attempt = f"{self.value[:lo]}{text}{self.value[hi:]}"  # what the length limit may refuse
        super().replace(text, start, end)
        return True

    def restricted(self) -> None:
        field = self.parent
        if isinstance(field, FormField) and self.max_length:
            field.limit_reached(self.value, getattr(self, "_attempt", ""))

    @property
    def _value(self) -> Text:
        if self.password:
            return Text(self.MASK * len(self.value), no_wrap=True, overflow="ignore", end="")
        return super()._value

    def _position_to_cell(self, position: int) -> int:
        return position if self.password else super()._position_to_cell(position)

    def _cell_offset_to_index(self, offset: int) -> int:
        if self.password:
            return max(0, min(offset + self.scroll_offset.x, len(self.value)))
        return super()._cell_offset_to_index(offset)


class FormField(FieldEnter, Vertical):
    DEFAULT_CSS = """
    FormField { height: auto; margin: 0 0 1 0; }
    FormField > Label { color: $text; text-style: bold; }
    FormField > Input { width: 100%; max-width: 48; }
    FormField.-long > Input { max-width: 100%; }  /* an address: as wide as the form (flow_fields) */
    FormField > .field-error { color: $error; height: auto; }
    """

    def __init__(self, name: str, label: str, *, placeholder: str = "", value: str = "",
                 max_length: int = 100, password: bool = False, id: str | None = None,
                 enter_presses: str | None = None, enter_focuses: str | None = None,
                 enter_moves_on: bool = False, digits: bool = False, select_on_focus: bool = False,
                 phone: bool = False, only_digits: bool = False, upper: bool = False, id_number: bool = False,
                 check: Callable[[str], str] | None = None,
                 too_long: Callable[[str], str] | None = None) -> None:
        """``enter_presses``: the id of the screen's button that Enter in this field presses (as at
        sign-in, where Enter after the code signs in); ``enter_focuses``: the name of the field
        Enter moves on to (a form filled in from top to bottom, 姓名 then 身份证号码);
        ``enter_moves_on``: Enter moves on to the next field, choice or box shown in the same form
        (this field's container), and presses ``enter_presses`` only in the last one: a citizen who
        types the phone number and presses Enter goes on to the address, not past it.
        ``digits``: the field holds a number counted in 位 (a code, PIN, phone or ID number), so its
        length limit says 最多可输入6位 rather than 6个字. ``select_on_focus``: a value filled in for the
        user (a default: 现场教育天数 2, 有效天数 30) is replaced by the first digit typed or tapped on the
        number pad, wherever the cursor is, and is selected when the focus comes in (a 0 filled in: 99
        typed gave 099; the pad's 1 made 现场教育天数 21, tester); once the user has typed in it, no longer
        (``holds_default``), until the screen fills in another value.
        ``phone``: a field of digits for a phone number, where hyphens are dropped as spaces are
        and full-width digits typed are kept as ASCII (phone_typed), other characters refused as in
        ``only_digits`` (手机号码只能输入数字: the label may say more, 新手机号码（不更换请留空）). ``only_digits``: a field of digits
        that holds nothing else (an SMS code): full-width digits are kept as ASCII, other characters
        typed or pasted are refused and said under it. ``upper``: letters typed upper case, full-width
        ones as ASCII, spaces dropped (a plate number, a VIN: 自编号牌号码 typed d12345 stayed so, tester).
        ``id_number``: a field of digits for an ID number, whose last character may be X: the number
        pad (kiosk.ui.widgets.keypad) has its X key only while it types into such a field.
        ``check``: what is wrong with a value on its own ('' when nothing), asked as Enter would move
        the focus on to another field: a wrong value is said under this one and the focus stays
        (1234 in 新手机号码 went on to 联系地址, and the next digits typed went into the address).
        An empty field moves on: what is required is said by the screen's 下一步 or 提交.
        ``too_long``: what the length limit says, asked with the text it refused (the value as it would
        have been), instead of 最多可输入12个字 ('' keeps that): a date field's format, 请按 2026-11-28 的格式
        输入体检日期 (TJ2026112000123 typed in a date field was told its length, not what to type: tester)."""
        super().__init__(id=id or f"field-{name}")
        self.field_name = name
        self._label, self._placeholder, self._value = label, placeholder, value
        self._max_length, self._password = max_length, password
        self._enter_presses, self._enter_focuses = enter_presses, enter_focuses
        self._enter_moves_on = enter_moves_on
        self._check, self._too_long = check, too_long
        self._limit_said = ""  # what the length limit said last (limit_reached)
        self.digits, self.phone, self.only_digits = digits or phone or only_digits or id_number, phone, only_digits
        self.id_number = id_number
        self.upper = upper
        self._select_on_focus = select_on_focus
        self._typed = False  # the user edited the value since the screen last gave it (holds_default)
        self._set_here: str | None = None  # a value the screen set itself (see on_input_changed)
        self._limit_at: str | None = None  # the value the length limit refused more at (limit_reached)
        self._limit_held = False  # an Enter after that refusal has been held (on_input_submitted)
        self._baseline = value  # the value the screen last gave the field: anything else was typed
        self._said = ""  # the message under the field now (set_error)
        self._non_digit_said = False  # that message is 只能输入数字 (refused)

    def compose(self) -> ComposeResult:
        yield Label(self._label)
        yield _LimitedInput(value=self._value, placeholder=self._placeholder, max_length=self._max_length,
                            password=self._password, id=f"input-{self.field_name}")
        yield ErrorLine(classes="field-error")

    def on_input_changed(self, event: Input.Changed) -> None:
        """The user is correcting the value: the message about the old one goes. A value the
        screen sets itself (``value = ...``, e.g. emptying a wrong PIN) keeps its message, and so
        does the value the length limit was reached at. Only the Changed of the value the field
        holds now counts: typed fast (8 digits into the 6-digit code field), the Changed of the
        first six digits are handled after the seventh and eighth were refused, and they took
        最多可输入6位 away the moment it was said."""
        if event.value == self._set_here:
            self._set_here = None
            return
        self._set_here = None
        if event.value != self.input.value or event.value == self._limit_at:
            return
        self._limit_at = None
        self.set_error("")

    def limit_reached(self, value: str, attempt: str = "") -> None:
        """The length limit refused what was typed or pasted after ``value`` (which would have made
        ``attempt``): say so until the next edit, by ``too_long`` if the field has it."""
        self._limit_said = (self._too_long(attempt) if self._too_long is not None else "") or ""
        self.refused(value, self._limit_text)

    def refused(self, value: str, message: str, non_digit: bool = False) -> None:
        """What was typed or pasted after ``value`` was refused: ``message`` under the field until the next
        edit. ``non_digit``: refused as not a digit (只能输入数字), which goes with the next edit taken
        (_LimitedInput.replace) even when that leaves the value as it was."""
        self._limit_at, self._limit_held = value, False
        self.set_error(message)
        self._non_digit_said = non_digit

    def edit_taken(self) -> None:
        """An edit was taken (_LimitedInput.replace): 只能输入数字 goes, which Changed alone missed (the
        2 tapped over the default 2 changed nothing; 3 then Backspace came back to the value it was
        said at). Other messages go as the value changes (on_input_changed)."""
        if self._non_digit_said:
            self._limit_at = None
            self.set_error("", scroll=False)

    @property
    def _limit_text(self) -> str:
        """What the length limit said last: ``too_long``'s message, or the limit itself."""
        if self._limit_said:
            return self._limit_said
        return f"最多可输入{self._max_length}{'位' if self.digits else '个字'}，超出部分未输入"

    def on_click(self, event: events.Click) -> None:
        """A tap on the field's label (机动车所有人姓名（名称）) puts the focus in its box, the cursor
        after what it holds, as Tab does: a touch user tapped the label and typed into nothing (tester)."""
        if isinstance(event.widget, Label) and event.widget.parent is self and not self.input.disabled:
            self.input.focus()
            self.input.cursor_position = len(self.input.value)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def value(self) -> str:
        return self.input.value

    @value.setter
    def value(self, text: str) -> None:
        self._baseline = text
        if text != self.input.value:
            self._typed = False  # a value filled in anew: a default again
            self._set_here = text
            self.input.value = text
            # the cursor after what the screen wrote, as after what is typed: 20261206 written back as
            # 2026-12-06 left it before 06, where Backspace took the 「-」 and typing went in between
            self.input.cursor_position = len(text)

    @property
    def holds_default(self) -> bool:
        """A field made with ``select_on_focus`` holding a value the screen filled in, not yet edited:
        the first digit typed or tapped replaces it."""
        return self._select_on_focus and not self._typed and bool(self.input.value)

    def typed_in(self) -> None:
        """The user edited the value (_LimitedInput.replace): it is no longer a default."""
        self._typed = True

    @property
    def said(self) -> str:
        """The message under the field now ('' when none)."""
        return self._said

    @property
    def edited(self) -> bool:
        """The user typed something the screen has not taken (saved) yet; see ``settle``."""
        return self.input.value != self._baseline

    def settle(self) -> None:
        """What is in the field now has been saved: leaving no longer drops anything typed."""
        self._baseline = self.input.value

    def set_error(self, message: str, scroll: bool = True) -> None:
        """``scroll``: bring the whole field with its message into view (a long one under a low
        field ran off the screen), and the row of buttons right under it when both fit (the message
        takes a row of its own only now: it pushed 预约 under the SMS code field off the page at
        80x24); not for the second and later of a form's several messages."""
        self._said, self._non_digit_said = message, False
        self.query_one(".field-error", Static).update(message)
        if message and scroll:
            self.call_after_refresh(bring_into_view, self)

    def focus_input(self) -> None:
        self.input.focus()
