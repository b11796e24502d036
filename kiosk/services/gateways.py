"""Pluggable outside systems: SMS, liveness/face check, the bank exam fees are paid through.
Demo implementations live here too."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from sqlalchemy.orm import Session

from ..db.models import Message

if TYPE_CHECKING:
    from .env import Env


class SmsGateway(Protocol):
    def send(self, session: Session, phone: str, body: str, at: datetime, account_id: int | None = None) -> None: ...


class OutboxSmsGateway:
    """Writes every SMS to the outbox table, in the caller's transaction (nothing is lost)."""

    def send(self, session: Session, phone: str, body: str, at: datetime, account_id: int | None = None) -> None:
        session.add(Message(channel="sms", phone=phone, account_id=account_id, body=body, created_at=at))


@dataclass(frozen=True)
class FaceResult:
    passed: bool
    message: str


class FaceVerifier(Protocol):
    def verify(self, id_number: str, name: str) -> FaceResult: ...


class DemoFaceVerifier:
    """Stands in for the liveness and remote face comparison.

    It passes everyone except the ID numbers listed in ``always_fail`` (a demo identity whose
    face never matches, to show the fallback to online registration).
    """

    def __init__(self, always_fail: frozenset[str] = frozenset()) -> None:
        self.always_fail = always_fail

    def verify(self, id_number: str, name: str) -> FaceResult:
        if id_number in self.always_fail:
            return FaceResult(False, "人脸比对未通过，请摘下眼镜、正对摄像头后重试")
        return FaceResult(True, "人脸比对通过")


RECEIPT_TIME = "%Y-%m-%d %H:%M:%S"  # how a receipt (Application.payload["fee"]) writes Payment.paid_at


@dataclass(frozen=True)
class Payment:
    channel: str
    transaction_no: str  # the bank's own number for this one charge (支付流水号)
    paid_at: datetime


class PaymentGateway(Protocol):
    def charge(self, order_no: str, amount_yuan: int, description: str, at: datetime) -> Payment: ...

    def refund(self, payment: Payment, amount_yuan: int) -> None:
        """Give a charge back (a booking cancelled at a counter, or a charge the booking could not take)."""


class DemoPaymentGateway:
    """Demo bank: every payment succeeds. Each charge gets its own transaction number, as a bank's
    does, even two for one order in the same second (two kiosks paying one booking at once)."""

    channel = "演示支付"

    def charge(self, order_no: str, amount_yuan: int, description: str, at: datetime) -> Payment:
        return Payment(self.channel, f"DEMO{at:%Y%m%d%H%M%S}{secrets.token_hex(6).upper()}", at)

    def refund(self, payment: Payment, amount_yuan: int) -> None:
        return None  # nothing was taken


def terminal_gateway(env: Env) -> PaymentGateway | None:
    """The bank this terminal pays and refunds through: the demo bank in demo mode; none otherwise."""
    return DemoPaymentGateway() if env.settings.demo else None
