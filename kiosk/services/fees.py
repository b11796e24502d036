"""考试费缴纳: pay the exam fee of a successful booking through a payment gateway.

Amounts per subject and licence class come from assets/config/exam_fees.json (each province
sets its own). The gateway is an interface (kiosk.services.gateways); ``DemoPaymentGateway`` stands
in for the bank. The receipt is kept in the application's payload and shown in 网办进度 as a timeline
entry. A charge the booking cannot take (paid at another kiosk meanwhile, say) is given back and
recorded by kiosk.services.fee_refunds.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..config import ASSETS
from ..db.models import Application, Booking
from ..domain.errors import Conflict, DomainError
from ..domain.exam import SUBJECT_NAMES
from . import applications, audit, fee_refunds, messaging
from .booking import STATUS_PAID, account_of
from .booking_cancelled import cancelled_text
from .booking_records import BookingView, bookings_in, view_in
from .env import Env
# re-exported: callers and tests name fees.DemoPaymentGateway, fees.PaymentGateway, fees.RECEIPT_TIME
from .gateways import RECEIPT_TIME, DemoPaymentGateway, Payment, PaymentGateway, terminal_gateway  # noqa: F401

FEES_FILE = ASSETS / "config" / "exam_fees.json"
FEE_TITLE = messaging.titled("考试费缴纳", "缴费成功")  # the inbox title of a paid fee


@dataclass(frozen=True)
class FeeQuote:
    booking: BookingView
    amount: int  # yuan
    paid: bool
    receipt: dict | None


@lru_cache(maxsize=4)
def _table(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["subjects"]


def fee_for(subject: int, licence_class: str, path: Path = FEES_FILE) -> int:
    subject_fees = _table(path).get(str(subject))
    if not subject_fees:
        raise DomainError(f"未配置{SUBJECT_NAMES.get(subject, subject)}的考试费标准，请到车管所窗口缴费")
    return int(subject_fees.get(licence_class, subject_fees["default"]))


def fee_description(subject: int) -> str:
    """What the citizen pays for, as the bank and the receipt name it."""
    return f"机动车驾驶人考试费（{SUBJECT_NAMES[subject]}）"


def receipt_of(amount: int, description: str, payment: Payment) -> dict:
    """The receipt kept in the application's payload (``fee``)."""
    return {"amount": amount, "channel": payment.channel, "transaction_no": payment.transaction_no,
            "paid_at": payment.paid_at.strftime(RECEIPT_TIME), "description": description}


def receipt_lines(receipt: dict) -> list[str]:
    """The receipt one item a line, for screens: a wrap never splits a number or the time."""
    lines = [f"已缴纳考试费{receipt['amount']}元", f"支付方式：{receipt['channel']}",
             f"支付流水号：{receipt['transaction_no']}", f"缴费时间：{receipt['paid_at']}"]
    if receipt.get("refunded_at"):  # the booking was cancelled at a counter (kiosk.services.fee_refunds)
        lines.append(f"已原路退回：{receipt['refunded_at']}")
    elif receipt.get("refund_failed_at"):
        lines.append("未能原路退回，车管所将人工退费")
    elif receipt.get("refund_pending_at"):
        lines.append("退还处理中（如长时间未到账，请到车管所窗口咨询）")
    return lines


def fee_message(subject_name: str, serial: str, receipt: dict) -> str:
    """The inbox message (and SMS, after the signature) of a paid exam fee."""
    return f"您的{subject_name}考试（业务流水号{serial}）{receipt_text(receipt)}。"


def receipt_text(receipt: dict) -> str:
    """The receipt as one sentence, for 网办进度 notes and messages."""
    return "，".join(receipt_lines(receipt))


def quote(env: Env, account_id: int, booking_id: int) -> FeeQuote:
    with env.db.read() as s:
        view = view_in(s, account_id, booking_id)
        b = s.get(Booking, booking_id)
        app = s.get(Application, b.application_id) if b is not None and b.application_id else None
        receipt = (app.payload or {}).get("fee") if app else None
        return FeeQuote(view, fee_for(view.subject, view.licence_class), view.fee_paid_at is not None, receipt)


@dataclass(frozen=True)
class FeeQuotes:
    """What 考试费缴纳 lists: the successful (placed) bookings with their fees, and the bookings still
    waiting for allocation (受理中), named with the day their result is published (their fee is paid
    once placed)."""
    placed: list[FeeQuote]
    waiting: list[BookingView]


def quotes(env: Env, account_id: int) -> FeeQuotes:
    """The citizen's successful (placed) bookings, newest first, each with its fee and, once paid,
    the receipt: 考试费缴纳 shows the amount before anything is pressed; and those still 受理中 (their
    views carry the publication days, booking_publish.waiting_days)."""
    with env.db.read() as s:
        found, waiting = [], []
        for b, view in bookings_in(s, account_id):
            if view.status == "pending":
                waiting.append(view)
            if view.status != "placed":
                continue
            app = s.get(Application, b.application_id) if b.application_id else None
            receipt = (app.payload or {}).get("fee") if app else None
            found.append(FeeQuote(view, fee_for(view.subject, view.licence_class), view.fee_paid_at is not None,
                                  receipt))
        return FeeQuotes(found, waiting)


def to_pay(env: Env, account_id: int, booking_id: int) -> FeeQuote:
    """The quote 缴纳考试费 asks 确认支付吗？ with: refused (Conflict) when the booking was cancelled
    or ended since the list was read; one paid meanwhile is returned as it is (the list shows it)."""
    q = quote(env, account_id, booking_id)
    if not q.paid:
        _payable(env, q.booking)
    return q


class NotTaken(Conflict):
    """The booking could not take the fee just charged: paid at another kiosk, cancelled or ended
    while the bank charged. ``what`` names that charge in the refund's record (fee_refunds.Stray)."""

    def __init__(self, message: str, what: str) -> None:
        super().__init__(message)
        self.what = what


def _payable(env: Env, view: BookingView) -> None:
    """Before the bank is asked. A booking cancelled meanwhile (at a counter, say, while the kiosk
    asked 确认支付吗？) is said as the cancellation SMS says it, not as 「只有预约成功的考试才需要缴纳考试费」."""
    if view.status == "cancelled":
        with env.db.read() as s:
            b = s.get(Booking, view.id)
            assert b is not None
            raise Conflict(cancelled_text(s, env, b) + "，无需缴纳考试费。")
    if view.status != "placed":
        raise Conflict("只有预约成功的考试才需要缴纳考试费")
    if view.fee_paid_at is not None:
        raise Conflict("该考试的考试费已缴纳，无需重复缴费")


def pay(env: Env, account_id: int, booking_id: int, gateway: PaymentGateway | None = None) -> FeeQuote:
    gateway = gateway or terminal_gateway(env)
    if gateway is None:
        raise DomainError("本终端暂未开通网上缴费，请到车管所窗口缴纳考试费")
    first = quote(env, account_id, booking_id)
    _payable(env, first.booking)
    description = fee_description(first.booking.subject)
    payment = gateway.charge(first.booking.serial_no, first.amount, description, env.clock.now())
    try:
        return _record_payment(env, account_id, booking_id, first, description, payment)
    except Exception as exc:  # the booking was cancelled or paid meanwhile, or the write failed: give the money back
        what = exc.what if isinstance(exc, NotTaken) else "本次缴纳的考试费"
        stray = fee_refunds.Stray(account_id, booking_id, payment, first.amount, what)
        refunded = fee_refunds.give_back_stray(env, gateway, stray, subject_name=first.booking.subject_name)
        if isinstance(exc, NotTaken):  # what the bank did, not a promise made before it answered
            raise Conflict(f"{exc.message}；{fee_refunds.kiosk_note(refunded, first.amount)}") from exc
        raise


def _record_payment(env: Env, account_id: int, booking_id: int, first: FeeQuote, description: str,
                    payment: Payment) -> FeeQuote:
    with env.db.write() as s:
        b = s.get(Booking, booking_id, with_for_update=True)  # PostgreSQL: two payments wait in turn
        assert b is not None
        if b.fee_paid_at is not None:  # paid at another kiosk meanwhile
            raise NotTaken("该考试的考试费已缴纳，无需重复缴费", "重复缴纳的考试费")
        if b.status == "cancelled":
            raise NotTaken(cancelled_text(s, env, b), "取消后缴纳的考试费")  # ；本次缴纳的考试费...
        if b.status != "placed":
            raise NotTaken("该考试预约已结束，不能缴费", "结束后缴纳的考试费")
        b.fee_paid_at = payment.paid_at
        receipt = receipt_of(first.amount, description, payment)
        app = s.get(Application, b.application_id) if b.application_id else None
        if app is not None:
            app.payload = {**(app.payload or {}), "fee": receipt}  # reassign: JSON columns track assignment
            applications.transition(s, env, app, STATUS_PAID, receipt_text(receipt))
        account = account_of(s, account_id)
        audit.record(s, env, actor=f"citizen:{account_id}", action="exam_fee", account_id=account_id,
                     detail=f"{first.booking.serial_no} {first.amount} {payment.transaction_no}")
        messaging.notify(s, env, account, FEE_TITLE,
                         fee_message(first.booking.subject_name, first.booking.serial_no, receipt))
        return FeeQuote(view_in(s, account_id, booking_id), first.amount, True, receipt)
