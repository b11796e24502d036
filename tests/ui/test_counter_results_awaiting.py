"""考试成绩录入 lists today's candidates still to have a result (a tester: each 18-digit ID number
had to be typed, and no screen said who sits an exam): by session, with the name and ID number
whole as the counter's citizen file shows them to staff. Choosing one fills in 身份证号码, 科目 and
考试次数; after the first attempt fails the row says 补考, after the retake the candidate is gone."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.services import exam_result_check
from kiosk.ui.screens.counter.exam_results import ExamResultsScreen
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_booking_records import placed_on_12_04
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_results_attempt import _save
from tests.ui.counter_helpers import press


async def _open(pilot) -> None:  # type: ignore[no-untyped-def]
    await _sign_in(pilot, pilot.app, "J1003", "kiosk-1003")
    await press(pilot, "m-results")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ExamResultsScreen)


def _rows(app) -> list[list[str]]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#awaiting")
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)] if table.display else []


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_choosing_a_listed_candidate_fills_the_form(env, people, size):
    p = people["permit_expiring"]
    rows, _ = placed_on_12_04(env, p)
    env.clock.advance(days=2, hours=2)  # 2026-12-04 11:00, the exam day
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _open(pilot)
        assert "今日（2026-12-04）待录入成绩的考生 1 人" in screen_text(app)
        [row] = _rows(app)
        assert p.id_number in row and p.name in row and "科目二" in row and "1（初考）" in row
        assert f"{rows[0].start_time:%H:%M}" in row or size == (80, 24)
        table = app.screen.query_one("#awaiting")
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        q = app.screen.query_one
        assert (q("#input-id_number").value, q("#input-subject").value, q("#input-attempt").value) == \
            (p.id_number, "2", "1")
        assert app.focused is q("#input-score")
        await _save(pilot, p.id_number, "2", "60")
        await settle(pilot)
        [row] = _rows(app)
        assert "2（补考）" in row  # the first attempt failed: the retake is due
        set_input(app, "id_number", "")  # someone else typed meanwhile
        set_input(app, "subject", "")
        await settle(pilot)
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert (q("#input-id_number").value, q("#input-subject").value, q("#input-attempt").value) == \
            (p.id_number, "2", "2")
        await _save(pilot, p.id_number, "2", "85", attempt="2")
        await settle(pilot)
        assert "已录入（第2次）" in screen_text(app) and _rows(app) == []
        assert "今日（2026-12-04）及此前30天内没有待录入成绩的考生。" in screen_text(app)
        title, hint = q("#awaiting-title"), q("#import-hint")
        assert hint.region.y > title.region.bottom  # a blank line before 批量导入, as under the list


def test_only_the_days_placed_bookings_without_a_closing_result(env, people):
    from kiosk.services import exam_results
    from kiosk.services.staff import StaffSession

    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    staff = StaffSession("J1003", "赵考务", ("exam_admin",))
    assert exam_result_check.awaiting(env, staff).rows == []  # 12-02: nobody sits an exam today
    env.clock.advance(days=2, hours=2)
    found = exam_result_check.awaiting(env, staff)
    assert found.day == date(2026, 12, 4) and [a.id_number for a in found.rows] == [p.id_number]
    bid = found.rows[0].booking_id
    exam_results.record(env, bid, score=95)  # passed: closed
    assert exam_result_check.awaiting(env, staff).rows == []


def test_the_days_candidates_are_found_through_the_days_sessions(env):
    """SQLite's session index holds only bookings with a session and its status index only pending
    ones (migration 0015): the day's sessions are read first, then their bookings by session, not
    every booking that ever had an exam."""
    from sqlalchemy import event

    from kiosk.services.staff import StaffSession

    seen: list[tuple[str, tuple]] = []

    def keep(conn, cursor, statement, params, context, executemany):  # type: ignore[no-untyped-def]
        if "FROM bookings" in statement:
            seen.append((statement, params))

    event.listen(env.db.engine, "before_cursor_execute", keep)
    try:
        exam_result_check.awaiting(env, StaffSession("J1003", "赵考务", ("exam_admin",)))
    finally:
        event.remove(env.db.engine, "before_cursor_execute", keep)
    (statement, params), = seen
    with env.db.engine.connect() as conn:
        plan = [r[3] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params)]
    assert "SEARCH bookings USING INDEX ix_bookings_session_id (session_id=?)" in plan
