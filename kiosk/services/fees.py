"""考试费缴纳: pay the exam fee of a successful booking through a payment gateway.

Amounts per subject and licence class come from assets/config/exam_fees.json (each province
sets its own). The gateway is an interface; ``DemoPaymentGateway`` stands in for the bank.
The receipt is kept in the application's payload and shown in 网办进度 as a timeline entry.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from ..config import ASSETS
from ..db.models import Application, Booking
from ..domain.errors import Conflict, DomainError
from ..domain.exam import SUBJECT_NAMES
from . import applications, audit, messaging
from .booking import STATUS_PAID, account_of
from .booking_cancelled import cancelled_text
from .booking_records import BookingView, bookings_in, view_in
from .env import Env

FEES_FILE = ASSETS / "config" / "exam_fees.json"
FEE_TITLE = "考试费缴纳"  # the inbox title of a paid fee
RECEIPT_TIME = "%Y-%m-%d %H:%M:%S"  # how the receipt (Application.payload["fee"]) writes its times


@dataclass(frozen=True)
class Payment:
    channel: str
    transaction_no: str
    paid_at: datetime


class PaymentGateway(Protocol):
    def charge(self, order_no: str, amount_yuan: int, description: str, at: datetime) -> Payment: ...

    def refund(self, payment: Payment, amount_yuan: int) -> None:
        """Give a charge back (the fee could not be recorded: the booking changed meanwhile)."""


class DemoPaymentGateway:
    """Demo bank: every payment succeeds; the transaction number is derived from the order."""

    channel = "演示支付"

    def charge(self, order_no: str, amount_yuan: int, description: str, at: datetime) -> Payment:
        digest = hashlib.sha256(f"{order_no}|{amount_yuan}|{at.isoformat()}".encode()).hexdigest()[:12].upper()
        return Payment(self.channel, f"DEMO{at:%Y%m%d%H%M%S}{digest}", at)

    def refund(self, payment: Payment, amount_yuan: int) -> None:
        return None  # nothing was taken


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


def quotes(env: Env, account_id: int) -> list[FeeQuote]:
    """The citizen's successful (placed) bookings, newest first, each with its fee and, once paid,
    the receipt: 考试费缴纳 shows the amount before anything is pressed."""
    with env.db.read() as s:
        found = []
        for b, view in bookings_in(s, account_id):
            if view.status != "placed":
                continue
            app = s.get(Application, b.application_id) if b.application_id else None
            receipt = (app.payload or {}).get("fee") if app else None
            found.append(FeeQuote(view, fee_for(view.subject, view.licence_class), view.fee_paid_at is not None,
                                  receipt))
        return found


def to_pay(env: Env, account_id: int, booking_id: int) -> FeeQuote:
    """The quote 缴纳考试费 asks 确认支付吗？ with: refused (Conflict) when the booking was cancelled
    or ended since the list was read; one paid meanwhile is returned as it is (the list shows it)."""
    q = quote(env, account_id, booking_id)
    if not q.paid:
        _payable(env, q.booking)
    return q


REFUNDED = "本次扣款将原路退回"


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


def terminal_gateway(env: Env) -> PaymentGateway | None:
    """The bank this terminal pays and refunds through: the demo bank in demo mode; none otherwise."""
    return DemoPaymentGateway() if env.settings.demo else None


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
    except Exception:  # the booking was cancelled or paid meanwhile, or the write failed: give the money back
        gateway.refund(payment, first.amount)
        raise


def _record_payment(env: Env, account_id: int, booking_id: int, first: FeeQuote, description: str,
                    payment: Payment) -> FeeQuote:
    with env.db.write() as s:
        b = s.get(Booking, booking_id, with_for_update=True)  # PostgreSQL: two payments wait in turn
        assert b is not None
        if b.fee_paid_at is not None:
            raise Conflict(f"该考试的考试费已缴纳，无需重复缴费；{REFUNDED}")
        if b.status == "cancelled":
            raise Conflict(f"{cancelled_text(s, env, b)}，不能缴费；{REFUNDED}")
        if b.status != "placed":
            raise Conflict(f"该考试预约已结束，不能缴费；{REFUNDED}")
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
