"""考试费缴纳 and 考试预约凭证: the citizen's successful bookings (BookingListScreen, in records), by exam
time, the soonest first."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from rich.text import Text
from textual.widgets import Button, Static

from ....services import booking_records, certificates, fees
from ....domain.dates import format_date
from ....services.booking_publish import publish_text
from .records import BookingListScreen


def _published(days: tuple[date, ...]) -> str:
    """When a booking's result is published: 于2026年12月5日公布, or over several days (its sessions in
    several plans) 在2026年12月5日至12月9日（共5天）依次公布."""
    if len(days) == 1:
        return f"于{format_date(days[0])}公布"
    return f"在{publish_text(list(days))}依次公布" if days else "在预约结果公布日公布"


def waiting_text(waiting: list[booking_records.BookingView], then: str) -> str:
    """The bookings still waiting for allocation (受理中), each with the day its result is published,
    and ``then``, what can be done once placed: 您的科目二考试预约（业务流水号...）正在受理中，预约结果将于
    2026年12月5日公布，预约成功后才能打印预约凭证。"""
    said = [f"{r.subject_name}考试预约（业务流水号{r.serial_no}）正在受理中，预约结果将{_published(r.publish_days)}"
            for r in waiting]
    return f"您的{'；'.join(said)}，{then}"


class FeeScreen(BookingListScreen):
    TITLE_TEXT = "考试费缴纳"
    BY_EXAM_TIME = True  # the exam coming first on top, the cursor on it (it was by application time)
    ACTION = "缴纳考试费"
    INTRO = "以下为预约成功的考试。选择一项，点击【缴纳考试费】。"
    STATUSES = ("placed",)
    EMPTY = "您没有需要缴纳考试费的考试（预约成功后才能缴费）。"
    DONE = "该考试的考试费已缴纳，无需再缴费，缴费凭证见上方。"
    THEN = "预约成功后才能缴纳考试费。"  # after the bookings still waiting for allocation (waiting_text)

    def __init__(self) -> None:
        super().__init__()
        self.quotes: dict[int, fees.FeeQuote] = {}  # booking id -> its fee, and the receipt once paid
        self.waiting: list[booking_records.BookingView] = []  # bookings waiting for allocation (受理中)

    def source(self) -> tuple[Callable[..., Any], tuple]:
        return fees.quotes, (self.env, self.account_id)

    def show_read(self, result: fees.FeeQuotes) -> None:
        self.waiting = result.waiting
        self._quoted_all(result.placed)

    def empty(self) -> str:
        """No successful booking: one still waiting for allocation is named, with the day its result is
        published, as 考试预约凭证 does (您没有需要缴纳考试费的考试 alone read as no booking at all)."""
        return waiting_text(self.waiting, self.THEN) if self.waiting else self.EMPTY

    def _quoted_all(self, quotes: list[fees.FeeQuote]) -> None:
        self.quotes = {q.booking.id: q for q in quotes}
        self._loaded([q.booking for q in quotes])

    def done(self, row: booking_records.BookingView) -> bool:
        return row.fee_paid_at is not None

    def intro(self) -> str:
        """The hint fits what is left: no 【缴纳考试费】 to press once every fee is paid. A booking still
        waiting for allocation is not listed (nothing to pay yet) but named on a line of its own under it."""
        unpaid = [r for r in self.rows if not self.done(r)]
        if not unpaid:
            hint = "以下为预约成功的考试，考试费均已缴纳，无需再缴费。缴费凭证见所选考试的详情。"
        elif len(unpaid) < len(self.rows):
            hint = "以下为预约成功的考试。选择一项未缴费的考试，点击【缴纳考试费】。"
        else:
            hint = self.INTRO
        return f"{hint}\n{waiting_text(self.waiting, self.THEN)}" if self.waiting else hint

    def more_lines(self, row: booking_records.BookingView) -> list[str]:
        q = self.quotes.get(row.id)
        if q is None:
            return []
        if q.paid:  # the receipt (its first line 已缴纳考试费N元), in place of a second 缴纳考试费
            return ["", *(fees.receipt_lines(q.receipt) if q.receipt else ["考试费已缴纳。"])]
        return [f"考试费：{q.amount}元（未缴纳）"]

    def act(self, row: booking_records.BookingView) -> None:
        self.call(fees.to_pay, self.env, self.account_id, row.id, done=self._quoted,
                  failed=lambda exc: self.changed_meanwhile(exc, row.id))

    def _quoted(self, q: fees.FeeQuote) -> None:
        if q.paid:  # paid meanwhile (at another kiosk): the list says so now
            self.keep_row = q.booking.id
            self.reload()
            return
        self._ask(q.booking.id, f"{q.booking.subject_name}考试费：{q.amount}元。确认支付吗？")
        self.query_one("#confirm-yes", Button).label = "确认支付"

    def confirmed(self, booking_id: int) -> None:
        self.call(fees.pay, self.env, self.account_id, booking_id, done=self._paid,
                  failed=lambda exc: self.changed_meanwhile(exc, booking_id))

    def _paid(self, q: fees.FeeQuote) -> None:
        self._ask(None, "")
        self.said("缴费成功，缴费凭证见下方，也可在【网办进度】中查看。")
        self.keep_row = q.booking.id  # its detail, now with the receipt, stays in view
        self.reload()


class CertificateScreen(BookingListScreen):
    TITLE_TEXT = "考试预约凭证"
    BY_EXAM_TIME = True  # the exam coming first on top, the cursor on it (it was by application time)
    ACTION = "查看预约凭证"
    INTRO = "以下为预约成功的考试。选择一项，点击【查看预约凭证】，凭证同时保存，可到车管所窗口打印。"
    STATUSES = ("placed",)
    EMPTY = "您没有预约成功的考试，预约成功后才能打印预约凭证。"

    def __init__(self) -> None:
        super().__init__()
        self.waiting: list[booking_records.BookingView] = []  # bookings waiting for allocation (受理中)

    def _loaded(self, rows: list[booking_records.BookingView]) -> None:
        self.waiting = [r for r in rows if r.status == "pending"]
        super()._loaded(rows)

    def empty(self) -> str:
        """No successful booking: one still waiting for allocation is named, with the day its result is
        published (tester: 您没有预约成功的考试 alone, while 科目二 was 受理中, read as no booking at all)."""
        return waiting_text(self.waiting, "预约成功后才能打印预约凭证。") if self.waiting else self.EMPTY

    def act(self, row: booking_records.BookingView) -> None:
        self.call(certificates.certificate, self.env, self.account_id, row.id, done=self._shown)

    def _shown(self, c: certificates.Certificate) -> None:
        # what the citizen can do with it; not the file written (c.path), which is nothing they can
        # act on: the clerk prints the certificate from the citizen's bookings (打印预约凭证)
        saved = f"预约凭证已保存，可凭业务流水号{c.serial_no}到车管所窗口打印，也可拍照留存本页。"
        self.query_one("#detail", Static).update(Text.assemble(c.text, "\n\n", (saved, "bold")))
        self.call_after_refresh(self.detail_in_view)
