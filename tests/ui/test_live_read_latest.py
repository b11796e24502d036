"""KioskScreen.read_live shows only the latest read of a kind: an earlier read that finishes later
(its thread runs on though ``exclusive`` cancelled its worker) does not put back what was there
before a save (考试成绩录入's list kept a 1（初考） row after the first attempt was saved, on a CI run)."""
from __future__ import annotations

import threading

from kiosk.ui.base import KioskScreen
from tests.ui.conftest import settle


class _Screen(KioskScreen):
    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def show(self, value: str) -> None:
        self.shown.append(value)


async def test_a_read_begun_earlier_and_done_later_is_not_shown(kiosk_app):
    release, started = threading.Event(), threading.Event()

    def before_the_save() -> str:
        started.set()
        release.wait(5)  # still reading when the later read is begun, and done after it
        return "before"

    def after_the_save() -> str:
        return "after"

    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        screen = _Screen()
        await kiosk_app.push_screen(screen)
        await settle(pilot)
        screen.read_live(before_the_save, done=screen.show)
        for _ in range(100):  # reading, in its thread
            await pilot.pause(0.02)
            if started.is_set():
                break
        screen.read_live(after_the_save, done=screen.show)
        for _ in range(50):
            await pilot.pause(0.02)
            if screen.shown:
                break
        release.set()
        await settle(pilot)
        await pilot.pause(0.2)
        assert screen.shown == ["after"]


async def test_a_lambda_made_on_every_tick_is_one_kind_of_read(kiosk_app):
    """As 为群众办理, 审核队列 and 考试计划与安排 call it: ``done=lambda fresh: self._loaded(count, fresh)``,
    a new lambda per tick. The earlier read done later is still not shown, and the screen keeps one
    ticket for that place, not one per tick."""
    release, started = threading.Event(), threading.Event()

    def before() -> str:
        started.set()
        release.wait(5)
        return "before"

    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        screen = _Screen()
        await kiosk_app.push_screen(screen)
        await settle(pilot)

        def tick(fn, n: int) -> None:  # type: ignore[no-untyped-def]
            screen.read_live(fn, done=lambda value: screen.show(f"{value}{n}"))

        tick(before, 1)
        for _ in range(100):
            await pilot.pause(0.02)
            if started.is_set():
                break
        for n in range(2, 12):
            tick(lambda: "after", n)
        for _ in range(50):
            await pilot.pause(0.02)
            if screen.shown:
                break
        release.set()
        await settle(pilot)
        await pilot.pause(0.2)
        assert "before1" not in screen.shown and screen.shown[-1] == "after11"
        assert len(screen._live_tickets) == 1
