"""KioskScreen.read_live delivers a refresh only to the screen still shown, and one whose widgets
are already gone (taken down while the read ran) shows nothing instead of failing: in a loaded CI
run 驾驶证电子版's review refresh arrived as the citizen left for 网办进度 and the menu, and its
NoMatches for #el-message stopped the whole kiosk."""
from __future__ import annotations

from textual.css.query import NoMatches

from kiosk.ui.base import KioskScreen
from tests.ui.conftest import settle


async def test_a_refresh_for_a_screen_taken_down_or_covered_shows_nothing(kiosk_app):
    async with kiosk_app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = kiosk_app.screen
        assert isinstance(screen, KioskScreen)
        got = []

        def gone(result):
            got.append(result)
            screen.query_one("#no-such-widget")  # as _loaded does once the page's widgets are removed

        screen._live_read(gone, 1)  # shown, but its widget gone: no error
        assert got == [1]
        try:
            screen.query_one("#no-such-widget")
        except NoMatches:
            pass
        from textual.screen import Screen

        kiosk_app.push_screen(Screen())
        await settle(pilot)
        screen._live_read(got.append, 2)  # covered: not delivered
        assert got == [1]


async def test_a_refresh_that_fails_leaves_the_kiosk_running(kiosk_app):
    async with kiosk_app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = kiosk_app.screen

        def broken(result):
            raise RuntimeError("a refresh gone wrong")

        screen.read_live(lambda: 1, done=broken)
        await pilot.pause(0.5)  # not settle(): waiting for the workers re-raises the failed one's error
        assert kiosk_app.is_running and kiosk_app.screen is screen
        assert [w.state.name for w in kiosk_app.workers if w.group == "live"] in ([], ["ERROR"])
        await pilot.press("tab")  # the kiosk still takes keys
        await pilot.pause()
