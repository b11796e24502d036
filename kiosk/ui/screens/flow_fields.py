"""The fields of the generic application flow's form (kiosk.ui.screens.flow), built from the
service's FieldSpecs, and what the flow reads in ``Prepared.context`` about a choice."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Label

from ...services import applications as apps
from ...services.date_examples import is_date
from ..focus import shown as on_view
from ..widgets.choice import Choice, Choices, Tick
from ..widgets.field import FormField
from ..widgets.field_enter import CONTROLS
from ..widgets.plate_field import PlateField
from ..widgets.plain import ErrorLine, Plain, plain


LONG_TEXT = 100  # a text field that may hold this many characters (an address) takes the form's width


def build(spec: apps.FieldSpec, prepared: apps.Prepared, check: Callable[[str, str], str] | None = None) -> Widget:
    """The widget of one field, holding its initial value, shown only while ``show_if`` holds.
    ``check(name, value)``: what is wrong with a text field's value on its own, said as Enter leaves it."""
    if spec.kind == "choice":
        options = prepared.choices.get(spec.name, [])
        chosen = prepared.initial.get(spec.name)
        field: Widget = Vertical(Label(spec.label, classes="choice-label"),
                                 Choices(*(Choice(plain(label), value=value == chosen, name=value)
                                           for label, value in options), id=f"choice-{spec.name}"),
                                 ErrorLine(said(prepared, spec.name, chosen or ""), id=f"error-{spec.name}",
                                           classes="field-error"), id=f"box-{spec.name}", classes="field-box")
    elif spec.kind == "plate":  # the province chosen, the rest typed (no input method at a kiosk)
        field = PlateField(spec.name, spec.label, province=str(prepared.context.get("home_province", "")),
                           placeholder=spec.placeholder, value=prepared.initial.get(spec.name, ""),
                           max_length=spec.max_len, enter_presses="next", enter_moves_on=True,
                           check=partial(check, spec.name) if check is not None else None)
    elif spec.kind == "agree":  # a text to read, then a box to tick
        field = Vertical(Plain(spec.note), Tick(plain(spec.label), id=f"agree-{spec.name}", enter_moves_on=True),
                         ErrorLine(id=f"error-{spec.name}", classes="field-error"), id=f"box-{spec.name}",
                         classes="field-box -agree")
    else:
        field = FormField(spec.name, spec.label, placeholder=spec.placeholder,
                          value=prepared.initial.get(spec.name, ""), max_length=spec.max_len,
                          # a phone number's, a code's or a number's limit counts 位, spaces typed are dropped,
                          # and the number pad shows beside it (keypad.digit_fields)
                          # (a phone's hyphens too: 138 0000-1111 fits its 11 digits)
                          # a number and a phone hold nothing but digits: the pad's X or a letter is refused under it
                          digits=spec.kind == "code", only_digits=spec.kind == "number", phone=spec.kind == "phone",
                          # a number filled in (有效天数 30) is replaced by the first digit typed or tapped: not 301
                          select_on_focus=spec.kind == "number", upper=spec.upper,
                          enter_presses="next", enter_moves_on=True,  # the last one: as 下一步
                          check=partial(check, spec.name) if check is not None else None,
                          # a date typed too long is told the date's format (the service's words), not 最多可输入12个字
                          too_long=partial(check, spec.name) if check is not None and is_date(prepared, spec.name)
                          else None)
        if spec.kind == "text" and spec.max_len >= LONG_TEXT:
            # an address of up to 100 characters: 48 columns showed 23 of them, a longer one scrolled
            # past its start and looked cut (tester); as wide as the form, 40 or so at 120x40
            field.add_class("-long")
    field.display = shown(spec, prepared, prepared.initial)
    return field


def wanted(spec: apps.FieldSpec, values: dict[str, str]) -> bool:
    """Whether ``spec`` is shown (and sent) while the choice fields hold ``values``."""
    return all(values.get(name) == value for name, value in spec.show_if)


def shown(spec: apps.FieldSpec, prepared: apps.Prepared, values: dict[str, str]) -> bool:
    """Whether ``spec`` is on view: wanted, and no choice it follows is one the service refuses
    (``said``): 期满换证 years early is said alone, without the 身体条件证明 fields it would need
    (tester: they invited filling in a form that could not be sent)."""
    return wanted(spec, values) and not any(said(prepared, name, value) for name, value in spec.show_if)


def said(prepared: apps.Prepared, name: str, value: str) -> str:
    """What the line under the choice ``name`` says while ``value`` is chosen: the refusal the
    service gives for it (context ``notes``: field -> value -> text, e.g. 期满换证 not yet open),
    said at once rather than after the rest is typed and 下一步 pressed; else nothing."""
    return str(_of(prepared, "notes", name).get(value, ""))


def pending(prepared: apps.Prepared, name: str, value: str) -> str | None:
    """The 业务流水号 of an application still 受理中 for ``value`` of the choice ``name`` (context
    ``pending``: field -> value -> 业务流水号, e.g. a vehicle whose 行驶证 is being made); '' for a
    value with none; None when the service says nothing of pending applications for that choice."""
    if name not in (prepared.context.get("pending") or {}):
        return None
    return str(_of(prepared, "pending", name).get(value, ""))


def _of(prepared: apps.Prepared, key: str, name: str) -> dict:
    by_field = prepared.context.get(key)
    found = by_field.get(name) if isinstance(by_field, dict) else None
    return found if isinstance(found, dict) else {}


def tab_target(form: Widget, buttons, focused: Widget, direction: int) -> Widget | None:  # type: ignore[no-untyped-def]
    """Where Tab (``direction`` 1) or Shift+Tab (-1) goes from ``focused`` in the ``form``: the next
    field, choice or box on view in the form's order, after the last the first of ``buttons`` on view
    (【返回】); None from outside the form or before its first field (Textual's order then, which
    follows where each widget was last drawn: a box just shown, not drawn yet, came first)."""
    controls = [c for c in form.query(CONTROLS) if on_view(c)]
    if focused not in controls:
        return None
    here = controls.index(focused) + direction
    if 0 <= here < len(controls):
        return controls[here]
    after = [b for b in buttons if on_view(b) and b.focusable] if here > 0 else []
    return after[0] if after else None
