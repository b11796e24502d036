"""Pilot: a demo learner's finished exam booking shows its exam time and site where a citizen and a
clerk look for it: 网办进度 (the 预约成功 line) and the counter's 为群众办理 (考试时间, 考场, and its
result as 网办进度 says it)."""
from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable

from kiosk.services import booking_records
from tests.booking_helpers import account_id
from tests.conftest import NOW
from tests.ui.conftest import screen_text, settle, sign_in
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import look_up


async def test_progress_shows_when_and_where_the_exam_was(kiosk_app, env, people):
    p = people["failed_k2"]
    k2 = next(b for b in booking_records.my_bookings(env, account_id(env, p)) if b.subject == 2)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-progress")
        await settle(pilot)
        table = kiosk_app.screen.query_one(DataTable)
        assert [str(c) for c in table.get_row_at(0)[:3]] == [k2.serial_no, "考试预约（科目二）", "考试不合格"]
        detail = screen_text(kiosk_app)  # the timeline under the table
        yesterday = (NOW - timedelta(days=1)).date()
        assert f"预约成功：{yesterday:%Y-%m-%d} 08:30 {k2.site_name}" in detail and "已缴纳考试费" in detail


async def test_the_counter_file_lists_each_exam_with_its_time_and_site(env, people):
    p = people["four_fails"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#bookings", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        # each finished booking says how it ended, in the words of its 网办进度 row (not 考试已结束)
        assert [row[4] for row in rows] == ["考试不合格"] * 4 + ["考试合格"]
        apps = app.screen.query_one("#apps", DataTable)
        progress = {str(apps.get_row_at(i)[0]): str(apps.get_row_at(i)[2]) for i in range(apps.row_count)}
        assert all(progress[row[0]] == row[4] for row in rows)
        assert all(row[5] not in ("", "-") and row[6] not in ("", "-") for row in rows)  # 考试时间, 考场
        assert all(row[0].isdigit() for row in rows)  # each an online booking with its 业务流水号
