"""The locked counter screen: the signed-in staff member's PIN unlocks it."""
from __future__ import annotations

from functools import partial

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input

from ...domain.errors import DomainError
from ...services import staff as staff_service
from ..base import KioskScreen
from ..widgets.field import FormField
from ..widgets.header import KioskHeader
from ..widgets.plain import Plain


class LockScreen(KioskScreen):
    def compose(self) -> ComposeResult:
        yield KioskHeader("屏幕已锁定")
        staff = self.kiosk.staff
        with VerticalScroll(classes="form", can_focus=False):  # no Tab stop of its own: see kiosk.tcss
            yield Plain(f"屏幕已锁定。{staff.name if staff else ''}请输入PIN码解锁。", classes="hint")
            yield FormField("pin", "PIN码", max_length=12, password=True)
            yield Plain("", classes="screen-error")
            with Horizontal(classes="buttons"):
                yield Button("解锁", id="unlock", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#input-pin", Input).focus()

    def on_input_submitted(self) -> None:
        self.unlock()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "unlock":
            self.unlock()

    def unlock(self) -> None:
        staff = self.kiosk.staff
        if staff is None:
            return
        pin = self.query_one("#field-pin", FormField).value
        check = partial(staff_service.check_pin, staff_no_typed=False)  # only the PIN is asked here
        self.call(check, self.env, staff.staff_no, pin, "unlock", done=self._unlocked, failed=self._refused)

    def _refused(self, exc: DomainError) -> None:
        self.query_one("#field-pin", FormField).value = ""  # the next try starts empty, not appended
        self.show_error(exc)

    def _unlocked(self, _: staff_service.StaffSession) -> None:
        self.kiosk.locked = False
        self.kiosk.touch()
        self.app.pop_screen()
