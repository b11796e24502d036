"""Pilot: a wrong password at the staff sign-in is not kept in the field, so the next try is typed
into an empty field (not appended to the wrong one, which failed again and cost a second attempt);
Enter with an empty password or PIN asks for it and is no failed attempt."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models import AuditEntry, Staff
from kiosk.ui.screens.lock import LockScreen
from kiosk.ui.screens.staff_home import StaffHomeScreen
from kiosk.ui.screens.staff_sign_in import StaffSignInScreen
from tests.ui.conftest import field_error, settle
from tests.ui.test_counter import counter_app


def _failures(env, staff_no: str, action: str = "staff_sign_in_failed") -> tuple[int, int]:
    """(the account's failure count, its ``action`` audit entries)."""
    with env.db.read() as s:
        count = s.scalar(select(Staff.failed_logins).where(Staff.staff_no == staff_no))
        audited = len(s.scalars(select(AuditEntry).where(AuditEntry.actor == f"staff:{staff_no}",
                                                         AuditEntry.action == action)).all())
    return count, audited


async def test_a_wrong_password_is_cleared_and_the_next_one_typed_signs_in(env):
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, StaffSignInScreen)
        await pilot.press(*"H2001", "enter", *"wrongpw1", "enter")
        await settle(pilot)
        assert field_error(app, "password") == "工号或密码错误（连续错误10次将锁定15分钟）"
        password = app.screen.query_one("#input-password")
        assert password.value == "" and app.focused is password
        assert app.screen.query_one("#input-staff_no").value == "H2001"  # the staff number stays
        assert _failures(env, "H2001") == (1, 1)
        await pilot.press(*"kiosk-2001", "enter")
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)
        assert _failures(env, "H2001") == (0, 1)  # one typo, one attempt


async def test_enter_with_an_empty_password_or_pin_asks_for_it_and_costs_no_attempt(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"J1001", "enter", "enter")  # no password typed
        await settle(pilot)
        assert field_error(app, "password") == "请输入密码"
        assert _failures(env, "J1001") == (0, 0)
        await pilot.press(*"kiosk-1001", "enter")
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)
        app.lock_counter(idle=True)  # the clerk walked away
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        for _ in range(3):  # Enter, as one wakes a screen
            await pilot.press("enter")
            await settle(pilot)
        assert field_error(app, "pin") == "请输入PIN码"
        assert app.focused is app.screen.query_one("#input-pin")
        assert _failures(env, "J1001", "unlock_failed") == (0, 0)  # neither counted nor audited
        await pilot.press(*"999999", "enter")
        await settle(pilot)
        assert field_error(app, "pin") == "PIN码错误，再错9次将锁定15分钟"  # the first wrong one
        await pilot.press(*"100100", "enter")
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)
        assert _failures(env, "J1001", "unlock_failed") == (0, 1)


async def test_enter_with_no_staff_number_asks_for_it_and_keeps_the_focus(env):
    """Enter in an empty 警号/工号 said nothing and moved on to 密码, where the clerk then typed the
    staff number unseen (tester): 请输入警号/工号 under it, the focus kept; typed, Enter moves on."""
    app = counter_app(env)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await settle(pilot)
        assert field_error(app, "staff_no") == "请输入警号/工号"
        assert app.focused is app.screen.query_one("#input-staff_no")
        await pilot.press("space", "enter")  # a space is no staff number either
        await settle(pilot)
        assert app.focused is app.screen.query_one("#input-staff_no")
        await pilot.press("backspace", *"J1001")
        await settle(pilot)
        assert field_error(app, "staff_no") == ""
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#input-password")
        assert _failures(env, "J1001") == (0, 0)
