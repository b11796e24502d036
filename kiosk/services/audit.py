"""Append-only audit log of every staff action and every access to a citizen's record."""
from __future__ import annotations

from sqlalchemy.orm import Session

from ..db.models import AuditEntry
from .env import Env


def record(session: Session, env: Env, *, actor: str, action: str, account_id: int | None = None,
           detail: str = "", role: str = "") -> None:
    session.add(AuditEntry(at=env.clock.now(), actor=actor, role=role, terminal_id=env.terminal_id,
                           account_id=account_id, action=action, detail=detail[:400]))
