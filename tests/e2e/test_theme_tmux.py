"""End to end: the real ``kiosk`` command takes the high-contrast look from ``--theme`` and from
KIOSK_THEME, at a citizen kiosk and at a counter: the pane (tmux ``capture-pane -e``) is drawn on
black with the focused button filled in yellow."""
from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from . import tmux as tm

if tm.tmux_path() is None:
    pytest.skip("tmux is not installed", allow_module_level=True)

pytestmark = pytest.mark.e2e

START_TIMEOUT = 30
SGR = re.compile(r"\x1b\[([0-9;]*)m")
BLACK = {"48;5;16", "48;2;0;0;0", "40"}
YELLOW = {"48;5;226", "48;2;255;255;0", "48;2;254;255;0", "103"}


def backgrounds(line: str) -> set[str]:
    """The background colours a captured row sets (256-colour or RGB, as the kiosk sent them)."""
    found = set()
    for params in SGR.findall(line):
        parts = params.split(";")
        for i, p in enumerate(parts):
            if p == "48" and i + 1 < len(parts):
                n = 3 if parts[i + 1] == "5" else 5
                found.add(";".join(parts[i:i + n]))
            elif p in ("40", "103"):
                found.add(p)
    return found


@pytest.fixture
def pane(tmp_path: Path) -> Iterator[tm.Tmux]:
    p = tm.Tmux()
    try:
        yield p
    finally:
        p.kill()


def start(pane: tm.Tmux, tmp_path: Path, *args: str, **env: str) -> None:
    environ = {"KIOSK_NOW": "2026-12-01T09:00", "KIOSK_DATA_DIR": str(tmp_path), **env}
    pane.start([*tm.kiosk_command(), "--db", tm.sqlite_url(tmp_path / "kiosk.db"), *args], environ)


def coloured_rows(pane: tm.Tmux, plain: str) -> tuple[list[str], str]:
    """The captured rows with their colours, and the first whose text matches ``plain`` (a regex)."""
    shown = pane.tmux("capture-pane", "-p", "-e", "-t", pane.target).stdout.splitlines()
    row = next((line for line in shown if re.fullmatch(plain, SGR.sub("", line).strip())), "")
    return shown, row


def test_the_option_gives_a_citizen_kiosk_the_high_contrast_look(pane: tm.Tmux, tmp_path: Path) -> None:
    start(pane, tmp_path, "--theme", "high-contrast")
    pane.wait_for_text("欢迎使用", "标准显示", timeout=START_TIMEOUT)  # the switch offers the way back
    deadline = time.monotonic() + 5  # the focus lands on 登录 a moment after the text (later on a loaded machine)
    while True:
        rows, buttons = coloured_rows(pane, r"登录\s+注册")
        if backgrounds(buttons) & YELLOW or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert backgrounds(buttons) & YELLOW, f"the focused 登录 is not yellow:\n{buttons!r}"
    assert sum(bool(backgrounds(r) & BLACK) for r in rows) > 5, "\n".join(rows)


def test_the_environment_gives_a_counter_the_high_contrast_look(pane: tm.Tmux, tmp_path: Path) -> None:
    start(pane, tmp_path, "--counter", KIOSK_THEME="high-contrast")
    pane.wait_for_text("工号", "密码", timeout=START_TIMEOUT)
    rows, _ = coloured_rows(pane, ".*工号")
    assert sum(bool(backgrounds(r) & BLACK) for r in rows) > 5, "\n".join(rows)
    assert "标准显示" not in pane.screen()  # no citizen switch at a counter
