"""修改初始密码 (kiosk.ui.screens.staff_password): 新密码 checked as the clerk leaves it (Tab, Enter, a
tap on 确认新密码 or a button), by the service's own rules for that field alone
(staff_password.new_password_refusal: too weak at once, the password the admin set after a read off
the UI thread). A refused one goes (typed again into a masked field, it was appended to the refused
one), its message beside it and the focus kept in it: it was refused only by 确认修改, after
确认新密码 had been typed for it (tester). The keys typed meanwhile wait for the answer
(kiosk.ui.key_order) and are dropped with a refused 新密码, but Escape: 确认新密码 typed on at once
after Tab would otherwise go into 确认新密码, or into 新密码 after the refused one. Enter in 新密码 is
the screen's (a priority binding: ``action_enter_new_password``), so the keys typed after it are held
from then on: as the field's own Enter (Input.Submitted) they went into 新密码 while it was checked,
确认新密码 typed on at once appended to it (tester)."""
from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.actions import SkipAction
from textual.widget import Widget
from textual.widgets import Input

from ...services import staff_password
from ..key_order import keys_ready
from ..widgets.field import FormField

if TYPE_CHECKING:
    from ..base import KioskScreen

    _Base = KioskScreen
else:
    _Base = object


class NewPasswordCheck(_Base):
    _accepted: str | None = None  # the 新密码 the service last found nothing wrong with
    _holding = False  # the keys typed are held here (typed_ahead) until the answer
    typed_ahead: list | None = None  # kiosk.ui.key_order

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        """The focus moved from 新密码 to another control of this screen: checked once the keys typed
        before the move are in it (Tab is the app's and moves the focus at once, while the field
        still has those keys to read), the keys typed after it held meanwhile. Not for the focus
        going nowhere (the terminal's window left)."""
        left = self.focused
        super().set_focus(widget, scroll_visible, from_app_focus)
        new = self._new_input()
        if left is new and widget not in (None, new) and self.focused is widget and self.app.screen is self:
            self._hold_keys()
            new.call_later(self._check_new, False)

    def action_enter_new_password(self) -> None:
        """Enter (the screen's priority binding), read before the keys typed after it: in 新密码, those
        keys are held and 新密码 checked once the keys typed before Enter are in it, then on to
        确认新密码 (``_check_new``); elsewhere Enter does what it does there."""
        new = self._new_input()
        if self.focused is not new:
            raise SkipAction()
        self._hold_keys()
        new.call_later(self._check_new, True)

    def _new_input(self) -> Input:
        return self.query_one("#input-new_password", Input)

    def _check_new(self, move_on: bool) -> None:
        """``move_on`` (Enter): on to 确认新密码 once accepted, and an empty 新密码 is said (请输入新密码);
        left for another control, an empty one is not (a tap on 返回)."""
        value, staff = self._new_input().value, self.kiosk.staff
        if not value and not move_on:
            self._release(replay=True)
        elif problem := staff_password.new_password_problem(value):
            self._refuse_new(problem)
            self._release(replay=False)
        elif value == self._accepted or staff is None:
            if move_on:
                self.set_focus(self.query_one("#input-confirm_password", Input))
            self._release(replay=True)
        else:
            self._hold_keys()
            self.run_worker(partial(self._ask, staff.staff_no, value, move_on), thread=True,
                            group="new-password", exit_on_error=False)

    def _ask(self, staff_no: str, value: str, move_on: bool) -> None:
        """In a worker thread: the service's answer, handed to ``_answered`` on the UI thread."""
        try:
            problem = staff_password.new_password_refusal(self.env, staff_no, value)
        except Exception:  # noqa: BLE001  (确认修改 asks again and says what went wrong)
            problem = ""
        self.app.call_from_thread(self._answered, value, problem, move_on)

    def _answered(self, value: str, problem: str, move_on: bool) -> None:
        """The focus where the keys held meanwhile are to go, then those keys. Nothing said when
        新密码 changed meanwhile (emptied by 确认修改's refusal) or this screen is gone."""
        if self.is_attached and self in self.app.screen_stack and self._new_input().value == value:
            if problem:
                self._refuse_new(problem)
            else:
                self._accepted = value
                if move_on:
                    self.set_focus(self.query_one("#input-confirm_password", Input))
        self._release(replay=not problem)

    def _refuse_new(self, problem: str) -> None:
        field = self.query_one("#field-new_password", FormField)
        field.value = ""
        field.set_error(problem)
        self.set_focus(field.input)  # at once (Input.focus waits): the keys held are read next

    def _hold_keys(self) -> None:
        """Unless keys are held already (the screen just opened: kiosk.ui.key_order), hold them here."""
        if getattr(self, "typed_ahead", None) is None:
            self.typed_ahead = []
            self._holding = True

    def _release(self, replay: bool) -> None:
        if self._holding:
            self._holding = False
            keys_ready(self, replay=replay)
