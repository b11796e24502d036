"""Pilot: 考试预约结果公布 by taps only (tester, 100x30 and 80x24): a tap on 考试日期 only put the focus
in it, with no month and no number pad to change the date, and a day without results named other
days (最近已公布：2026-12-02、...) that a tap could not reach. Now a tap on the field opens the month
of 考试预约's 选择场次 (kiosk.ui.dialogs.date_picker), past days too, and the day tapped is queried at
once; the days named are buttons, and a tap on one queries it. Today is 2026-12-02 after
placed_on_12_04 (tests.conftest: 2026-12-01, a day on)."""
from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Button, DataTable, Input

from kiosk.ui.dialogs.date_picker import DatePickerDialog
from kiosk.ui.screens.booking.results import ResultsScreen
from tests.ui.conftest import click_in_view, screen_text
from tests.ui.test_booking_date_picker import day_button, tap
from tests.ui.test_booking_records import open_entry, placed_on_12_04

SIZES = ((100, 30), (80, 24))


def date_value(app) -> str:  # type: ignore[no-untyped-def]
    screen = app.screen_stack[-2 if isinstance(app.screen, DatePickerDialog) else -1]
    return screen.query_one("#input-exam_date", Input).value


@pytest.mark.parametrize("size", SIZES)
async def test_a_tap_on_the_date_opens_the_month_and_the_day_tapped_is_queried(kiosk_app, env, people, size):
    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=size) as pilot:
        await open_entry(pilot, env, p, "exam_results")
        assert isinstance(kiosk_app.screen, ResultsScreen) and date_value(kiosk_app) == "2026-12-04"
        await click_in_view(pilot, kiosk_app.screen.query_one("#input-exam_date"))
        dialog = kiosk_app.screen
        assert isinstance(dialog, DatePickerDialog)
        assert "选择考试日期" in screen_text(kiosk_app) and "2026年12月" in screen_text(kiosk_app)
        assert day_button(dialog, date(2026, 12, 4)).has_class("-current")
        assert not day_button(dialog, date(2026, 12, 1)).disabled  # results of a day past are read too
        await tap(pilot, dialog.query_one("#prev-month", Button))  # 上个月: November, no earliest day
        assert "2026年11月" in screen_text(kiosk_app)
        await tap(pilot, dialog.query_one("#next-month", Button))
        await tap(pilot, day_button(dialog, date(2026, 12, 4)))
        assert isinstance(kiosk_app.screen, ResultsScreen) and date_value(kiosk_app) == "2026-12-04"
        assert "2026-12-04 考试预约成功共1人" in screen_text(kiosk_app).replace("\n", "")  # no 查询 to tap
        assert kiosk_app.screen.query_one(DataTable).display
        await click_in_view(pilot, kiosk_app.screen.query_one("#input-exam_date"))
        await tap(pilot, kiosk_app.screen.query_one("#cancel", Button))  # 取消: the date stays
        assert date_value(kiosk_app) == "2026-12-04"


@pytest.mark.parametrize("size", SIZES)
async def test_the_days_a_day_without_results_names_are_tapped(kiosk_app, env, people, size):
    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=size) as pilot:
        await open_entry(pilot, env, p, "exam_results")
        await click_in_view(pilot, kiosk_app.screen.query_one("#input-exam_date"))
        await tap(pilot, day_button(kiosk_app.screen, date(2026, 12, 9)))
        text = screen_text(kiosk_app).replace("\n", "")
        assert "2026-12-09 暂无已公布的考试预约结果。最近已公布：2026-12-04" in text
        days = [b for b in kiosk_app.screen.query("#recent-days Button").results(Button) if b.display]
        assert days and str(days[0].label) == "2026-12-04"
        await click_in_view(pilot, days[0])
        assert date_value(kiosk_app) == "2026-12-04"
        assert "2026-12-04 考试预约成功共1人" in screen_text(kiosk_app).replace("\n", "")
        assert not kiosk_app.screen.query_one("#recent-days").display  # a day with results names none
