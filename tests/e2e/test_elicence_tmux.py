"""End to end: ``kiosk elicence show`` in a real tmux pane (120x40 and 80x24). The code is rebuilt
from what the pane holds (capture-pane -e keeps the colours, -N the trailing spaces), decoded with
zxing-cpp (no inversion) and zbar, and ``kiosk verify`` accepts it, then rejects it once expired."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from kiosk.config import Settings
from kiosk.services import elicence, elicence_card
from kiosk.services.env import make_env
from tests.qr_raster import raster_lines
from tests.ui.elicence_helpers import zbar_read, zxing_read

from . import tmux as tm

if tm.tmux_path() is None:
    pytest.skip("tmux is not installed", allow_module_level=True)

pytestmark = pytest.mark.e2e

NOW = "2026-12-01T09:00"
ID_NUMBER = "500112198808240556"  # demo 刘洋, licence normal, stored ID photo
SGR = re.compile(r"\x1b\[([0-9;:]*)m")
HALF = set(" \u2580\u2584\u2588")
# Black and white in the xterm 256-colour palette (what #000000 / #ffffff become on such a terminal).
PALETTE_256 = {0: (0, 0, 0), 16: (0, 0, 0), 15: (255, 255, 255), 231: (255, 255, 255)}


def qr_lines(captured: list[str]) -> list[str]:
    """Per captured line, the characters painted black on white. tmux writes an SGR sequence only
    where the attributes change, so the colour state runs on from one line to the next."""
    fg = bg = None
    result: list[str] = []
    for line in captured:
        out: list[str] = []
        pos = 0
        for m in [*SGR.finditer(line), None]:
            chunk = line[pos:m.start()] if m else line[pos:]
            if fg == (0, 0, 0) and bg == (255, 255, 255):
                out.append(chunk)
            if m is None:
                break
            pos = m.end()
            fg, bg = _apply_sgr(m.group(1), fg, bg)
        result.append("".join(out))
    return [cells for cells in result if cells]


def _apply_sgr(text: str, fg, bg):  # type: ignore[no-untyped-def]
    params = [int(p) if p else 0 for p in re.split(r"[;:]", text or "0")]
    i = 0
    while i < len(params):
        p = params[i]
        if p == 0:
            fg = bg = None
        elif p in (38, 48) and i + 4 < len(params) and params[i + 1] == 2:
            rgb = tuple(params[i + 2:i + 5])
            fg, bg = (rgb, bg) if p == 38 else (fg, rgb)
            i += 4
        elif p in (38, 48) and i + 2 < len(params) and params[i + 1] == 5:  # 256-colour terminals
            rgb = PALETTE_256.get(params[i + 2], ("palette", params[i + 2]))
            fg, bg = (rgb, bg) if p == 38 else (fg, rgb)
            i += 2
        elif p == 39:
            fg = None
        elif p == 49:
            bg = None
        i += 1
    return fg, bg


@pytest.fixture
def setup(tmp_path: Path):  # type: ignore[no-untyped-def]
    url = tm.sqlite_url(tmp_path / "kiosk.db")
    environ = {"KIOSK_DATA_DIR": str(tmp_path / "data"), "KIOSK_NOW": NOW, "PYTHONIOENCODING": "utf-8"}
    subprocess.run([*tm.kiosk_command(), "--db", url, "demo"], check=True, capture_output=True,
                   env={**os.environ, **environ}, timeout=120)
    from kiosk.config import parse_now

    env = make_env(Settings(db_url=url, data_dir=tmp_path / "data", now=parse_now(NOW), terminal_id="e2e"))
    try:
        elicence.apply_direct(env, elicence_card.account_for(env, ID_NUMBER))
    finally:
        env.db.dispose()
    return url, environ


def kiosk(url: str, environ: dict, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*tm.kiosk_command(), "--db", url, *args], capture_output=True, text=True,
                          env={**os.environ, **environ}, timeout=60)


@pytest.mark.parametrize(("width", "height", "prefix"), [(120, 40, "DL1:"), (80, 24, "DL2:")])
def test_code_read_off_the_terminal_verifies_then_expires(setup, width: int, height: int, prefix: str) -> None:
    url, environ = setup
    pane = tm.Tmux()
    try:
        pane.start([*tm.kiosk_command(), "--db", url, "elicence", "show", ID_NUMBER], environ,
                   width=width, height=height)
        tm.wait_for(lambda: "二维码" in pane.screen() and pane.pane_dead(), timeout=60, describe=pane.screen)
        captured = pane.tmux("capture-pane", "-p", "-e", "-N", "-t", pane.target).stdout.splitlines()
    finally:
        pane.kill()
    lines = qr_lines(captured)
    assert lines and all(set(cells) <= HALF for cells in lines)
    assert len(lines) <= height - 1 and len({len(cells) for cells in lines}) == 1
    img = raster_lines(lines, scale=4)
    zx, zb = zxing_read(img), zbar_read(img)
    assert len(zx) == 1 and zx == zb and zx[0].startswith(prefix)
    ok = kiosk(url, environ, "verify", zx[0], "--online")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "验证通过" in ok.stdout and "刘洋" in ok.stdout
    late = kiosk(url, environ, "--now", "2026-12-01T09:05", "verify", zx[0])
    assert late.returncode == 1 and "二维码已过期" in late.stdout and "Traceback" not in late.stderr
