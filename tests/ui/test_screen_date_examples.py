"""Pilot: the date examples of the screens that make their own date fields are dates the screen
takes on the day it is shown, from the app's clock, and a date typed wrong is told with the same
date: 考试预约's 选择场次 (开始日期 / 结束日期: from the first bookable day, two weeks) and 结果公布
(考试日期: the day it opens on), the counter's 考试计划与安排 (考试日期: one a new plan may have),
审计日志 (the last week) and 考试成绩录入's import help (today). The fixed ones (如 2026-12-05,
2026-12-20, 2027-01-15, 2026-12-01, 2026-12-31, 2026-12-04) were refused, or found nothing of
today, as time passed. Each on the tests' 2026-12-01 moved to 2026-12-03 and to 2027-06-15."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import Input

from kiosk.services import exam_session_rules
from kiosk.ui.screens.booking.results import ResultsScreen
from kiosk.ui.screens.counter.audit import AuditScreen
from kiosk.ui.screens.counter.exam_plans import ExamPlansScreen
from kiosk.ui.screens.counter.exam_results import ExamResultsScreen
from tests.ui.conftest import field_error, screen_text, set_input, settle
from tests.ui.counter_helpers import SIZE, fill_session, press
from tests.ui.test_booking_records import open_entry
from tests.ui.test_booking_small_screen import small_query
from tests.ui.test_booking_wizard import to_sessions
from tests.ui.test_counter import _sign_in, counter_app

DAYS = [date(2026, 12, 3), date(2027, 6, 15)]
WRONG = "明年六月"


def _on(env, day: date) -> None:  # type: ignore[no-untyped-def]
    env.clock.advance(days=(day - env.clock.now().date()).days)
    assert env.clock.now().date() == day


def example(app, name: str) -> str:  # type: ignore[no-untyped-def]
    """The date a field shows as its example (如 2026-12-02, as the fixed 如 2026-12-05 was said)."""
    shown = app.screen.query_one(f"#input-{name}", Input).placeholder
    day = shown.removeprefix("例如 ") if shown.startswith("例如 ") else shown.removeprefix("如 ")
    date.fromisoformat(day)
    return day


@pytest.mark.parametrize("day", DAYS, ids=str)
async def test_the_session_range_examples_are_queried(kiosk_app, env, people, day: date) -> None:  # type: ignore[no-untyped-def]
    _on(env, day)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        start, end = example(kiosk_app, "date_from"), example(kiosk_app, "date_to")
        assert start == f"{day + timedelta(days=1)}"  # the first bookable day
        assert date.fromisoformat(start) < date.fromisoformat(end) <= date.fromisoformat(start) + timedelta(days=92)
        await small_query(pilot, start, end)
        assert (field_error(kiosk_app, "date_from"), field_error(kiosk_app, "date_to")) == ("", "")
        assert kiosk_app.screen.sessions.queried is not None  # taken, not refused
        await small_query(pilot, WRONG, WRONG)
        assert field_error(kiosk_app, "date_from").replace("\n", "") == f"请按 {start} 的格式输入日期（年-月-日）"
        assert field_error(kiosk_app, "date_to").replace("\n", "") == f"请按 {end} 的格式输入日期（年-月-日）"


async def test_the_session_range_examples_follow_the_day(kiosk_app, env, people) -> None:  # type: ignore[no-untyped-def]
    """Open over midnight: the next 查询 takes the new day's examples (the first bookable day moved)."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        before = example(kiosk_app, "date_from")
        env.clock.advance(days=1)
        await small_query(pilot, WRONG, "2026-12-20")
        after = example(kiosk_app, "date_from")
        assert date.fromisoformat(after) == date.fromisoformat(before) + timedelta(days=1)
        assert field_error(kiosk_app, "date_from").replace("\n", "") == f"请按 {after} 的格式输入日期（年-月-日）"


@pytest.mark.parametrize("day", DAYS, ids=str)
async def test_the_results_date_example_is_the_day_shown(kiosk_app, env, people, day: date) -> None:  # type: ignore[no-untyped-def]
    _on(env, day)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, people["four_fails"], "exam_results")
        assert isinstance(kiosk_app.screen, ResultsScreen)
        shown = example(kiosk_app, "exam_date")
        assert shown == kiosk_app.screen.query_one("#input-exam_date", Input).value  # a day worth reading
        assert date.fromisoformat(shown) <= day + timedelta(days=60)  # not a fixed day left behind
        set_input(kiosk_app, "exam_date", WRONG)
        await press(pilot, "query")
        assert field_error(kiosk_app, "exam_date").replace("\n", "") == f"请按 {shown} 的格式输入日期（年-月-日）"


@pytest.mark.parametrize("day", DAYS, ids=str)
async def test_the_plan_exam_date_example_is_saved(env, day: date) -> None:  # type: ignore[no-untyped-def]
    _on(env, day)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-plans")
        assert isinstance(app.screen, ExamPlansScreen)
        exam = example(app, "exam_date")
        fill_session(app, WRONG, opens_on=f"{day}", publish_on=f"{date.fromisoformat(exam) - timedelta(days=2)}")
        set_input(app, "subject", "4")  # no demo plan of 科目四 there to join
        await press(pilot, "save")
        assert field_error(app, "exam_date") == f"请按 {exam} 的格式输入考试日期"
        set_input(app, "exam_date", exam)
        await press(pilot, "save")
        assert "已保存场次" in screen_text(app), screen_text(app)


@pytest.mark.parametrize("day", DAYS, ids=str)
async def test_the_audit_range_examples_find_todays_entries(env, day: date) -> None:  # type: ignore[no-untyped-def]
    _on(env, day)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-audit")
        assert isinstance(app.screen, AuditScreen)
        start, end = example(app, "date_from"), example(app, "date_to")
        assert date.fromisoformat(start) < date.fromisoformat(end) == day  # recent days, today's too
        set_input(app, "date_from", WRONG)
        await press(pilot, "search")
        assert field_error(app, "date_from") == f"请按 {start} 的格式输入日期"
        set_input(app, "date_from", start)
        set_input(app, "date_to", end)
        await press(pilot, "search")
        assert any(r.at.date() == day for r in app.screen.rows)  # this sign-in, of today, listed
        assert field_error(app, "date_from") == field_error(app, "date_to") == ""


@pytest.mark.parametrize("day", DAYS, ids=str)
async def test_the_import_help_names_today_as_its_exam_date(env, day: date) -> None:  # type: ignore[no-untyped-def]
    _on(env, day)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-results")
        assert isinstance(app.screen, ExamResultsScreen)
        await settle(pilot)
        assert f"考试日期如 {day}，" in str(app.screen.query_one("#import-hint").render()).replace("\n", "")



async def _left_open(app, pilot, menu: str) -> None:  # type: ignore[no-untyped-def]
    """The admin opens ``menu``'s screen, and it is left open past midnight (a day on)."""
    await _sign_in(pilot, app, "A0001", "kiosk-0001")
    await press(pilot, menu)
    app.env.clock.advance(days=1)


# A counter screen left open past midnight: what the clerk does next shows the new day's example, the
# one the message it is refused with names (the service works it out as it refuses), not the example of
# the day it was opened on (考试日期's, 审计日志's and 批量导入's help).

async def test_the_plan_exam_date_example_follows_the_day(env) -> None:  # type: ignore[no-untyped-def]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _left_open(app, pilot, "m-plans")
        set_input(app, "exam_date", WRONG)
        await press(pilot, "save")
        day = exam_session_rules.example_plan(env.clock.now().date())["exam_date"]
        assert field_error(app, "exam_date") == f"请按 {day} 的格式输入考试日期"
        assert example(app, "exam_date") == f"{day}"


async def test_the_audit_examples_follow_the_day(env) -> None:  # type: ignore[no-untyped-def]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _left_open(app, pilot, "m-audit")
        set_input(app, "date_from", WRONG)
        await press(pilot, "search")
        start = f"{env.clock.now().date() - timedelta(days=6)}"
        assert field_error(app, "date_from") == f"请按 {start} 的格式输入日期"
        assert (example(app, "date_from"), example(app, "date_to")) == (start, f"{env.clock.now().date()}")


async def test_the_import_help_follows_the_day(env) -> None:  # type: ignore[no-untyped-def]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _left_open(app, pilot, "m-results")
        await press(pilot, "import")  # no file named: refused, the help of the day above it
        assert f"考试日期如 {env.clock.now().date()}，" in str(app.screen.query_one("#import-hint").render()).replace("\n", "")
