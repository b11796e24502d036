"""Pilot: F12 at a counter terminal. While a clerk is signed in (the screen locked or not), only
that clerk's own number and PIN close the program, and the clerk's session is then recorded as
signed out; another staff member is refused next to 工号 and the program goes on. With nobody
signed in, any active staff member's PIN closes it. The dialog never speaks of 自助模式."""
from __future__ import annotations

import asyncio

from sqlalchemy import select

from kiosk.db.models import AuditEntry, Staff
from kiosk.ui.dialogs.staff_pin import StaffPinDialog
from kiosk.ui.screens.lock import LockScreen
from kiosk.ui.screens.staff_home import StaffHomeScreen
from tests.ui.conftest import field_error, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press


def _audit(env) -> list[tuple[str, str, str, str]]:
    with env.db.read() as s:
        return [(e.actor, e.action, e.role, e.detail) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


async def _exit_dialog(pilot) -> None:
    await pilot.press("f12")
    await settle(pilot)
    assert isinstance(pilot.app.screen, StaffPinDialog)


async def _try(pilot, staff_no: str, pin: str, exits: bool = False) -> None:
    """工号 and PIN码 typed, Enter in PIN码; ``exits``: wait for the program to end."""
    set_input(pilot.app, "staff_no", staff_no)
    set_input(pilot.app, "pin", pin)
    pilot.app.screen.query_one("#input-pin").focus()
    await pilot.press("enter")
    await settle(pilot)
    for _ in range(100 if exits else 0):  # the PIN is checked in a worker; the app then exits
        if pilot.app.return_code is not None:
            break
        await asyncio.sleep(0.05)


async def test_a_locked_counter_is_closed_only_by_its_own_clerk_who_is_signed_out(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await press(pilot, "lock")
        assert isinstance(app.screen, LockScreen)
        await _exit_dialog(pilot)
        text = screen_text(app)
        assert "自助模式" not in text and "退出窗口终端程序" in text and "王警官" in text
        await _try(pilot, "H2001", "200100")  # the 核验 account: right PIN, but not the signed-in clerk
        assert app.is_running and app.return_code is None and isinstance(app.screen, StaffPinDialog)
        assert field_error(app, "staff_no") == ("本窗口由王警官（工号 J1001）登录中，只能由其本人输入工号和PIN码"
                                                "退出程序；其他工作人员请先在锁定屏幕按「退出登录」")
        assert field_error(app, "pin") == ""
        await _try(pilot, "j1001", "999999")  # the clerk's wrong PIN: counted, as at the lock screen
        assert app.is_running and field_error(app, "pin") == "PIN码错误，再错9次将锁定15分钟"
        assert field_error(app, "staff_no") == ""
        await _try(pilot, "J1001", "100100", exits=True)
    assert app.return_code == 0
    assert app.staff is None
    entries = _audit(env)
    assert ("staff:H2001", "counter_exit_failed", "", "非当前登录工作人员（当前登录：J1001）") in entries
    assert not [e for e in entries if e[0] == "staff:H2001" and e[1] in ("counter_exit", "staff_exit")]
    j1001 = [e[1:] for e in entries if e[0] == "staff:J1001"]
    assert j1001[-4:] == [("lock", "counter", ""), ("counter_exit_failed", "", ""), ("counter_exit", "counter", ""),
                          ("staff_sign_out", "counter", "在锁定屏幕退出窗口终端程序")]
    with env.db.read() as s:
        assert s.scalars(select(Staff).where(Staff.staff_no == "J1001")).one().failed_logins == 0


async def test_an_unlocked_counter_refuses_another_staff_member_too(env):
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        assert isinstance(app.screen, StaffHomeScreen)
        await _exit_dialog(pilot)
        await _try(pilot, "J1002", "100200")
        assert app.is_running and isinstance(app.screen, StaffPinDialog)
        assert field_error(app, "staff_no").endswith("其他工作人员请先按「退出登录」结束其登录")
        await pilot.press("escape")  # 取消: the session goes on
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen) and app.staff.staff_no == "J1001"
        await _exit_dialog(pilot)
        await _try(pilot, "J1001", "100100", exits=True)
    assert app.return_code == 0
    assert [e[1:] for e in _audit(env) if e[0] == "staff:J1001"][-2:] == [
        ("counter_exit", "counter", ""), ("staff_sign_out", "counter", "退出窗口终端程序")]


async def test_with_nobody_signed_in_any_active_staff_pin_closes_the_counter(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _exit_dialog(pilot)
        text = screen_text(app)
        assert "自助模式" not in text and "退出窗口终端程序：请工作人员输入工号和PIN码" in text
        await _try(pilot, "H2001", "999999")
        assert app.is_running and field_error(app, "pin") == "工号或PIN码错误"  # no tries left told
        await _try(pilot, "H2001", "200100", exits=True)
    assert app.return_code == 0
    assert [e[1:3] for e in _audit(env)] == [("counter_exit_failed", ""), ("counter_exit", "verify")]


async def test_enter_in_the_staff_number_goes_on_to_the_pin_and_a_refusal_focuses_its_field(env):
    """Typed as a clerk types it: 工号, Enter, PIN, Enter. Enter in 工号 moves on to PIN码 (it sent the
    dialog with no PIN: 请输入PIN码 while the keys went on into 工号); a refused field gets the focus."""
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        await _exit_dialog(pilot)
        await pilot.press(*"H2001", "enter")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#input-pin") and field_error(app, "staff_no") == ""
        await pilot.press(*"200100", "enter")
        await settle(pilot)
        assert "只能由其本人" in field_error(app, "staff_no")  # not the signed-in clerk
        assert app.focused is app.screen.query_one("#input-staff_no")
        set_input(app, "staff_no", "J1001")
        set_input(app, "pin", "")
        app.screen.query_one("#input-staff_no").focus()
        await pilot.press("enter")
        await pilot.press(*"100100", "enter")
        await settle(pilot)
        for _ in range(100):
            if app.return_code is not None:
                break
            await asyncio.sleep(0.05)
        assert app.return_code == 0
