"""Pilot: a counter changed the chosen session's 开考时间 while the citizen was on 确认并提交 (tester:
08:30 confirmed, 09:00 booked with no warning). 预约 is refused as when the session stops taking the
learner's class: back on 选择场次, queried again, why above the table (old and new named), the
session no longer marked (chosen again at its new time or another), the code kept for the next try.
The priority wizard the same."""
from __future__ import annotations

from datetime import time

from textual.widgets import DataTable

from kiosk.db.models import ExamSession
from tests.conftest import last_sms_code
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_booking_closed_meanwhile import alert
from tests.ui.test_booking_priority import to_priority_sessions
from tests.ui.test_booking_small_screen import press
from tests.ui.test_booking_wizard import mark_rows, query, step, to_confirm_with_one


async def submit_after_the_counter_moved_it(pilot, env, p) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """On 确认并提交 with one session chosen: the code sent and typed, the counter moves the session
    an hour later, 预约 pressed. (the code, the refusal expected)."""
    app = pilot.app
    sessions = app.screen.query_one("#step-sessions")
    row = next(r for r in sessions.rows if r.id == sessions.marked[0])
    await press(pilot, "send-code")
    code = last_sms_code(env, p.phone)
    set_input(app, "code", code)
    moved = time(row.start_time.hour + 1, row.start_time.minute)
    with env.db.write() as s:
        s.get(ExamSession, row.id).start_time = moved
    day = f"{row.exam_date.month}月{row.exam_date.day}日"
    why = (f"所选场次（{day} {row.start_time:%H:%M} {row.site_name}）的考试时间已改为{day} {moved:%H:%M}，"
           "可重新选择该场次（已按变更后的信息列出）或其他场次")
    await press(pilot, "submit")
    await settle(pilot)
    return code, why


def assert_back_on_sessions(app, code: str, why: str) -> None:  # type: ignore[no-untyped-def]
    assert step(app)[0] == "step-sessions"
    said = why + "（验证码仍然有效）。已为您重新查询，下表为最新的可预约场次。"
    assert alert(app) == "".join(said.split())  # alert(): the text as shown, without its spaces and line breaks
    assert "提交成功" not in screen_text(app)
    assert app.screen.query_one("#step-sessions").marked == []  # to be chosen again
    assert app.screen.query_one("#input-code").value == code
    assert app.screen.query_one("#sessions", DataTable).row_count  # the list queried again


async def test_a_start_time_changed_on_confirm_goes_back_to_choose(kiosk_app, env, people):
    p = people["k2_ready"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_confirm_with_one(pilot, env, p)
        code, why = await submit_after_the_counter_moved_it(pilot, env, p)
        assert_back_on_sessions(kiosk_app, code, why)
        await mark_rows(pilot, 1)  # chosen again (as listed now): booked with the code kept
        await press(pilot, "next-sessions")
        await pilot.press("enter")
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-done" and "提交成功" in screen_text(kiosk_app)


async def test_the_priority_wizard_the_same(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_priority_sessions(pilot, env, p)
        await query(pilot, "2026-12-04", "2026-12-06")
        await mark_rows(pilot, 1)
        await press(pilot, "next-sessions")
        assert step(kiosk_app)[0] == "step-confirm"
        code, why = await submit_after_the_counter_moved_it(pilot, env, p)
        assert_back_on_sessions(kiosk_app, code, why)
