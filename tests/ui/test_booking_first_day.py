"""Pilot: step 选择场次 opens with its dates from the subject's first day with a session still open for
booking, two weeks on (not from tomorrow, whose plans have closed: on the clock's 2026-12-01 the demo's
12-02 and 12-03 sessions are past their publication day), read once for the subject; another subject
its own; none bookable, from tomorrow; the citizen's own dates stay."""
from __future__ import annotations

from datetime import date

from sqlalchemy import update

from kiosk.db.models import ExamPlan
from tests.integration.test_booking_first_day import close_plans
from tests.ui.conftest import set_input
from tests.ui.test_booking_past_midnight import dates
from tests.ui.test_booking_small_screen import agree, press
from tests.ui.test_booking_wizard import choose_subject, open_wizard, step


async def to_sessions(pilot, env, person, subject: int, agreed: bool = False) -> None:  # type: ignore[no-untyped-def]
    if not agreed:
        await open_wizard(pilot, env, person)
    await choose_subject(pilot, subject)
    await press(pilot, "next-subject")
    if not agreed:
        await agree(pilot)
    assert step(pilot.app)[0] == "step-sessions"


async def back_to_subjects(pilot) -> None:  # type: ignore[no-untyped-def]
    await press(pilot, "prev-sessions")  # the notice agreed to is skipped
    assert step(pilot.app)[0] == "step-subject"


async def test_the_step_opens_from_the_first_open_day(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 32)) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        assert dates(kiosk_app) == ("2026-12-04", "2026-12-17")
        await press(pilot, "query")
        listed = [r.when for r in kiosk_app.screen.sessions.rows]
        assert listed and listed[0].startswith("2026-12-04")  # the first 查询 lists sessions from its first day


async def test_another_subject_its_own_first_day(kiosk_app, env, people):
    close_plans(env, 3, date(2026, 12, 4))
    async with kiosk_app.run_test(size=(100, 32)) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        await press(pilot, "query")  # queried with 科目二's defaults: they were not typed
        await back_to_subjects(pilot)
        await to_sessions(pilot, env, people["k2_ready"], 3, agreed=True)
        assert dates(kiosk_app) == ("2026-12-05", "2026-12-18")
        await back_to_subjects(pilot)
        await to_sessions(pilot, env, people["k2_ready"], 2, agreed=True)
        assert dates(kiosk_app) == ("2026-12-04", "2026-12-17")


async def test_the_citizens_own_dates_stay(kiosk_app, env, people):
    close_plans(env, 3, date(2026, 12, 4))
    async with kiosk_app.run_test(size=(100, 32)) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        set_input(kiosk_app, "date_from", "2026-12-09")
        set_input(kiosk_app, "date_to", "2026-12-12")
        await back_to_subjects(pilot)
        await to_sessions(pilot, env, people["k2_ready"], 3, agreed=True)
        assert dates(kiosk_app) == ("2026-12-09", "2026-12-12")


async def test_none_bookable_from_tomorrow(kiosk_app, env, people):
    with env.db.write() as s:
        s.execute(update(ExamPlan).where(ExamPlan.subject == 2).values(publish_on=env.clock.now().date()))
    async with kiosk_app.run_test(size=(100, 32)) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        assert dates(kiosk_app) == ("2026-12-02", "2026-12-15")


async def test_priority_booking_keeps_them(kiosk_app, env, people):
    """优先预约 (王芳) comes from the same step: the dates go with her."""
    async with kiosk_app.run_test(size=(100, 32)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        assert dates(kiosk_app) == ("2026-12-04", "2026-12-17")
        await press(pilot, "to-priority")
        await agree(pilot, "agree-priority")
        assert kiosk_app.screen.priority and dates(kiosk_app) == ("2026-12-04", "2026-12-17")
