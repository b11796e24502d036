"""Pilot: 下一步 on 选择场次 after a 查询 refused for its dates (tester, 胡斌 科目三 at 80x24): the date's
message stays next to the field, and 请先输入时间段并点击【查询】 is not said twice."""
from __future__ import annotations

from textual.widgets import Button

from tests.ui.conftest import field_error, screen_text, settle
from tests.ui.test_booking_small_screen import small_query
from tests.ui.test_booking_wizard import shown, step, to_sessions

NOT_QUERIED = "请先输入时间段并点击【查询】"


async def test_next_after_a_reversed_range_keeps_the_date_message(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_sessions(pilot, env, people["k3_ready"], 3)
        await small_query(pilot, "2026-12-19", "2026-12-10")
        assert "结束日期不能早于开始日期" in field_error(kiosk_app, "date_to")
        kiosk_app.screen.query_one("#next-sessions", Button).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-sessions"
        assert "结束日期不能早于开始日期" in field_error(kiosk_app, "date_to")
        said = shown(kiosk_app, "#query-error") + shown(kiosk_app, "#sessions-hint")
        assert said.count(NOT_QUERIED) <= 1
        assert screen_text(kiosk_app).count(NOT_QUERIED) <= 1


async def test_next_before_any_query_says_query_first_once(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_sessions(pilot, env, people["k3_ready"], 3)
        kiosk_app.screen.query_one("#next-sessions", Button).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert NOT_QUERIED in shown(kiosk_app, "#query-error")
        assert kiosk_app.focused is kiosk_app.screen.query_one("#query", Button)
        assert (shown(kiosk_app, "#query-error") + shown(kiosk_app, "#sessions-hint")).count(NOT_QUERIED) == 1


async def test_both_dates_naming_no_day_are_told_in_one_round(kiosk_app, env, people):
    """开始 2026-02-30 and 结束 2026-13-01: each date's message next to it at once (only the start's was)."""
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_sessions(pilot, env, people["k3_ready"], 3)
        await small_query(pilot, "2026-02-30", "2026-13-01")
        assert "2026年2月只有28天" in field_error(kiosk_app, "date_from")
        assert field_error(kiosk_app, "date_to") == "日期不正确：月份应为1-12"  # not 没有这一天
        assert "2026年2月只有28天" in screen_text(kiosk_app) and "月份应为1-12" in screen_text(kiosk_app)
        assert "\n" not in field_error(kiosk_app, "date_from") + field_error(kiosk_app, "date_to")  # one line each
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-date_from")
        kiosk_app.screen.query_one("#next-sessions", Button).focus()
        await pilot.press("enter")  # 下一步: the same two, not 请先输入时间段并点击【查询】
        await settle(pilot)
        assert "2026年2月只有28天" in field_error(kiosk_app, "date_from")
        assert field_error(kiosk_app, "date_to") == "日期不正确：月份应为1-12"  # not 没有这一天
        assert shown(kiosk_app, "#query-error") == ""
