"""Pilot: Tab or Shift+Tab that comes before a screen's opening focus has landed moves on from the
main control (CI, in tmux: Shift+Tab pressed as the 业务中心 appeared focused 驾驶证补换领, the
first entry, and Enter opened it; the citizen meant 退出登录, the last button)."""
from __future__ import annotations

from kiosk.ui.screens.home import HomeScreen
from tests.ui.conftest import settle, sign_in


async def test_shift_tab_before_the_opening_focus_reaches_sign_out(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = kiosk_app.screen
        assert isinstance(home, HomeScreen)
        first = home.focus_chain[0]
        assert kiosk_app.focused is first  # the main control: the first entry
        home.set_focus(None)  # as just opened, before call_after_refresh has focused it
        home.focus_previous()
        assert kiosk_app.focused is home.query_one("#sign-out")
        home.set_focus(None)
        home.focus_next()
        assert kiosk_app.focused is home.focus_chain[1]
        await settle(pilot)
        assert kiosk_app.focused is home.focus_chain[1]  # the opening focus does not take it back
