"""考试成绩录入's list of candidates still to have a result (a tester): at 2026-12-08 it said nobody
was waiting although 陈晨's 2026-12-07 exam had no result, which the clerk could record only by
typing her ID number; and after a failed first attempt the row said the session's 08:30 while the
question before 录入成绩 said the retake's 09:30 (recorded an hour after the first attempt).
Now the list holds the placed bookings of the EARLIER_DAYS before today too, after today's (the
day's work, never cut off by a backlog), latest day first, each row with its date; and a retake's
row says the time the question says."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.services import allocation_service, exam_result_check, exam_results
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.staff import StaffSession
from kiosk.ui.dialogs.confirm import ConfirmDialog
from tests.booking_helpers import add_learners, book, sessions
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_results_attempt import _save
from tests.ui.test_counter_results_awaiting import _open, _rows

STAFF = StaffSession("J1003", "赵考务", ("exam_admin",))


def _two_days(env):  # type: ignore[no-untyped-def]
    """Two learners: the first placed in the first 2026-12-04 科目二 session, the second in the first
    2026-12-05 one (booked on 12-01, allocated on each publication day). The clock: 12-05 10:00."""
    early, late = add_learners(env, 2)
    on_4 = sessions(env, early, 2, "2026-12-04", "2026-12-04")[0]
    on_5 = sessions(env, late, 2, "2026-12-05", "2026-12-05")[0]
    book(env, early, BookingRequest(2, "self", (on_4.id,)))
    book(env, late, BookingRequest(2, "self", (on_5.id,)))
    env.clock.advance(days=1)
    assert allocation_service.run(env, date(2026, 12, 2)).placed == 1
    env.clock.advance(days=1)
    assert allocation_service.run(env, date(2026, 12, 3)).placed == 1
    env.clock.advance(days=2, hours=1)  # 2026-12-05 10:00 or so, after both sessions began
    assert env.clock.now().date() == date(2026, 12, 5)
    return early, late, on_4, on_5


def test_an_earlier_days_unrecorded_exam_is_listed_until_its_result_is_in(env):
    early, late, on_4, _ = _two_days(env)
    found = exam_result_check.awaiting(env, STAFF)
    assert found.day == date(2026, 12, 5)
    assert [(a.id_number, a.exam_date) for a in found.rows] == \
        [(late.id_number, date(2026, 12, 5)), (early.id_number, date(2026, 12, 4))]  # today's first
    assert found.earlier == 1
    first = found.rows[1]
    assert (first.attempt, first.at.date(), first.at.time()) == (1, date(2026, 12, 4), on_4.start_time)
    exam_results.record(env, first.booking_id, score=60)  # failed: the retake is still to be recorded
    [_, again] = exam_result_check.awaiting(env, STAFF).rows
    assert again.id_number == early.id_number and again.attempt == 2
    exam_results.record(env, first.booking_id, score=90)  # the retake: the booking closed
    assert [a.id_number for a in exam_result_check.awaiting(env, STAFF).rows] == [late.id_number]


def test_the_list_looks_back_earlier_days_and_no_further(env):
    early, late, _, _ = _two_days(env)
    env.clock.advance(days=exam_result_check.EARLIER_DAYS - 1)  # 12-04 is EARLIER_DAYS days ago
    assert [a.id_number for a in exam_result_check.awaiting(env, STAFF).rows] == [late.id_number, early.id_number]
    env.clock.advance(days=1)
    found = exam_result_check.awaiting(env, STAFF)
    assert [a.id_number for a in found.rows] == [late.id_number] and found.earlier == 1


def test_a_retakes_row_says_the_time_the_question_says(env):
    early, _, on_4, _ = _two_days(env)
    [_, first] = exam_result_check.awaiting(env, STAFF).rows
    exam_results.record(env, first.booking_id, score=60)
    [_, retake] = exam_result_check.awaiting(env, STAFF).rows
    pending = exam_result_check.preview_one(env, STAFF, early.id_number, "2", "85", "2")
    assert pending.exam == f"{retake.at:%Y-%m-%d %H:%M}（补考）"
    assert retake.at > first.at  # an hour after the first attempt, not the session's start


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_list_shows_earlier_days_with_their_dates_and_the_retakes_time(env, size):
    early, late, on_4, _ = _two_days(env)
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _open(pilot)
        text = screen_text(app)
        assert "待录入成绩的考生 2 人（含以前日期未录入的 1 人，列在今日之后）" in text
        rows = _rows(app)
        assert [r[0] for r in rows] == ["2026-12-05", "2026-12-04"]
        assert early.name in rows[1] and early.id_number in rows[1] and "1（初考）" in rows[1]
        assert late.name in rows[0]
        table = app.screen.query_one("#awaiting")
        table.focus()
        table.move_cursor(row=1)
        await pilot.press("enter")  # the 12-04 candidate: into the form, as today's are
        await settle(pilot)
        q = app.screen.query_one
        assert (q("#input-id_number").value, q("#input-subject").value, q("#input-attempt").value) == \
            (early.id_number, "2", "1")
        await _save(pilot, early.id_number, "2", "60")  # failed: the retake is due
        await settle(pilot)  # the list read again
        rows = _rows(app)
        assert "2（补考）" in rows[1]
        table.focus()
        table.move_cursor(row=1)
        await pilot.press("enter")
        await settle(pilot)
        set_input(app, "score", "85")
        await pilot.press("enter")  # in 成绩, where choosing the row put the cursor
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        asked = screen_text(app)
        retake = exam_result_check.awaiting(env, STAFF).rows[1].at
        assert f"考试时间：{retake:%Y-%m-%d %H:%M}（补考）" in asked
        assert retake.time() != on_4.start_time  # an hour after the first attempt
        assert rows[1][:2] == ["2026-12-04", f"{retake:%H:%M}"]
