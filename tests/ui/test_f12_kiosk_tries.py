"""Pilot: F12 on a citizen kiosk's start screen. A passer-by typing a clerk's staff number and
wrong PINs ten times locked that clerk out of the counter; now the wrong PINs count against this
kiosk's F12 dialog, which then pauses for 15 minutes, with the same words for any number."""
from __future__ import annotations

import asyncio

from sqlalchemy import select

from kiosk.db.models import AuditEntry, Staff
from kiosk.services import staff, staff_exit
from kiosk.ui.dialogs.staff_pin import StaffPinDialog
from tests.ui.conftest import field_error, set_input, settle


async def _try(pilot, staff_no: str, pin: str) -> str:  # type: ignore[no-untyped-def]
    set_input(pilot.app, "staff_no", staff_no)
    set_input(pilot.app, "pin", pin)
    await pilot.click("#ok")
    for _ in range(40):  # the PIN is checked in a worker
        await settle(pilot)
        if field_error(pilot.app, "pin") or pilot.app.return_code is not None:
            break
        await asyncio.sleep(0.05)
    error = field_error(pilot.app, "pin")
    assert pilot.app.screen.query_one("#field-pin").value == ""  # a refused PIN goes, the next is not appended
    pilot.app.screen.query_one("#field-pin").set_error("")
    return error


async def test_ten_wrong_pins_at_f12_pause_the_kiosk_not_the_clerks_account(kiosk_app, env):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(kiosk_app.screen, StaffPinDialog)
        replies = [await _try(pilot, "J1003", "999999") for _ in range(10)]
        assert replies == ["工号或PIN码错误"] * 9 + ["输错次数过多，请15分钟后再试。"]
        paused = await _try(pilot, "J1003", "100300")  # the right PIN waits too
        assert paused.startswith("输错次数过多，请于") and paused == await _try(pilot, "Z9999", "999999")
        assert kiosk_app.is_running and isinstance(kiosk_app.screen, StaffPinDialog)
    with env.db.read() as s:
        row = s.scalars(select(Staff).where(Staff.staff_no == "J1003")).one()
        assert (row.failed_logins, row.locked_until) == (0, None)
        tries = s.scalars(select(AuditEntry.actor).where(AuditEntry.action == "staff_exit_failed")).all()
    assert tries == ["staff:J1003"] * 11 + ["staff:Z9999"]  # every try is logged
    assert staff.sign_in(env, "J1003", "kiosk-1003").staff_no == "J1003"  # the clerk signs in at the counter


async def test_a_paused_f12_dialog_says_so_as_it_opens(kiosk_app, env):
    """Verify tester: reopened while paused, the dialog looked ready and said 输错次数过多 only after a PIN."""
    for _ in range(10):
        try:
            staff_exit.exit_kiosk(env, "J1003", "999999")
        except Exception:  # noqa: BLE001 - each try is refused; the tenth pauses the kiosk
            pass
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f12")
        for _ in range(40):
            await settle(pilot)
            if field_error(kiosk_app, "pin"):
                break
            await asyncio.sleep(0.05)
        assert isinstance(kiosk_app.screen, StaffPinDialog)
        assert field_error(kiosk_app, "pin").startswith("输错次数过多，请于")


async def test_an_unpaused_f12_dialog_opens_with_nothing_said(kiosk_app, env):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f12")
        await settle(pilot)
        await asyncio.sleep(0.2)
        await settle(pilot)
        assert isinstance(kiosk_app.screen, StaffPinDialog) and field_error(kiosk_app, "pin") == ""
