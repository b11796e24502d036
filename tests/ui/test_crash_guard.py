"""An error no screen handles (a bug): logged, never printed on the hall's screen, and the kiosk
starts again on the start screen, up to CRASH_LIMIT times in CRASH_WINDOW seconds.
The real terminal is seen in tests/e2e/test_crash_restart_tmux.py."""
from __future__ import annotations

import logging

import pytest

import kiosk.ui.app as ui_app
from kiosk import __main__ as kiosk_main


async def test_an_unhandled_error_is_logged_and_ends_the_run(kiosk_app, caplog):
    caplog.set_level(logging.ERROR, logger="kiosk.ui")
    with pytest.raises(ZeroDivisionError):  # Pilot still hands the error to the test
        async with kiosk_app.run_test(size=(80, 24)) as pilot:
            kiosk_app.call_later(lambda: 1 / 0)
            await pilot.pause()
    assert kiosk_app.crashed and kiosk_app.return_code == 1
    assert "unexpected error, the kiosk restarts" in caplog.text and "ZeroDivisionError" in caplog.text
    assert kiosk_app._exit_renderables == []  # noqa: SLF001 - nothing left for Textual to print on exit


class _Run:
    """Stands in for KioskApp in the loop of kiosk.__main__: each run crashes or not, as ``outcomes`` says."""

    def __init__(self, outcomes: list[bool], runs: list[_Run]) -> None:
        self.crashed = outcomes.pop(0)
        self.return_code = 1 if self.crashed else 0
        self.start_notice = ""
        runs.append(self)

    def run(self) -> None:
        pass


def _fake_apps(monkeypatch, outcomes: list[bool]) -> list[_Run]:  # type: ignore[no-untyped-def]
    runs: list[_Run] = []
    monkeypatch.setattr(ui_app, "make_app", lambda settings, env: _Run(outcomes, runs))
    return runs


def test_after_a_crash_the_next_run_shows_the_notice(env, monkeypatch):
    runs = _fake_apps(monkeypatch, [True, False])
    assert kiosk_main._run_app(env.settings, env) == 0  # noqa: SLF001
    assert [r.start_notice for r in runs] == ["", kiosk_main.RESTART_NOTICE]


def test_repeated_crashes_stop_the_kiosk_with_a_message(env, monkeypatch, capsys):
    runs = _fake_apps(monkeypatch, [True] * (kiosk_main.CRASH_LIMIT + 3))
    assert kiosk_main._run_app(env.settings, env) == 1  # noqa: SLF001
    assert len(runs) == kiosk_main.CRASH_LIMIT
    assert "已停止运行，请联系技术人员" in capsys.readouterr().err


async def test_the_restart_notice_stays_on_the_start_screen_until_the_next_visit_begins(kiosk_app):
    """A tester missed it as a 20-second toast: the citizen who was signed out by the crash may have
    looked away. It is a line of the start screen, gone once someone presses 登录 or 注册."""
    kiosk_app.start_notice = kiosk_main.RESTART_NOTICE
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not list(kiosk_app._notifications)  # noqa: SLF001 - a line of the screen, not a toast that goes
        notice = kiosk_app.screen.query_one("#restart-notice")
        assert str(notice.render()).startswith("系统刚才出现异常") and notice.region.bottom <= 24
        await pilot.press("enter")  # 登录
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not kiosk_app.screen.query("#restart-notice") and kiosk_app.start_notice == ""
