"""What every use case needs: the database, the clock, the SMS gateway and who is asking."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Settings
from ..db.session import Database
from ..domain.clock import Clock
from .gateways import DemoFaceVerifier, FaceVerifier, OutboxSmsGateway, SmsGateway


@dataclass
class Env:
    db: Database
    clock: Clock
    settings: Settings
    sms: SmsGateway = field(default_factory=OutboxSmsGateway)
    face: FaceVerifier = field(default_factory=DemoFaceVerifier)

    @property
    def terminal_id(self) -> str:
        return self.settings.terminal_id


def make_env(settings: Settings, db: Database | None = None) -> Env:
    from .demo_people import FACE_ALWAYS_FAILS

    face = DemoFaceVerifier(FACE_ALWAYS_FAILS if settings.demo else frozenset())
    return Env(db=db or Database(settings.db_url), clock=settings.clock(), settings=settings, face=face)
