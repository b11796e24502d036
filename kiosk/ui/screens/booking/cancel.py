"""取消考试预约: the citizen's bookings that may be cancelled online (BookingListScreen, in records),
each with the reason where it cannot (kiosk.services.cancellation)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Button

from ....domain.errors import DomainError
from ....services import booking_records, cancellation
from .records import BookingListScreen


class CancelBookingScreen(BookingListScreen):
    TITLE_TEXT = "取消考试预约"
    ACTION = "取消预约"
    INTRO = "选择要取消的考试预约，点击【取消预约】。在停止接受考试预约申请前，可以在网上取消普通预约。"
    STATUSES = ("pending", "placed")
    EMPTY = "您没有可以取消的考试预约。"
    REFUSED = "不能在网上取消"

    def __init__(self) -> None:
        super().__init__()
        self.refusals: dict[int, str] = {}  # booking id -> kiosk.services.cancellation's reason
        self.just_cancelled = False  # the list is read again after a cancellation

    def source(self) -> tuple[Callable[..., Any], tuple]:
        return cancellation.choices, (self.env, self.account_id)

    def show_read(self, result: Any) -> None:
        self._chosen(result)

    def _chosen(self, choices: list[cancellation.Choice]) -> None:
        self.refusals = {c.booking.id: c.refusal for c in choices}
        self._loaded([c.booking for c in choices])
        if self.just_cancelled:
            self.just_cancelled = False
            self._focus_after_cancel()

    def _focus_after_cancel(self) -> None:
        """After the last booking that could be cancelled online went: 返回业务中心, not the list,
        where Enter would only say 不能在网上取消 (tester: 王芳, a priority booking left). While
        another can still be cancelled, the list keeps the focus (as at opening)."""
        if self.rows and all(self.refusal(r) for r in self.rows):
            self.query_one("#back", Button).focus()

    def refusal(self, row: booking_records.BookingView) -> str:
        return self.refusals.get(row.id, "")

    def intro(self) -> str:
        """The hint fits what is listed: no 【取消预约】 to press when none can be cancelled online
        (after the publication day, or priority bookings only)."""
        online = [r for r in self.rows if not self.refusal(r)]
        if not online:
            return "以下考试预约不能在网上取消，原因见所选预约下方的说明。"
        if len(online) < len(self.rows):
            return ("选择要取消的考试预约，点击【取消预约】。部分预约不能在网上取消，原因见所选预约下方的说明。")
        return self.INTRO

    def act(self, row: booking_records.BookingView) -> None:
        self.call(cancellation.preview, self.env, self.account_id, row.id, done=self._previewed,
                  failed=lambda exc: self.changed_meanwhile(exc, row.id))

    def _previewed(self, p: cancellation.CancelPreview) -> None:
        if not p.allowed:  # the list offered it: it changed since (placed, booking closed)
            self.changed_meanwhile(DomainError(p.message), p.booking_id)
            return
        self._ask(p.booking_id, p.message)
        self.query_one("#confirm-yes", Button).label = "确认取消"

    def confirmed(self, booking_id: int) -> None:
        self.call(cancellation.cancel, self.env, self.account_id, booking_id, done=self._cancelled,
                  failed=lambda exc: self.changed_meanwhile(exc, booking_id))

    def _cancelled(self, c: cancellation.Cancelled) -> None:
        self._ask(None, "")
        self.said(f"已取消业务流水号{c.serial_no}的考试预约。{c.message}")
        self.just_cancelled = True
        self.reload()
