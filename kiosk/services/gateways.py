"""Pluggable outside systems: SMS, liveness/face check. Demo implementations live here too."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy.orm import Session

from ..db.models import Message


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
