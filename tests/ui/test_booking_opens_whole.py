"""Pilot: 考试预约 shows only 正在读取您的考试信息，请稍候。 while the citizen's exam facts are read
(tester: the step bar and 返回 / 下一步 were drawn under that line already, a page not ready to be
pressed); the step bar, the subjects and the buttons come together. A read that fails still shows
why with 返回 under it."""
from __future__ import annotations

import time

import pytest
from textual.widgets import Button

from kiosk.domain.errors import DomainError
from kiosk.ui.calls import GENERIC_ERROR
from kiosk.ui.screens.booking import wizard
from kiosk.ui.screens.home import HomeScreen
from tests.ui.conftest import screen_text, settle, sign_in

READING = "正在读取您的考试信息"


def _slow_load(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    load = wizard.load

    def slowly(*args):  # type: ignore[no-untyped-def]
        time.sleep(0.5)  # a busy database: the read takes a while
        return load(*args)

    monkeypatch.setattr(wizard, "load", slowly)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["80x24", "100x30"])
async def test_only_the_reading_line_shows_until_the_subjects_are_there(kiosk_app, env, people, monkeypatch, size):
    _slow_load(monkeypatch)
    frames: list[tuple[bool, bool, bool, str]] = []  # per frame of the wizard: step bar, buttons, subjects, text
    display = kiosk_app._display  # noqa: SLF001

    def seen(screen, renderable):  # type: ignore[no-untyped-def]
        display(screen, renderable)
        if isinstance(screen, wizard.BookingWizardScreen) and screen.is_mounted:
            text = screen_text(kiosk_app)
            frames.append(("科目确认" in text, "返回" in text or "下一步" in text, "科目二（场地驾驶技能）" in text, text))

    monkeypatch.setattr(kiosk_app, "_display", seen)
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=size) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-exam_booking")
        await settle(pilot)
        assert frames and frames[-1][:3] == (True, True, True)  # the step, whole
        reading = [f for f in frames if READING in f[3]]
        assert reading  # the read was seen, with nothing of the step
        assert all(f[:2] == (False, False) for f in reading), [f[3] for f in reading if any(f[:2])][:1]
        assert all(f[:3] in ((False, False, False), (True, True, True)) for f in frames), \
            [f[3] for f in frames if f[:3] not in ((False, False, False), (True, True, True))][:1]
        assert kiosk_app.focused is kiosk_app.screen.query_one("#subject")  # on the subjects, as before


@pytest.mark.parametrize("error", [DomainError("暂时无法读取您的考试信息"), RuntimeError("database gone")],
                         ids=["refused", "unexpected"])
async def test_a_failed_read_shows_why_with_back(kiosk_app, env, people, monkeypatch, error):
    def failing(*args):  # type: ignore[no-untyped-def]
        raise error

    monkeypatch.setattr(wizard, "load", failing)
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-exam_booking")
        await settle(pilot)
        text = screen_text(kiosk_app)
        said = "暂时无法读取您的考试信息。请点击【返回】。" if isinstance(error, DomainError) else GENERIC_ERROR
        assert said in text
        back = kiosk_app.screen.query_one("#back", Button)
        assert back.region.height and "返回" in text  # on screen, to press
        await pilot.click("#back")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)
