"""Pilot: the lock screen, the tester's keys: 「abc」 and Enter read PIN码错误，再错8次将锁定15分钟 (a try
used on what no PIN can be); now PIN码须为6位数字 under the field, as 工作人员账户 says it, and the
next wrong PIN is the first one counted."""
from __future__ import annotations

from kiosk.ui.screens.lock import LockScreen
from tests.ui.conftest import field_error, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press


async def test_letters_for_a_pin_are_told_the_pins_form_and_use_no_try(env):
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        await press(pilot, "lock")
        assert isinstance(app.screen, LockScreen) and app.focused.id == "input-pin"
        await pilot.press(*"abc", "enter")
        await settle(pilot)
        assert field_error(app, "pin") == "PIN码须为6位数字"
        await pilot.press(*"1234", "enter")
        await settle(pilot)
        assert field_error(app, "pin") == "PIN码须为6位数字"
        await pilot.press(*"999999", "enter")
        await settle(pilot)
        assert field_error(app, "pin") == "PIN码错误，再错9次将锁定15分钟"  # the first try counted
        await pilot.press(*"100100", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, LockScreen)


async def test_not_signing_out_goes_back_to_the_pin(env):
    """Tester: Tab, Right, Enter (退出登录), Escape (暂不退出) left the focus on 退出登录, so the PIN
    typed went nowhere and Enter asked to sign out again. Now the PIN field has the focus."""
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        await press(pilot, "lock")
        lock = app.screen
        assert isinstance(lock, LockScreen)
        await pilot.press("tab", "right")
        await settle(pilot)
        assert app.focused.id == "sign-out"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is not lock  # the question
        await pilot.press("escape")  # 暂不退出
        await settle(pilot)
        assert app.screen is lock and app.focused.id == "input-pin"
        await pilot.press(*"100100", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, LockScreen)
