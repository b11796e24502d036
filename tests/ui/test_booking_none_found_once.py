"""Pilot: 下一步 after a 查询 that found no session says so once, under 查询 (the focus on 开始日期), in
the words that tell why (已到预约结果公布日、截止预约的场次不列出), as 请先输入时间段并点击【查询】 is said once.
Tester (陈晨, 科目三, 2026-12-06 to 12-07, 服从系统安排): under 查询 所选时间段内没有可预约的考试场次，请更改时间段
或考场后重新查询, and over the empty table the same line again with the reason; 自主选择场次 said 请至少选择
一个考试场次（在场次上按回车键或点击该行） over a table with nothing to choose, and 优先预约 请选择1个考试场次."""
from __future__ import annotations

import pytest
from textual.widgets import RadioSet

from kiosk.ui.screens.booking.session_text import CHANGED, NONE, NONE_FOUND, NONE_FOUND_PRIORITY, NONE_PRIORITY
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_booking_priority import to_priority_sessions
from tests.ui.test_booking_small_screen import in_view, press, small_query
from tests.ui.test_booking_wizard import shown, step, to_sessions


def _compact(text: str) -> str:
    return "".join(text.split())


async def _next_and_check(pilot, said: str) -> None:
    app = pilot.app
    await press(pilot, "next-sessions")
    await pilot.pause(0.1)
    assert step(app)[0] == "step-sessions"
    assert shown(app, "#query-error") == said  # the one with why, where 下一步 takes the citizen
    assert in_view(app, "#query-error") and app.focused is app.screen.query_one("#input-date_from")
    assert shown(app, "#sessions-alert") == ""  # no 请至少选择... over a table with nothing to choose
    assert said[:12] not in shown(app, "#sessions-hint")  # not twice
    assert _compact(screen_text(app)).count(said[:12]) == 1
    set_input(app, "date_to", "2026-12-08")  # the dates changed: the line under 查询 goes, and over the table
    await settle(pilot)  # the list found for the old dates goes too: 查询 is asked for, once
    assert shown(app, "#query-error") == "" and shown(app, "#sessions-hint").startswith(_compact(CHANGED))
    assert _compact(screen_text(app)).count(_compact(CHANGED)[:12]) == 1


@pytest.mark.parametrize("mode", ["system", "self"])
async def test_next_with_no_session_found_says_it_once(kiosk_app, env, people, mode):
    env.clock.advance(days=2, minutes=30)  # 2026-12-03 09:30, the demo's clock
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 3)
        await small_query(pilot, "2026-12-06", "2026-12-06")
        assert shown(kiosk_app, "#sessions-hint").startswith(_compact(NONE_FOUND))  # before 下一步: over the table
        if mode == "system":
            for button in kiosk_app.screen.query_one("#mode", RadioSet).query("RadioButton"):
                button.value = button.name == "system"
            await settle(pilot)
        await _next_and_check(pilot, _compact(NONE_FOUND))


async def test_next_with_no_priority_session_found_says_it_once(kiosk_app, env, people):
    env.clock.advance(days=1)  # 2026-12-02: booking has closed for 12-04
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_priority_sessions(pilot, env, people["permit_expiring"])
        await small_query(pilot, "2026-12-04", "2026-12-04")
        assert shown(kiosk_app, "#sessions-hint").startswith(_compact(NONE_FOUND_PRIORITY))
        await _next_and_check(pilot, _compact(NONE_FOUND_PRIORITY))


async def test_the_line_that_says_none_was_found_is_brought_wholly_into_view(kiosk_app, env, people):
    """Tester at 100x30 (2027-01-04 to 2027-01-10, nothing planned): the line over the empty table was
    cut at the page's edge (...请更改时间段或考); the page now scrolls to show all of it."""
    from kiosk.ui.widgets.page import Page
    from tests.ui.test_booking_wizard import query

    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await query(pilot, "2027-01-04", "2027-01-10")
        await settle(pilot)
        await pilot.pause(0.2)
        assert not kiosk_app.screen.query_one("#step-sessions").rows
        # past the plans published (test_booking_unpublished): said why, with their last day
        assert shown(kiosk_app, "#sessions-hint").startswith(_compact(NONE + "（科目二考试计划已公布至"))
        hint = kiosk_app.screen.query_one("#sessions-hint").region
        assert hint.height >= 2 and kiosk_app.screen.query_one(Page).scrollable_content_region.contains_region(hint)
        assert "请更改时间段或考场后重新查询" in _compact(screen_text(kiosk_app))


async def test_priority_past_the_plans_published_says_their_last_day(kiosk_app, env, people):
    """Tester (王芳, 优先预约, 2027-01-04, beyond the last plan published): the empty result gave only
    优先预约名额已满，或考试计划已截止预约. It says the plans' last day, over the table and under 查询."""
    from tests.integration.test_booking_unpublished import _last_published

    last = _last_published(env, 2)
    said = _compact(f"{NONE_PRIORITY}（科目二考试计划已公布至{last.year}年{last.month}月{last.day}日，"
                    "此后的考试场次尚未公布），请更改时间段或考场后重新查询。")
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_priority_sessions(pilot, env, people["permit_expiring"])
        await small_query(pilot, "2027-01-04", "2027-01-04")
        assert shown(kiosk_app, "#sessions-hint").startswith(said)
        await _next_and_check(pilot, said[:-1])
