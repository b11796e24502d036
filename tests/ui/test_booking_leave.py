"""Pilot: leaving the booking wizard from 科目确认 with sessions chosen asks first (tester: Escape
twice from 选择场次 dropped the two sessions chosen, without a word)."""
from __future__ import annotations

from textual.widgets import Button

from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.booking.wizard import BookingWizardScreen
from tests.ui.conftest import settle
from tests.ui.test_booking_wizard import mark_rows, open_wizard, query, step, to_sessions


async def test_escape_from_the_subjects_with_sessions_chosen_asks_and_keeps_them(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, p, 2)
        await query(pilot, "2026-12-04", "2026-12-10")
        await mark_rows(pilot, 2)
        chosen = list(kiosk_app.screen.query_one("#step-sessions").marked)
        await pilot.press("escape")  # 选择场次 > 科目确认: the notice agreed just now is skipped, as forward
        await settle(pilot)
        assert step(pilot.app)[0] == "step-subject"
        await pilot.press("escape")
        await settle(pilot)
        dialog = kiosk_app.screen
        assert isinstance(dialog, ConfirmDialog) and "填写的内容尚未保存" in dialog.question
        assert kiosk_app.focused is dialog.query_one("#no", Button)  # the safe answer: 继续填写
        await pilot.press("enter")
        await settle(pilot)
        wizard = kiosk_app.screen
        assert isinstance(wizard, BookingWizardScreen) and step(kiosk_app)[0] == "step-subject"
        wizard.query_one("#next-subject", Button).press()  # on again: the notice was agreed, the marks kept
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-sessions" and wizard.query_one("#step-sessions").marked == chosen
        await pilot.press("escape")  # 科目确认 (the notice was skipped on the way here), then leave
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        assert not isinstance(kiosk_app.screen, (ConfirmDialog, BookingWizardScreen))


async def test_nothing_chosen_beyond_the_subject_leaves_at_once(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_wizard(pilot, env, p)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(kiosk_app.screen, (ConfirmDialog, BookingWizardScreen))
