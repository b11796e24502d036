"""为群众办理's ID number and 查询事由 kept while the clerk is away from the screen (审核队列, 审计日志,
the 窗口工作台) and back: the screen is made anew each time, and 查询事由 came back empty for the
citizen still at the counter (tester). Kept on the app for this sign-in only (KioskApp.staff: another
sign-in, or signing out, forgets it). Back on the screen, the ID field holds the number, selected
with the focus there (Enter looks the citizen up again with the reason; the next citizen's number
typed replaces it), and 查询事由 the reason. That reason is the citizen's: while the clerk has
neither looked up nor touched 查询事由 since, another number in the ID field takes it away, and
the citizen's number typed again brings it back. (A reason of this visit stays for the next
citizen, as README says of the screen.) A part of CitizenScreen (kiosk.ui.screens.counter.citizen)."""
from __future__ import annotations

from textual.widgets import Input

from ....domain.typed import compact

from ...widgets.field import FormField


def same_number(a: str, b: str) -> bool:
    """Two ID numbers typed alike as normalize_id_number reads them (full-width digits, spaces, a small
    x); partial input too, which it would refuse."""
    return compact(a).upper() == compact(b).upper()


class KeptLookup:
    """Mixed into CitizenScreen: what the clerk left in the ID field and 查询事由, kept and brought back."""

    _restored: tuple[str, str] | None = None  # the number and reason brought back, while the reason is that number's
    _reason_written = ""  # the value this code last wrote into 查询事由 (its Changed is no edit of the clerk's)

    def restore_kept(self) -> bool:
        """The number and reason kept by this sign-in, back in their fields (False: none kept)."""
        kept = self.kiosk.kept_lookup
        if not kept or self.kiosk.staff is None:
            return False
        number, reason = kept
        self.query_one("#field-id_number", FormField).value = number
        self._write_reason(reason)
        self._restored = kept if number.strip() and reason.strip() else None
        field = self.query_one("#input-id_number", Input)
        field.focus()
        field.select_all()  # the next citizen's number replaces it
        return True

    def _write_reason(self, reason: str) -> None:
        self._reason_written = reason
        self.query_one("#field-reason", FormField).value = reason

    def release_kept(self) -> None:
        """The reason on screen is the clerk's own now (a lookup made with it, or 查询事由 edited)."""
        self._restored = None

    def keep_changed(self, event: Input.Changed) -> None:
        """The ID field or 查询事由 changed: kept for the next visit; a number other than the restored
        citizen's takes that citizen's reason away (and theirs brings it back)."""
        if event.input.id == "input-reason" and event.value != self._reason_written:
            self.release_kept()
        elif event.input.id == "input-id_number" and self._restored is not None:
            number, reason = self._restored
            self._write_reason(reason if same_number(event.value, number) else "")
        if event.input.id in ("input-id_number", "input-reason") and self.kiosk.staff is not None:
            number = self.query_one("#field-id_number", FormField).value
            reason = self.query_one("#field-reason", FormField).value
            self.kiosk.kept_lookup = (number, reason) if number.strip() or reason.strip() else None
