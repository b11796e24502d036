"""Pilot: 我的驾驶证 shows the points of the current 记分周期: the last cycle's 4 points of 宋佳 are
cleared on the first day of the next (L163 Art 15; kiosk.domain.points.points_now)."""
from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import select
from textual.widgets import Button

from kiosk.db.models import DrivingLicence
from kiosk.domain.points import cycle_of
from tests.booking_helpers import account_id
from tests.ui.conftest import settle, sign_in


async def _points_line(pilot) -> str:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one("#menu-my_licence", Button).press()
    await settle(pilot)
    text = str(pilot.app.screen.query_one("#detail").render())
    pilot.app.screen.query_one("#back", Button).press()
    await settle(pilot)
    return next(line for line in text.splitlines() if "累积记分" in line)


async def test_a_new_cycle_shows_no_points_of_the_last(kiosk_app, env, people):
    p = people["points_study"]  # 宋佳, 4 points recorded on the day the demo was loaded
    with env.db.read() as s:
        first = s.scalar(select(DrivingLicence.first_issued_on).where(
            DrivingLicence.account_id == account_id(env, p)))
    start = datetime.combine(cycle_of(first, env.clock.now().date())[1], time(9, 0))
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        assert await _points_line(pilot) == "本记分周期累积记分：4分"
        env.clock.advance(seconds=(start - env.clock.now()).total_seconds())
        assert await _points_line(pilot) == "本记分周期累积记分：0分"


async def test_a_full_score_carried_into_the_new_cycle_is_named_so(kiosk_app, env, people):
    p = people["full_score"]  # 徐明, 12 points (超分): the next cycle keeps them
    with env.db.read() as s:
        first = s.scalar(select(DrivingLicence.first_issued_on).where(
            DrivingLicence.account_id == account_id(env, p)))
    start = datetime.combine(cycle_of(first, env.clock.now().date())[1], time(9, 0))
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        assert await _points_line(pilot) == "本记分周期累积记分：12分"
        env.clock.advance(seconds=(start - env.clock.now()).total_seconds())
        assert await _points_line(pilot) == "累积记分（含上一记分周期转入）：12分"
