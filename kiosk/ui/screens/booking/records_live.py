"""The list of BookingListScreen (kiosk.ui.screens.booking.records) read again while it is in front,
the citizen's place on it kept, and a booking gone from it meanwhile said to have been cancelled
elsewhere."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ....services import booking_cancelled, booking_records

if TYPE_CHECKING:
    from ...base import KioskScreen

    _Base = KioskScreen
else:
    _Base = object


class LiveBookings(_Base):
    """The live read of BookingListScreen (mixed into it first: the same screen)."""

    rows: list[booking_records.BookingView]
    pending_action: int | None
    flash: str
    flash_alert: bool
    keep_row: int | None
    _last_read: Any
    source: Callable[[], tuple[Callable[..., Any], tuple]]  # BookingListScreen.source: the read
    selected: Callable[[], booking_records.BookingView | None]  # BookingListScreen.selected: the row chosen
    _read: Callable[[Any], None]  # BookingListScreen._read: what was read, shown
    _show_status: Callable[[], None]  # BookingListScreen._show_status: the line over the list

    def _live(self) -> None:
        """The list read again while it is in front: a clerk may cancel a booking at the counter, or
        the publication day's allocation place it, while the citizen looks at it (考试费缴纳 kept
        showing a booking cancelled and refunded at the counter). Not while a question is open or an
        action runs, nor once the session is wiped; an unchanged list changes nothing on screen."""
        if self._live_ok():
            fn, args = self.source()
            self.read_live(fn, *args, done=self._live_read_done)

    def _live_ok(self) -> bool:
        return (self._last_read is not None and not self.busy and self.pending_action is None
                and self.app.screen is self and self.kiosk.citizen is not None)

    def _live_read_done(self, result: Any) -> None:
        if result == self._last_read or not self._live_ok():
            return
        chosen, focused = self.selected(), self.focused
        if chosen is not None:
            self.keep_row = chosen.id  # the cursor stays on its booking, if still listed
        shown = [r.id for r in self.rows]
        self._read(result)
        listed = {r.id for r in self.rows}
        if gone := [i for i in shown if i not in listed]:  # why they went: cancelled at the counter, say
            self.read_live(booking_cancelled.cancelled_meanwhile, self.env, self.account_id, gone,
                           done=self._said_gone)
        if focused is not None and focused is not self.focused and focused.is_attached and focused.display:
            focused.focus()  # the citizen's place is kept (_loaded puts the focus on the list)

    def _said_gone(self, texts: list[str]) -> None:
        """A booking gone from the list by a live read was cancelled elsewhere: said over the list (in
        place of what the citizen's own last action said), not left to be guessed."""
        if texts and self._live_ok():
            self.flash, self.flash_alert = "".join(texts), False
            self._show_status()
