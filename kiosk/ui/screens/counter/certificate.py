"""为群众办理: 打印预约凭证. The clerk picks a booking in the citizen's bookings list and presses the
button: the citizen's own certificate (kiosk.services.certificates, through
counter_bookings.print_certificate) is saved where the counter's printer takes it and shown in a
dialog that says the file's path in the data folder (the database's folder in it). A booking without a certificate is told at once, under the list.
A part of CitizenScreen (kiosk.ui.screens.counter.citizen), as CitizenActions is."""
from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ....domain.errors import DomainError
from ....services import certificates, counter_bookings
from ....services.booking_records import BookingView
from ....services.counter_citizen import CitizenFile
from ...widgets.button_row import ButtonRowKeys
from ...widgets.plain import Plain


def why_no_certificate(b: BookingView | None) -> str:
    """"" when ``b`` has a certificate to print (the kiosk's rule); else why not, to show at once."""
    if b is None:
        return "请先在考试预约列表中选择要打印凭证的预约"
    if not certificates.has_certificate(b):
        return f"所选预约（{b.subject_name}，{b.status_text}）没有预约凭证；{certificates.NO_CERTIFICATE}"
    return ""


class CertificatePrinting:
    """打印预约凭证 on CitizenScreen (mixed into it: its file, its bookings list, its #booking-error)."""

    file: CitizenFile | None

    def print_selected(self) -> None:
        b = self.selected_booking()
        why = why_no_certificate(b)
        if why or b is None or self.file is None or not self.file.account_id:
            self._booking_note(why)
            return
        self._booking_note("")
        self.call(counter_bookings.print_certificate, self.env, self.kiosk.staff, self.file.account_id, b.id,
                  done=self._printed, failed=self._not_printed)

    def _booking_note(self, message: str) -> None:
        """What is said of the booking under the cursor, under the list (in view at 80x24 too)."""
        note = self.query_one("#booking-error", Static)
        note.update(message)
        if message:
            self.call_after_refresh(note.scroll_visible)

    def _printed(self, c: certificates.Certificate) -> None:
        self.app.push_screen(CertificateDialog(c.text, certificates.shown_path(self.env, c.path)))

    def _not_printed(self, exc: DomainError) -> None:
        """Refused (the booking changed meanwhile): the file is read again, then the reason shown."""
        self.reload_then_say(self._booking_note, exc.message)


class CertificateDialog(ButtonRowKeys, ModalScreen[None]):
    """The certificate just saved, and its file's name for the printer. 关闭 has the focus; the arrow
    keys, Page Up/Down, Home and End scroll the text (at 80x24 it does not fit)."""

    BINDINGS = [
        Binding("escape", "dismiss", "关闭"),
        *(Binding(key, f"scroll_text('{how}')", show=False)
          for key, how in (("up", "up"), ("down", "down"), ("pageup", "page_up"), ("pagedown", "page_down"),
                           ("home", "home"), ("end", "end"))),
    ]
    DEFAULT_CSS = """
    CertificateDialog { align: center middle; }
    CertificateDialog > Vertical { width: 76; max-width: 95%; height: auto; max-height: 100%;
                                   border: thick $primary; background: $surface; padding: 0 2; }
    CertificateDialog #cert-file { text-style: bold; height: auto; }
    CertificateDialog #cert-text { height: auto; margin: 1 0 0 0; }
    CertificateDialog .buttons { margin: 0; }
    """

    def __init__(self, text: str, file_name: str) -> None:
        """``file_name``: the file's path from the data folder on (certificates.shown_path)."""
        super().__init__()
        self.text, self.file_name = text, file_name

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Plain(f"预约凭证已保存，交打印机打印的文件：\n{self.file_name}", id="cert-file")
            with VerticalScroll(id="cert-text"):
                yield Plain(self.text)
            with Horizontal(classes="buttons"):
                yield Button("关闭", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()
        self.call_after_refresh(self._fit)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """The text gets the rows the file's name, 关闭 and the frame leave: 关闭 stays on screen."""
        box = self.query_one(Vertical)
        others = sum(w.outer_size.height for w in (self.query_one("#cert-file"), self.query_one(".buttons")))
        frame = box.styles.gutter.height + 1  # border and padding, and the margin above the text
        self.query_one("#cert-text").styles.max_height = max(3, self.size.height - others - frame)

    def action_scroll_text(self, how: str) -> None:
        getattr(self.query_one("#cert-text", VerticalScroll), f"scroll_{how}")(animate=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)
