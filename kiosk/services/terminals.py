"""Terminals: registered on start-up; remember which 业务须知 were read on each one."""
from __future__ import annotations

from sqlalchemy.orm import Session

from ..db.models import Terminal
from .env import Env


def _terminal(s: Session, env: Env) -> Terminal:
    now = env.clock.now()
    row = s.get(Terminal, env.terminal_id)
    if row is None:
        row = Terminal(id=env.terminal_id, kind="counter" if env.settings.counter else "kiosk",
                       first_seen_at=now, last_seen_at=now, notices_seen=[])
        s.add(row)
    return row


def touch(env: Env) -> None:
    with env.db.write() as s:
        _terminal(s, env).last_seen_at = env.clock.now()


def notice_seen(env: Env, key: str) -> bool:
    with env.db.read() as s:
        row = s.get(Terminal, env.terminal_id)
        return row is not None and key in (row.notices_seen or [])


def mark_notice_seen(env: Env, key: str) -> None:
    with env.db.write() as s:
        row = _terminal(s, env)
        if key not in (row.notices_seen or []):
            row.notices_seen = [*(row.notices_seen or []), key]  # reassign: JSON columns track assignment
