"""One typed Settings object, filled from the command line and the environment."""
from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from platformdirs import user_data_dir

from .domain.clock import BEIJING, Clock, FixedClock, FrozenStartClock, SystemClock
from .domain.typed import option_refusal

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ASSETS = PROJECT_ROOT / "assets"


def default_data_dir() -> Path:
    return Path(os.environ.get("KIOSK_DATA_DIR") or user_data_dir("kiosk12123", appauthor=False))


def env_db_url() -> str | None:
    """KIOSK_DATABASE_URL; set but empty (or only spaces) counts as not set, as ``KIOSK_DATABASE_URL=``
    is the shell's way to clear it for one command."""
    return (os.environ.get("KIOSK_DATABASE_URL") or "").strip() or None


def default_db_url() -> str:
    return env_db_url() or f"sqlite:///{default_data_dir() / 'kiosk.db'}"


# What an empty option should have been.
EMPTY_HINT = {"--db": "数据库 URL（如 sqlite:///路径/kiosk.db 或 postgresql+psycopg://用户@主机/库名）",
              "--terminal-id": "终端编号", "--now": "2026-12-01T09:00 这样的时间", "--theme": "standard 或 high-contrast",
              "--date": "2026-12-03 这样的日期或 today", "--at": "2026-12-04T08:30 这样的时间", "--phone": "手机号码",
              "--all": "目录", "--id-number": "身份证号码", "--name": "姓名", "--reason": "原因编号或原因全文"}


def refuse_empty(option: str, value: str | None, *, has_default: bool = True) -> None:
    """An option given with an empty value (``--db ""``, say from ``--db "$URL"`` with URL unset) is an
    error, not the default: the default database is somebody else's. Raises ValueError (one line)."""
    if value is not None and not value.strip():
        or_default = f"，或不写 {option} 以使用默认值" if has_default else ""
        raise ValueError(f"{option} 的值为空。请给出{EMPTY_HINT.get(option, '一个值')}{or_default}")


def parse_now(text: str | None) -> datetime | None:
    """'2026-12-01T09:00' -> datetime (北京时间; a value with a zone, such as ...T01:00Z, is turned
    into 北京时间); raises ValueError with a readable message."""
    if not text:
        return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(option_refusal("KIOSK_NOW / --now", text, "须为 2026-12-01T09:00 这样的时间")) from None
    return at.astimezone(BEIJING).replace(tzinfo=None) if at.tzinfo else at


def check_idle(seconds: int, warning: int) -> int:
    """--idle: at least one second more than the countdown a citizen kiosk shows before it ends a
    session (``warning`` seconds), so the countdown is shown whole. 0 and negative values were taken
    silently (0 as the default, -5 as 21 s); raises ValueError (one line) below that."""
    least = warning + 1
    if seconds < least:
        raise ValueError(f"--idle 须为不小于{least}的秒数（自助终端在超时前{warning}秒显示倒计时），收到 {seconds}")
    return seconds


ELICENCE_TTL_RANGE = (5, 3600)  # the e-licence code's lifetime, seconds: long enough to scan, at most an hour


def parse_ttl(text: str | None) -> int:
    """KIOSK_ELICENCE_TTL: whole seconds within ELICENCE_TTL_RANGE, 60 when not set; raises ValueError
    (one line) for anything else ('abc' said "invalid literal for int()"; 0 became 60 and 99999 an hour
    without a word)."""
    if not text or not text.strip():
        return 60
    low, high = ELICENCE_TTL_RANGE
    try:
        seconds = int(text)
    except ValueError:
        seconds = None
    if seconds is None or not low <= seconds <= high:
        raise ValueError(f"KIOSK_ELICENCE_TTL 须为{low}到{high}之间的整数秒数（电子驾驶证二维码的有效时间，默认60），"
                         f"收到 {text!r}")
    return seconds


# The terminal's look (kiosk --theme, KIOSK_THEME); a citizen may switch it for their own visit.
STANDARD, HIGH_CONTRAST = "standard", "high-contrast"
THEMES = (STANDARD, HIGH_CONTRAST)


def parse_theme(text: str | None) -> str:
    """'high-contrast' -> 'high-contrast', nothing -> 'standard'; raises ValueError with a readable message."""
    if not text:
        return STANDARD
    name = text.strip().lower()
    if name not in THEMES:
        raise ValueError(f"KIOSK_THEME / --theme 须为以下之一：{', '.join(THEMES)}，收到 {text!r}")
    return name


@dataclass
class Settings:
    db_url: str = field(default_factory=default_db_url)
    terminal_id: str = field(default_factory=lambda: os.environ.get("KIOSK_TERMINAL_ID") or f"kiosk-{socket.gethostname()}")
    counter: bool = False
    idle_seconds: int = 120  # citizen kiosk: the session is wiped after this long without input
    # The counter locks its screen after this long: a clerk talking a citizen through a form (with no
    # key pressed meanwhile) met the lock screen every 2 minutes with the kiosk's time.
    counter_idle_seconds: int = 300
    idle_warning_seconds: int = 20
    now: datetime | None = None  # the clock's instant (KIOSK_NOW, --now): demos and tests
    clock_runs: bool = False  # with ``now``: start there and run (the CLI), or stay frozen (tests)
    theme: str = STANDARD  # the terminal's look: standard or high-contrast (高对比度)
    demo: bool = True  # show SMS as a phone notification; demo face/camera/payment
    data_dir: Path = field(default_factory=default_data_dir)
    code_ttl_seconds: int = 300
    code_resend_seconds: int = 60
    code_max_attempts: int = 5
    code_daily_limit: int = 10  # codes one phone number may be sent in a calendar day, all purposes
    face_max_failures: int = 3
    # Lifetime of an e-licence QR code (seconds); the screen regenerates it before it expires.
    elicence_ttl_seconds: int = field(default_factory=lambda: parse_ttl(os.environ.get("KIOSK_ELICENCE_TTL")))

    @property
    def idle_limit(self) -> int:
        """Seconds without input before the counter locks or the kiosk ends the session."""
        return self.counter_idle_seconds if self.counter else self.idle_seconds

    @property
    def idle_countdown(self) -> int:
        """Seconds of the countdown a citizen kiosk shows before it ends the session: the last
        ``idle_warning_seconds`` (20), but never more than the second half of the idle time. At
        --idle 21 a 20 s countdown came up 1 s after every key, and the key that takes it away does
        nothing else (KioskApp.on_event): ordinary typing lost every other digit."""
        return min(self.idle_warning_seconds, self.idle_limit // 2)

    def clock(self) -> Clock:
        if self.now is None:
            return SystemClock()
        return FrozenStartClock(self.now) if self.clock_runs else FixedClock(self.now)
