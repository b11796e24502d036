"""考试成绩录入, one candidate at a time: the clerk says which attempt (考试次数), so pressing
录入成绩 twice never records the same exam as the retake; after each result the next candidate's
ID number is typed into an emptied field (after a failed first attempt: the retake score into 成绩),
and 考试次数 says 2 only for the same candidate's retake; every wrong field is told at once."""
from __future__ import annotations

from kiosk.ui.screens.counter.exam_results import ExamResultsScreen
from tests.ui.conftest import field_error, press_enter_in, screen_text, set_input
from tests.ui.test_booking_records import placed_on_12_04
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_results_confirm import answer_yes
from tests.ui.counter_helpers import press


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

        async def record(score: str, asked: bool = True) -> None:
            set_input(app, "score", score)
            await press(pilot, "record")
            if asked:  # 确认录入 (a refused form is not asked about)
                await answer_yes(pilot)

        set_input(app, "id_number", p.id_number)
        set_input(app, "subject", "2")
        await record("70")
        assert "已录入（第1次）" in screen_text(app)
        assert app.screen.query_one("#input-attempt").value == "2"  # a failed first: the retake comes next
        set_input(app, "attempt", "1")  # the clerk enters the same line again
        await record("70", asked=False)
        assert "第1次考试成绩已录入（70分，2026-12-04 08:30），未重复录入" in field_error(app, "attempt")
        set_input(app, "attempt", "2")
        await record("95")
        assert "已录入（第2次）" in screen_text(app) and "合格" in screen_text(app)
        assert app.screen.query_one("#input-attempt").value == "1"  # done: the next candidate's first attempt
        set_input(app, "attempt", "2")
        app.screen.query_one("#input-id_number").focus()
        await pilot.press("5")  # the clerk starts typing the next candidate (the field was emptied)
        assert app.screen.query_one("#input-attempt").value == "1"


async def test_a_failed_first_attempt_leaves_the_focus_in_score_for_the_retake(env, people):
    """As RETAKE_NEXT says: after a failed first attempt the retake score is typed at once (the focus
    in 成绩, emptied; ID number and subject kept; 考试次数 2), not over the selected ID number. After the
    retake (the booking ended) the next candidate starts in the emptied ID number field at 1. Wherever
    the focus lands, the cursor is after the text with nothing selected."""
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
        await answer_yes(pilot)
        assert "已录入（第1次）" in screen_text(app)
        q = app.screen.query_one
        id_field, score, attempt = q("#input-id_number"), q("#input-score"), q("#input-attempt")
        assert app.focused is score and score.value == "" and score.selection.is_empty
        assert id_field.value == p.id_number and attempt.value == "2"
        await pilot.press("9", "5", "enter")  # the retake, typed straight in
        await answer_yes(pilot)
        assert "已录入（第2次）" in screen_text(app) and "合格" in screen_text(app)
        assert app.focused is id_field and id_field.value == "" and id_field.selection.is_empty
        assert attempt.value == "1" and q("#input-subject").value == "2"  # the subject stays for the next one
        await pilot.press(*other.id_number)
        assert id_field.value == other.id_number and attempt.value == "1"


async def test_a_pass_sends_the_focus_to_an_empty_id_number(env, people):
    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    env.clock.advance(days=2, hours=2)
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-results")
        set_input(app, "id_number", p.id_number)
        set_input(app, "subject", "2")
        set_input(app, "score", "缺考")
        await press_enter_in(pilot, "score")
        await answer_yes(pilot)
        assert "已录入（第1次）" in screen_text(app) and "缺考" in screen_text(app)
        id_field = app.screen.query_one("#input-id_number")
        assert app.focused is id_field and id_field.value == "" and id_field.selection.is_empty
        assert app.screen.query_one("#input-attempt").value == "1"
        assert not any(f.edited for f in app.screen.draft_fields())  # nothing to lose on 返回


async def test_every_wrong_field_is_told_at_once(env, people):
    """A bad check digit, 科目 5 and 成绩 101: three messages from one press, the focus on the first."""
    env.clock.advance(days=2)
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-results")
        set_input(app, "id_number", "500103199901301658")
        set_input(app, "subject", "5")
        set_input(app, "score", "101")
        set_input(app, "attempt", "3")
        await press(pilot, "record")
        assert "校验位不正确" in field_error(app, "id_number")
        assert "科目须为1到4" in field_error(app, "subject")
        assert "成绩须为0到100的整数" in field_error(app, "score")
        assert "考试次数须为1（初考）或2（补考）" in field_error(app, "attempt")
        id_field = app.screen.query_one("#input-id_number")
        assert app.focused is id_field and id_field.selection.is_empty and id_field.cursor_position == 18
