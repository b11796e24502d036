"""Pilot: 查询 pressed before 选择场次 has its subject sends nothing. A developer saw KeyError: 0 from
query_sessions under heavy load (the citizen: 系统繁忙): the 查询 button of the hidden step 选择场次
was pressed while 科目确认 was still being read, and its subject was still 0. Button.press minds
only the button's own display, not that of the step it is on, so the press (as Enter in 结束日期
makes it) reached the wizard. Now the wizard queries only on 选择场次, and the subject it sends is
one of 科目一 to 科目四 (booking_query.NO_SUBJECT otherwise: test_booking_query_subject)."""
from __future__ import annotations

import threading

import pytest

from textual.widgets import Button, ContentSwitcher

from kiosk.domain.errors import DomainError
from kiosk.services import booking_query
from kiosk.ui.screens.booking import wizard
from kiosk.ui.screens.booking.wizard import BookingWizardScreen
from tests.ui.conftest import screen_text, settle, sign_in
from tests.ui.test_booking_wizard import choose_subject, query, read_to_end


async def test_query_pressed_while_the_subjects_are_read_sends_nothing(kiosk_app, env, people, monkeypatch):
    asked: list[int] = []
    real_query, real_load = booking_query.query_sessions, wizard.load
    read = threading.Event()

    def spy(env_, aid, subject, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(subject)
        return real_query(env_, aid, subject, *args, **kwargs)

    def slow_load(*args):  # type: ignore[no-untyped-def]
        assert read.wait(10)  # a loaded machine: 科目确认 is still being read
        return real_load(*args)

    monkeypatch.setattr(booking_query, "query_sessions", spy)
    monkeypatch.setattr(wizard, "load", slow_load)
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-exam_booking")
        await pilot.pause(0.05)
        screen = pilot.app.screen
        assert isinstance(screen, BookingWizardScreen) and screen.loaded is None
        screen.query_one("#query", Button).press()  # the hidden step's 查询, before any subject
        await pilot.pause(0.2)
        read.set()
        await settle(pilot)
        screen.query_one("#query", Button).press()  # on 科目确认, read: still hidden
        await settle(pilot)
        assert asked == [] and screen.query_one(ContentSwitcher).current == "step-subject"
        with pytest.raises(DomainError, match="选择预约科目"):  # nor would 选择场次 ask for subject 0
            screen.sessions.query_args()
        assert "系统繁忙" not in screen_text(pilot.app) and "选择预约科目" in screen_text(pilot.app)
        # the wizard goes on as ever: 选择场次 queries the subject chosen
        await choose_subject(pilot, 2)
        await pilot.click("#next-subject")
        await settle(pilot)
        await read_to_end(pilot)
        await pilot.click("#agree")
        await settle(pilot)
        await query(pilot, "2026-12-04", "2026-12-10")
        await settle(pilot)
        assert asked == [2] and "系统繁忙" not in screen_text(pilot.app)
