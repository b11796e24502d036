"""Pilot: the counter terminal's staff sign-in, home, lock screen and idle lock."""
from __future__ import annotations

import asyncio

from kiosk.ui.app import make_app
from kiosk.ui.screens.lock import LockScreen
from kiosk.ui.screens.staff_home import StaffHomeScreen
from kiosk.ui.screens.staff_sign_in import StaffSignInScreen
from tests.ui.conftest import field_error, screen_text, set_input, settle


def counter_app(env):
    env.settings.counter = True
    return make_app(env.settings, env)


async def _sign_in(pilot, app, staff_no="J1001", password="kiosk-1001"):
    set_input(app, "staff_no", staff_no)
    set_input(app, "password", password)
    await pilot.click("#submit")
    await settle(pilot)


async def sign_out_at_counter(pilot) -> None:  # type: ignore[no-untyped-def]
    """窗口工作台's 退出登录, and 退出登录 to its question (确定退出登录吗？, opened on 暂不退出)."""
    from kiosk.ui.dialogs.confirm import ConfirmDialog

    pilot.app.screen.query_one("#sign-out").press()
    await settle(pilot)
    assert isinstance(pilot.app.screen, ConfirmDialog) and pilot.app.staff is not None
    pilot.app.screen.query_one("#yes").press()
    await settle(pilot)


async def test_staff_sign_in_home_lock_and_sign_out(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, StaffSignInScreen)
        await _sign_in(pilot, app, password="wrong")
        assert field_error(app, "password") == "工号或密码错误（连续错误10次将锁定15分钟）"
        await _sign_in(pilot, app)
        assert isinstance(app.screen, StaffHomeScreen)
        text = screen_text(app)
        assert "王警官" in text and "窗口民警/辅警" in text and "工作人员登录" in text
        await pilot.click("#lock")
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        set_input(app, "pin", "000000")
        await pilot.click("#unlock")
        await settle(pilot)
        assert isinstance(app.screen, LockScreen) and field_error(app, "pin").startswith("PIN码错误，再错9次")
        assert app.screen.query_one("#input-pin").value == ""  # the next try is not appended to it
        set_input(app, "pin", "100100")
        await pilot.click("#unlock")
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)
        assert "解锁屏幕失败" in screen_text(app) and "unlock" not in screen_text(app)
        await sign_out_at_counter(pilot)  # asked first
        assert isinstance(app.screen, StaffSignInScreen) and app.staff is None
        assert app.screen.query_one("#input-password").value == ""
        assert app.screen.query_one("#input-staff_no").value == ""  # nothing of the last clerk stays
        assert app.focused is app.screen.query_one("#input-staff_no")


async def test_counter_locks_itself_when_idle(env):
    app = counter_app(env)
    env.settings.counter_idle_seconds = 2
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        assert isinstance(app.screen, StaffHomeScreen)
        await asyncio.sleep(3.2)
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        assert app.staff is not None  # locked, not signed out


async def test_quit_keys_are_harmless_at_the_counter(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        for key in ("ctrl+c", "ctrl+q", "ctrl+p"):
            await pilot.press(key)
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, StaffSignInScreen)


def issued_code(env, person) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """(account id, a fresh e-licence code) of ``person``, whose e-licence is issued here."""
    from sqlalchemy import select

    from kiosk.db.models import Account
    from kiosk.services import elicence, elicence_card

    with env.db.read() as s:
        account_id = s.scalar(select(Account.id).where(Account.id_number == person.id_number))
    elicence.apply_direct(env, account_id)
    return account_id, elicence_card.fresh_code(env, account_id).full


async def open_verify(pilot, app) -> None:  # type: ignore[no-untyped-def]
    """Signed in as the verification desk (H2001), on 电子驾驶证核验."""
    from kiosk.ui.screens.verify import VerifyScreen

    await _sign_in(pilot, app, "H2001", "kiosk-2001")
    await pilot.click("#verify")
    await settle(pilot)
    assert isinstance(app.screen, VerifyScreen)


async def test_verification_desk_checks_a_code_online(env, people):
    from sqlalchemy import select

    from kiosk.db.models import DrivingLicence

    account_id, code = issued_code(env, people["driver_normal"])
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_verify(pilot, app)
        await pilot.click("#online")
        await settle(pilot)
        assert "请扫描" in field_error(app, "payload")
        set_input(app, "payload", code)
        await pilot.click("#online")
        await settle(pilot)
        text = screen_text(app)
        assert "有效" in text and "在线核验" in text and "无效" not in text
        set_input(app, "payload", code[:-3] + ("AAA" if not code.endswith("AAA") else "BBB"))
        await pilot.click("#offline")
        await settle(pilot)
        assert "无效" in screen_text(app)
        # revoked after the code was made: the online check says so
        with env.db.write() as s:
            s.scalar(select(DrivingLicence).where(DrivingLicence.account_id == account_id)).status = "F"
        set_input(app, "payload", code)
        await pilot.click("#online")
        await settle(pilot)
        text = screen_text(app)
        assert "无效" in text and "吊销" in text


async def test_the_counter_waits_300_seconds_before_it_locks(env):
    """Not the citizen kiosk's 120 s: a clerk talking a citizen through a form met the lock screen often."""
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        app._last_activity -= 290  # nearly 5 minutes without a key
        await app._idle_tick()
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)
        app._last_activity -= 11
        await app._idle_tick()
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
