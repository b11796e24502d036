"""How the form of the generic application flow (kiosk.ui.screens.flow, 填写信息) follows what the
citizen does in it: a choice fills in the fields the service gives for it and shows or hides the
fields that depend on it, Enter on a choice or a box moves on, Tab goes in the form's order, and
``_form`` says what the form holds. Field by field, the form is flow_fields'."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.widget import Widget
from textual.widgets import Button, RadioSet, Static

from ..widgets.choice import ChoiceEntered, Choices, Tick, nothing_chosen
from ..widgets.field import FormField, next_control
from ..widgets.in_view import keep_focus_in_view
from ..widgets.keypad_box import follow_keypad
from . import flow_fields

if TYPE_CHECKING:
    from ...services import applications as apps
    from ..base import KioskScreen

    _Base = KioskScreen
else:
    _Base = object


class FormFollowing(_Base):
    """The form's choices, boxes and Tab order, of ApplicationFlowScreen (mixed into it first: the
    same screen; its handlers and focus_next are the screen's own)."""

    prepared: apps.Prepared | None
    _prefilled: dict[str, str]  # field -> the value the last choice filled it with
    _field_problem: Callable[[str, str, bool], str]  # ApplicationFlowScreen's: what a field's value alone earns

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """Choosing another item (e.g. a vehicle) fills in the fields and intro the service gives for it;
        the line under the choice says what the service says of the item (else it is cleared) and
        查看网办进度 follows it (``_follow_pending``)."""
        if self.prepared is None or event.pressed.name is None:
            return
        name = (event.radio_set.id or "").removeprefix("choice-")
        said = flow_fields.said(self.prepared, name, event.pressed.name)
        for note in self.query(f"#error-{name}").results(Static):
            note.update(said)
        box = event.radio_set.parent  # the list with its line under it: in view (80x24)
        if said and box is not None:
            self.call_after_refresh(box.scroll_visible)
        self._follow_pending(name, event.pressed.name)
        self._drop_stale_messages()
        self.call_after_refresh(self._show_wanted)  # once every radio set knows its choice
        prefill = self.prepared.context.get("prefill")
        if isinstance(prefill, dict) and event.pressed.name in prefill:
            self._refill(prefill[event.pressed.name])
        intros = self.prepared.context.get("intros")
        if isinstance(intros, dict) and event.pressed.name in intros:
            self.query_one("#intro", Static).update(intros[event.pressed.name])

    def _drop_stale_messages(self) -> None:
        """A text field's message said of the form as it was (下一步's rule over several fields: the
        vehicle's record, an invoice's) goes with another choice; one its value earns alone (a phone
        number's length, 请输入联系地址 under an empty one) stays, and so does the length limit's. 变更机动车联系方式: 新的联系方式与原登记信息
        相同，无需变更 stayed under 新手机号码 after the other vehicle was chosen, the intro and the address
        the new one's (tester)."""
        if self.prepared is None:
            return
        for f in self.query_one("#fields").query(FormField):
            if not f.said or getattr(f, "_limit_at", None) == f.value:
                continue
            alone = self._field_problem(f.field_name, f.value, True)
            if alone != f.said:
                f.set_error(alone, scroll=False)

    def _refill(self, values: dict[str, str]) -> None:
        """Fill in what the new choice gives, but only in a field the citizen has not changed (it
        still holds what the previous choice filled in): what was typed is kept."""
        for f in self.query_one("#fields").query(FormField):
            if f.field_name in values:
                if f.value == self._prefilled.get(f.field_name, ""):
                    f.value = values[f.field_name]
                self._prefilled[f.field_name] = values[f.field_name]

    def on_checkbox_changed(self, event: Tick.Changed) -> None:
        """A box ticked answers its 请阅读...并勾选 (unticked, the message stays: a double-tap ticked
        and unticked 我已阅读并同意, took the message away, and the box looked done: tester)."""
        if not event.checkbox.value:  # as it is now: a tick taken back before this came says nothing
            return
        for note in self.query(f"#error-{(event.checkbox.id or '').removeprefix('agree-')}").results(Static):
            note.update("")

    def on_choices_nothing_chosen(self, event: Choices.NothingChosen) -> None:
        """Enter on a list with nothing chosen: it stays focused, and the line under it says how to
        choose, naming the list (the line is cleared when an option is chosen, as after a refusal)."""
        name = (event.control.id or "").removeprefix("choice-")
        fields = self.prepared.fields if self.prepared is not None else []
        label = next((spec.label for spec in fields if spec.name == name), "")  # 请选择业务类型：...
        for note in self.query(f"#error-{name}").results(Static):
            note.update(nothing_chosen(label))
        box = event.control.parent  # the list with its line under it
        if box is not None:
            self.call_after_refresh(box.scroll_visible)

    def on_choice_entered(self, event: ChoiceEntered) -> None:
        """Enter on a choice list (it chose the option) or a box (it ticked it) moves on as Enter
        in a text field does: to the next field, choice or box shown, or 下一步 after the last.
        After the refresh, once a field the choice shows or hides (show_if) has followed it.
        A box is never a press of 下一步: after the last one the focus only goes to 下一步, so the
        citizen sees [X] before going on (the tick and 请核对以下信息 came with one Enter).
        A choice the service refuses (its note under the list, ``flow_fields.said``) keeps the focus, as a
        text field's wrong value does; Tab still moves on: 渝AD12345's 交强险已到期 was said and the focus
        went on to 转入地（省）, the citizen filling in a form that could not be sent (tester)."""
        self.call_after_refresh(self._move_on, event.control)

    def _move_on(self, control: Widget) -> None:
        if not self.is_attached or self.focused is not control or self._refused_choice(control):
            return
        following = next_control(self.query_one("#fields"), control)
        if following is not None:
            following.focus()
        elif isinstance(control, Tick):
            self.query_one("#next", Button).focus()
        else:
            self.query_one("#next", Button).press()

    def _refused_choice(self, control: Widget) -> bool:
        """Whether ``control`` is a choice list whose chosen option the service refuses: its note is
        said again under it, in view."""
        if self.prepared is None or not isinstance(control, Choices) or control.chosen is None:
            return False
        name = (control.id or "").removeprefix("choice-")
        said = flow_fields.said(self.prepared, name, control.chosen.name or "")
        if not said:
            return False
        for note in self.query(f"#error-{name}").results(Static):
            note.update(said)
        if control.parent is not None:
            control.parent.scroll_visible()
        return True

    def focus_next(self, selector="*"):  # type: ignore[no-untyped-def]
        """Tab, read as it comes (kiosk.ui.bindings), goes on in the form's order among the fields the
        choices just made show (Down to 自编自选, Tab: to 【返回】, or into 随机选号's set shown still: tester)."""
        return self._tab(1) or super().focus_next(selector)

    def focus_previous(self, selector="*"):  # type: ignore[no-untyped-def]
        return self._tab(-1) or super().focus_previous(selector)

    def _tab(self, direction: int) -> Widget | None:
        """The focus moved at once from a field of the form (flow_fields.tab_target), or None."""
        if self.prepared is None or not self.query_one("#step-form").display or self.focused is None:
            return None
        self._show_wanted()
        target = flow_fields.tab_target(self.query_one("#fields"), self.query("#step-form .buttons Button"),
                                        self.focused, direction)
        if target is not None:
            self.set_focus(target)  # its scroll comes before a box just shown is laid out: again after
            self.call_after_refresh(keep_focus_in_view, self)  # (80x24: the random set stayed below the edge)
        return target

    def _show_wanted(self) -> None:
        """A field shown only for some choices (``FieldSpec.show_if``) follows what is chosen now;
        what it holds is kept while it is hidden."""
        assert self.prepared is not None
        # A radio set just mounted may not know its chosen button yet: that is the initial value.
        form = {k: v or self.prepared.initial.get(k, "") for k, v in self._form(everything=True).items()}
        for spec in self.prepared.fields:
            if spec.show_if:
                self.query_one(f"#box-{spec.name}, #field-{spec.name}").display = flow_fields.shown(
                    spec, self.prepared, form)
        follow_keypad(self)  # 身体条件证明编号 shown or hidden with 期满换证

    def _form(self, everything: bool = False) -> dict[str, str]:
        """What the form holds; only the fields on view unless ``everything``."""
        form = {f.field_name: f.value for f in self.query_one("#fields").query(FormField)}
        for radio in self.query(RadioSet):  # a choice just made, its Changed still to come, counts
            pressed = radio.chosen if isinstance(radio, Choices) else radio.pressed_button
            form[(radio.id or "").removeprefix("choice-")] = (pressed.name or "") if pressed else ""
        for tick in self.query_one("#fields").query(Tick):
            form[(tick.id or "").removeprefix("agree-")] = "1" if tick.value else ""
        if everything or self.prepared is None:
            return form
        hidden = [spec.name for spec in self.prepared.fields if not flow_fields.wanted(spec, form)]
        return {name: value for name, value in form.items() if name not in hidden}
