"""Terminals: registered on start-up; remember which 业务须知 were read on each one."""
from __future__ import annotations

from sqlalchemy.orm import Session

from ..db.models import TERMINAL_ID_MAX, Terminal
from .env import Env


def check_terminal_id(terminal_id: str) -> str:
    """The terminal's name as given (--terminal-id, KIOSK_TERMINAL_ID, or kiosk-<hostname>), when
    the database can keep it: at most TERMINAL_ID_MAX printable characters. Otherwise a ValueError
    whose message is one line for the operator starting the kiosk."""
    if not terminal_id.isprintable() or not terminal_id.strip():
        raise ValueError(f"终端编号 {terminal_id!r} 不能为空或含控制字符，请用 --terminal-id 或 KIOSK_TERMINAL_ID 指定")
    if len(terminal_id) > TERMINAL_ID_MAX:
        raise ValueError(f"终端编号过长（{len(terminal_id)}个字符，最多{TERMINAL_ID_MAX}个），请用 --terminal-id 或 "
                         f"KIOSK_TERMINAL_ID 指定较短的编号")
    return terminal_id


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
