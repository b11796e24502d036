"""Pilot: 我的驾驶证 shows the points of the current 记分周期: the last cycle's 4 points of 宋佳 are
cleared on the first day of the next (L163 Art 15; kiosk.domain.points.points_now)."""
from __future__ import annotations

from datetime import datetime, time, timedelta

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


async def _review_line(pilot) -> str:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one("#menu-my_licence", Button).press()
    await settle(pilot)
    text = str(pilot.app.screen.query_one("#detail").render())
    pilot.app.screen.query_one("#back", Button).press()
    await settle(pilot)
    return next((line.strip() for line in text.splitlines() if "审验" in line), "")


async def test_an_ended_cycles_review_is_said_under_the_points(kiosk_app, env, people):
    """韩刚 (A1, 9 points): on the first day of the next cycle the page showed only 0分, not the 审验
    of the ended cycle due in 30 days (tester); after them, that it is overdue."""
    p = people["coach_driver"]
    with env.db.read() as s:
        first = s.scalar(select(DrivingLicence.first_issued_on).where(
            DrivingLicence.account_id == account_id(env, p)))
    start, end = cycle_of(first, env.clock.now().date())
    ended = f"上一记分周期（{start:%Y-%m-%d}至{end - timedelta(days=1):%Y-%m-%d}）"
    due = end - timedelta(days=1) + timedelta(days=30)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        assert await _review_line(pilot) == ""  # this cycle's 审验 comes after it ends
        env.clock.advance(seconds=(datetime.combine(end, time(9, 0)) - env.clock.now()).total_seconds())
        assert await _review_line(pilot) == (f"{ended}已记9分，须在{due.year}年{due.month}月{due.day}日前完成审验"
                                             "（驾驶人审验教育）。")
        env.clock.advance(days=31)
        assert await _review_line(pilot) == (f"{ended}已记9分，审验截止日期{due.year}年{due.month}月{due.day}日已过，"
                                             "请到车管所窗口办理驾驶证审验。")
