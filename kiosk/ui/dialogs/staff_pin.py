"""Staff number + PIN: to leave kiosk mode (F12) or close a counter terminal's program."""
from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from ...domain.errors import DomainError
from ...services import staff as staff_service
from ...services import staff_exit
from ..widgets.field import FormField
from ..widgets.button_row import ButtonRowKeys
from ..widgets.plain import Plain


class StaffPinDialog(ButtonRowKeys, ModalScreen[staff_service.StaffSession | None]):
    BINDINGS = [("escape", "dismiss(None)", "取消")]  # as 取消, like every dialog's Escape
    DEFAULT_CSS = """
    StaffPinDialog { align: center middle; }
    StaffPinDialog > Vertical { width: 56; height: auto; border: thick $primary; background: $surface; padding: 1 2; }
    """

    def __init__(self, prompt: str, action: str = "staff_exit",
                 check: Callable[[str, str], staff_service.StaffSession] | None = None) -> None:
        """``check``: (staff number, PIN) -> the session, or DomainError naming the field it is
        about; by default staff_exit.exit_kiosk (F12 on a citizen kiosk: wrong PINs count against the
        terminal, never against the staff account)."""
        super().__init__()
        self.prompt, self.action, self.check = prompt, action, check

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Plain(self.prompt)
            yield FormField("staff_no", "工号", max_length=20, enter_focuses="pin")  # Enter: on to the PIN
            yield FormField("pin", "PIN码", max_length=12, digits=True, password=True, enter_presses="ok")
            with Horizontal(classes="buttons"):
                yield Button("取消", id="cancel")
                yield Button("确定", id="ok", variant="primary")

    def on_mount(self) -> None:
        if self.check is None:  # F12 on a citizen kiosk: say at once when its tries are paused
            self.run_worker(self._read_pause, thread=True, exit_on_error=False)

    def _read_pause(self) -> None:
        paused = staff_exit.kiosk_exit_paused(self.app.env)  # type: ignore[attr-defined]
        if paused:
            self.app.call_from_thread(self._show_pause, paused)

    def _show_pause(self, message: str) -> None:
        if self.is_attached:
            self.query_one("#field-pin", FormField).set_error(message)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(None)
        elif event.button.id == "ok":
            self._check()

    def _check(self) -> None:
        staff_no = self.query_one("#field-staff_no", FormField).value
        pin = self.query_one("#field-pin", FormField).value
        self.run_worker(lambda: self._work(staff_no, pin), thread=True, exclusive=True)

    def _work(self, staff_no: str, pin: str) -> None:
        try:
            if self.check is not None:
                session = self.check(staff_no, pin)
            else:
                session = staff_exit.exit_kiosk(self.app.env, staff_no, pin)  # type: ignore[attr-defined]
        except DomainError as exc:
            self.app.call_from_thread(self._refused, exc.message, "staff_no" if exc.field == "staff_no" else "pin")
        except Exception:
            self.app.call_from_thread(self._refused, "系统繁忙，请稍后再试", "pin")
        else:
            self.app.call_from_thread(self.dismiss, session)

    def _refused(self, message: str, field: str) -> None:
        """The message under the field it is about, which gets the focus; the other field's goes.
        A refused PIN goes (as on the lock screen): the next one was appended to it, 12 digits
        refused as 须为6位数字 until the field was emptied by hand."""
        if field == "pin":
            self.query_one("#field-pin", FormField).value = ""
        for name in ("staff_no", "pin"):
            self.query_one(f"#field-{name}", FormField).set_error(message if name == field else "")
        self.query_one(f"#input-{field}").focus()
