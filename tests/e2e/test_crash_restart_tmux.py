"""End to end: a bug that ends the app's run, in the real kiosk in a tmux pane. The hall's screen
shows no traceback: the kiosk starts again on the start screen with a notice, and the traceback
is in the log file."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from . import tmux as tm

if tm.tmux_path() is None:
    pytest.skip("tmux is not installed", allow_module_level=True)

pytestmark = pytest.mark.e2e


def test_a_bug_restarts_the_kiosk_on_the_start_screen(tmp_path: Path) -> None:
    pane = tm.Tmux()
    script = Path(__file__).with_name("crash_once.py")
    env = {"KIOSK_NOW": "2026-12-01T09:00", "KIOSK_DATA_DIR": str(tmp_path),
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    try:
        pane.start([sys.executable, str(script), "--db", tm.sqlite_url(tmp_path / "kiosk.db")], env)
        screen = pane.wait_for_text("欢迎使用", "系统刚才出现异常，已自动重新启动", timeout=60)
        assert "Traceback" not in screen and "ZeroDivisionError" not in screen
        assert "登录" in screen and "注册" in screen
        assert not pane.pane_dead()
    finally:
        pane.kill()
    logged = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert "unexpected error, the kiosk restarts" in logged and "ZeroDivisionError" in logged
