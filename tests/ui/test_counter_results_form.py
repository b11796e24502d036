"""考试成绩录入, one candidate at a time: the clerk says which attempt (考试次数), so pressing
录入成绩 twice never records the same exam as the retake; after each result the next candidate's
ID number is typed straight over the last one, and 考试次数 says 2 only for the same candidate's retake."""
from __future__ import annotations

from kiosk.ui.screens.counter.exam_results import ExamResultsScreen
from tests.ui.conftest import field_error, press_enter_in, screen_text, set_input, settle
from tests.ui.test_booking_records import placed_on_12_04
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_screens import press


async def test_a_result_entered_twice_is_not_taken_for_the_retake(env, people):
    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    env.clock.advance(days=2, hours=2)  # 2026-12-04 11:00, after the 08:30 session
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-results")
        assert isinstance(app.screen, ExamResultsScreen)
        assert app.screen.query_one("#input-attempt").value == "1"

        async def record(score: str) -> None:
            set_input(app, "score", score)
            await press(pilot, "record")

        set_input(app, "id_number", p.id_number)
        set_input(app, "subject", "2")
        await record("70")
        assert "已录入（第1次）" in screen_text(app)
        assert app.screen.query_one("#input-attempt").value == "2"  # a failed first: the retake comes next
        set_input(app, "attempt", "1")  # the clerk enters the same line again
        await record("70")
        assert "第1次考试成绩已录入（70分，2026-12-04 08:30），未重复录入" in field_error(app, "attempt")
        set_input(app, "attempt", "2")
        await record("95")
        assert "已录入（第2次）" in screen_text(app) and "合格" in screen_text(app)
        assert app.screen.query_one("#input-attempt").value == "1"  # done: the next candidate's first attempt
        set_input(app, "attempt", "2")
        app.screen.query_one("#input-id_number").focus()
        await pilot.press("backspace")  # the clerk starts typing the next candidate
        assert app.screen.query_one("#input-attempt").value == "1"


async def test_the_next_candidate_is_typed_over_the_last_and_starts_at_the_first_attempt(env, people):
    p, other = people["permit_expiring"], people["driver_normal"]
    placed_on_12_04(env, p)
    env.clock.advance(days=2, hours=2)  # 2026-12-04 11:00, after the 08:30 session
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-results")
        set_input(app, "id_number", p.id_number)
        set_input(app, "subject", "2")
        set_input(app, "score", "70")
        await press_enter_in(pilot, "attempt")
        await settle(pilot)
        assert "已录入（第1次）" in screen_text(app)
        id_field, attempt = app.screen.query_one("#input-id_number"), app.screen.query_one("#input-attempt")
        assert app.focused is id_field and attempt.value == "2"  # a failed first: its retake may come next
        await pilot.press(*other.id_number)  # the next candidate replaces the last one's number
        assert id_field.value == other.id_number
        assert attempt.value == "1"  # another candidate: the first attempt
        id_field.select_all()
        await pilot.press(*p.id_number)  # back to the same candidate and subject: the retake again
        assert attempt.value == "2"
        set_input(app, "score", "95")
        await press_enter_in(pilot, "score")
        await settle(pilot)
        assert "已录入（第2次）" in screen_text(app)
        assert app.focused is id_field and attempt.value == "1"
        await pilot.press(*other.id_number)
        assert id_field.value == other.id_number and attempt.value == "1"
