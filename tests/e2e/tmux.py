"""A small driver for the real ``kiosk`` command running in a detached tmux session.

Every session gets its own tmux server (``tmux -L <socket>``) with no config file (``-f
/dev/null``), so the tests never touch the user's tmux server and the user's ``.tmux.conf``
never changes what the tests see. ``Tmux.kill()`` kills that private server.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

WIDTH, HEIGHT = 120, 40
CODE = re.compile(r"验证码(\d{6})")


def tmux_path() -> str | None:
    return shutil.which("tmux")


def _terminfo_has(name: str) -> bool:
    if shutil.which("infocmp"):
        return subprocess.run(["infocmp", name], capture_output=True).returncode == 0
    return any(Path(d, name[0], name).exists() for d in ("/usr/share/terminfo", "/lib/terminfo", "/etc/terminfo"))


def pane_term() -> str:
    """TERM for the program inside tmux: tmux's own terminal type if terminfo knows it."""
    return next((n for n in ("tmux-256color", "screen-256color") if _terminfo_has(n)), "screen")


def kiosk_command() -> list[str]:
    """The installed ``kiosk`` console script, or ``python -m kiosk`` when it is not on PATH."""
    exe = shutil.which("kiosk")
    return [exe] if exe else [sys.executable, "-m", "kiosk"]


class WaitTimeout(TimeoutError):
    """Something never showed up. Not an AssertionError, so ``xfail(raises=AssertionError)`` on a
    known-bug assertion never hides a test that broke for another reason."""


class KioskExited(RuntimeError):
    """The pane died: the kiosk process exited (or crashed) while a test waited on it."""


def wait_for(probe: Callable[[], T | None], *, timeout: float, interval: float = 0.2,
             describe: Callable[[], str] = lambda: "") -> T:
    """Call ``probe`` until it returns something truthy; fail with ``describe()`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if result:
            return result
        if time.monotonic() >= deadline:
            raise WaitTimeout(f"timed out after {timeout:.0f}s\n{describe()}")
        time.sleep(interval)


@dataclass
class Tmux:
    """One private tmux server holding one session (window 0, pane 0) that runs one command."""

    socket: str = field(default_factory=lambda: f"kiosk-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    session: str = field(default_factory=lambda: f"kiosk-{uuid.uuid4().hex[:8]}")

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        exe = tmux_path()
        assert exe, "tmux is not installed"
        env = {k: v for k, v in os.environ.items() if k != "TMUX"}  # never talk to an enclosing tmux
        return subprocess.run([exe, "-L", self.socket, "-f", "/dev/null", *args], capture_output=True,
                              text=True, check=check, timeout=15, env=env)

    @property
    def target(self) -> str:
        return f"{self.session}:0.0"

    def start(self, argv: Sequence[str], env: Mapping[str, str], *, width: int = WIDTH,
              height: int = HEIGHT) -> None:
        """Start ``argv`` in a new detached session; the pane stays (dead) after the command exits."""
        # ``env VAR=... cmd`` rather than ``new-session -e``: the variables then reach the command
        # itself whatever the server's global environment says, TERM included. COLUMNS and LINES
        # go: the server inherits them from pytest (pytest-xdist workers set 80 and 24), and they
        # would override the pane's real size for the program inside.
        command = "exec " + shlex.join(["env", "-u", "COLUMNS", "-u", "LINES", f"TERM={pane_term()}",
                                        *(f"{k}={v}" for k, v in env.items()), *argv])
        # One command sequence: remain-on-exit is set before the server can reap a kiosk that dies
        # at once, so even an immediate crash leaves a dead pane (and its output) to look at.
        self.tmux("new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), command,
                  ";", "set-option", "-t", self.session, "remain-on-exit", "on")

    def kill(self) -> None:
        """Kill this private tmux server (and so the kiosk in it) and remove its socket file."""
        if not tmux_path():
            return
        found = self.tmux("display-message", "-p", "#{socket_path}", check=False)
        self.tmux("kill-server", check=False)
        socket_path = found.stdout.strip()
        if found.returncode == 0 and socket_path.endswith(self.socket):
            Path(socket_path).unlink(missing_ok=True)

    # -- looking at the pane ------------------------------------------------------------------
    def screen(self) -> str:
        """The visible pane as plain text, one line per row."""
        result = self.tmux("capture-pane", "-p", "-t", self.target, check=False)
        return result.stdout if result.returncode == 0 else f"<capture-pane failed: {result.stderr.strip()}>"

    def pane(self, fmt: str) -> str:
        return self.tmux("display-message", "-p", "-t", self.target, fmt).stdout.strip()

    def pane_dead(self) -> bool:
        return self.pane("#{pane_dead}") == "1"

    def pane_pid(self) -> int:
        return int(self.pane("#{pane_pid}"))

    def pane_info(self) -> dict[str, str]:
        keys = ("pane_dead", "pane_dead_status", "pane_current_command", "pane_pid", "pane_width",
                "pane_height")
        values = self.pane("\t".join(f"#{{{k}}}" for k in keys)).split("\t")
        return dict(zip(keys, values))

    def wait_for_text(self, *texts: str, absent: Sequence[str] = (), timeout: float = 30) -> str:
        """Wait until every one of ``texts`` is on the screen and none of ``absent``; return it."""

        def probe() -> str | None:
            shown = self.screen()
            if all(t in shown for t in texts) and not any(t in shown for t in absent):
                return shown
            if self.pane_dead():
                raise KioskExited(f"the kiosk exited ({self.pane_info()}):\n{shown}")
            return None

        return wait_for(probe, timeout=timeout,
                        describe=lambda: f"waiting for {texts!r} (and not {tuple(absent)!r}); "
                                         f"the pane shows:\n{self.screen()}")

    # -- typing ---------------------------------------------------------------------------------
    def send_keys(self, *keys: str) -> None:
        """tmux key names: ``Enter``, ``Tab``, ``C-c`` ..."""
        self.tmux("send-keys", "-t", self.target, *keys)

    def type(self, text: str) -> None:
        """Literal text, exactly as typed."""
        self.tmux("send-keys", "-t", self.target, "-l", text)


def outbox(kiosk: Sequence[str], db_url: str, phone: str, env: Mapping[str, str]) -> list[dict]:
    """``kiosk --db URL outbox --phone P --json``: the SMS to ``phone``, newest first."""
    result = subprocess.run([*kiosk, "--db", db_url, "outbox", "--phone", phone, "--json"],
                            capture_output=True, text=True, timeout=60, env={**os.environ, **env})
    if result.returncode != 0:
        raise RuntimeError(f"kiosk outbox failed ({result.returncode}):\n{result.stderr}")
    return json.loads(result.stdout)


def wait_for_code(kiosk: Sequence[str], db_url: str, phone: str, env: Mapping[str, str], *,
                  after_id: int = 0, timeout: float = 30) -> str:
    """Poll the outbox until an SMS with a 6-digit code (newer than ``after_id``) reaches ``phone``."""
    seen: list[dict] = []

    def probe() -> str | None:
        seen[:] = outbox(kiosk, db_url, phone, env)
        for message in seen:  # newest first
            found = CODE.search(message["body"])
            if message["id"] > after_id and found:
                return found.group(1)
        return None

    return wait_for(probe, timeout=timeout, interval=0.5,
                    describe=lambda: f"no code SMS to {phone}; outbox: {seen!r}")


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def process_state(pid: int) -> str | None:
    """The kernel's one-letter state of ``pid`` (R, S, T = stopped, Z = zombie ...), None if gone.

    Falls back to ``ps`` where there is no /proc."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        if Path("/proc/self/stat").exists():
            return None
        result = subprocess.run(["ps", "-o", "state=", "-p", str(pid)], capture_output=True, text=True)
        return result.stdout.strip()[:1] or None
    return stat.rsplit(")", 1)[1].split()[0]
