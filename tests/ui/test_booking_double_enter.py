"""Pilot: the exam booking's 确认并提交 with a code kept (上一步 after typing it, to choose other
sessions) opens with the focus on the code field, whose Enter books: a second Enter of the one
that pressed 下一步 booked the new sessions before their summary was read. 预约 takes no press in
the step's first ``SUBMIT_GUARD`` seconds; an Enter after that books."""
from __future__ import annotations

from sqlalchemy import func, select

from kiosk.db.models import Booking
from kiosk.ui.screens.booking.wizard import BookingWizardScreen
from tests.conftest import last_sms_code
from tests.ui.conftest import set_input, settle
from tests.ui.test_booking_wizard import mark_rows, query, step, to_sessions

GUARD = BookingWizardScreen.SUBMIT_GUARD  # the real value (tests/ui/conftest.py sets 0 for the other tests)


def _bookings(env) -> int:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return s.scalar(select(func.count()).select_from(Booking)) or 0


async def _back_with_a_code_and_next_again(pilot, env, person) -> None:  # type: ignore[no-untyped-def]
    """A code sent and typed at 确认并提交, 上一步, one more session chosen, Enter on 下一步."""
    app = pilot.app
    await to_sessions(pilot, env, person, 2)
    await query(pilot, "2026-12-04", "2026-12-10")
    await mark_rows(pilot, 1)
    app.screen.query_one("#next-sessions").press()
    await settle(pilot)
    await pilot.click("#send-code")
    await settle(pilot)
    set_input(app, "code", last_sms_code(env, person.phone))
    await pilot.click("#prev-confirm")
    await settle(pilot)
    await mark_rows(pilot, 2)
    app.screen.query_one("#next-sessions").focus()
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert step(app)[0] == "step-confirm" and app.focused is app.screen.query_one("#input-code")


async def test_a_second_enter_does_not_book_before_the_summary_is_read(kiosk_app, env, people, monkeypatch):
    monkeypatch.setattr(BookingWizardScreen, "SUBMIT_GUARD", 30.0)  # however slow the machine
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await _back_with_a_code_and_next_again(pilot, env, people["permit_expiring"])
        before = _bookings(env)
        await pilot.press("enter")
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-confirm" and _bookings(env) == before


async def test_an_enter_once_the_moment_passed_books(kiosk_app, env, people, monkeypatch):
    monkeypatch.setattr(BookingWizardScreen, "SUBMIT_GUARD", GUARD)
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await _back_with_a_code_and_next_again(pilot, env, people["permit_expiring"])
        before = _bookings(env)
        await pilot.pause(GUARD)
        await pilot.press("enter")
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-done" and _bookings(env) == before + 1
