"""Pilot: the sign-out notice (已退出登录，欢迎再次使用。 on the start screen, 已退出登录，请工作人员登录 on the
counter's staff sign-in) is for whoever walks up next, not for the session they then begin: once
someone signs in again it is gone, on the screen they land on and on every later one."""
from __future__ import annotations

from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.staff_home import StaffHomeScreen
from tests.ui.conftest import screen_text, settle, sign_in, sign_out
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_lock import _idle_lock_over_a_citizens_file
from tests.ui.counter_helpers import press

CITIZEN = "已退出登录，欢迎再次使用。"
COUNTER = "已退出登录，请工作人员登录"


def _notices(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


async def test_the_citizens_sign_out_notice_is_gone_after_the_next_sign_in(kiosk_app, env, people):
    """Already so by 登录 on the start screen (WelcomeScreen clears it); KioskApp.signed_in too now."""
    p, q = people["driver_normal"], people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 40), notifications=True) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await sign_out(pilot)
        assert _notices(kiosk_app) == [CITIZEN] and CITIZEN in screen_text(kiosk_app)
        await sign_in(pilot, env, q.id_number, q.phone)
        assert isinstance(kiosk_app.screen, HomeScreen)
        assert CITIZEN not in _notices(kiosk_app) and CITIZEN not in screen_text(kiosk_app)
        await pilot.click("#menu-my_licence")
        await settle(pilot)
        assert CITIZEN not in screen_text(kiosk_app)


async def test_the_counters_sign_out_notice_is_gone_after_the_next_sign_in(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _idle_lock_over_a_citizens_file(pilot, app)
        await press(pilot, "sign-out")
        await press(pilot, "yes")
        await settle(pilot)
        assert COUNTER in _notices(app) and COUNTER in screen_text(app)
        await _sign_in(pilot, app, "J1002", "kiosk-1002")
        assert isinstance(app.screen, StaffHomeScreen)
        assert COUNTER not in _notices(app) and COUNTER not in screen_text(app)
