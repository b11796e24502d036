"""考试成绩录入 asks before it saves one result (a result cannot be changed once recorded): the
question reads back the candidate (masked, as 已录入 names them), the subject, the attempt, the
score or 缺考 and the verdict; 返回修改 saves nothing and leaves the form as typed. A form the
service would refuse is refused before the question."""
from __future__ import annotations

from kiosk.domain.ids import mask_id, mask_name
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.exam_results import ExamResultsScreen
from tests.ui.conftest import field_error, press_enter_in, screen_text, set_input, settle
from tests.ui.test_booking_records import placed_on_12_04
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press


async def answer_yes(pilot) -> str:  # type: ignore[no-untyped-def]
    """录入成绩 asked first: 确认录入. Returns the question asked."""
    await settle(pilot)
    assert isinstance(pilot.app.screen, ConfirmDialog), "录入成绩 saved without asking"
    question = screen_text(pilot.app)
    await pilot.click("#yes")
    await settle(pilot)
    return question


def _asked(app) -> str:  # type: ignore[no-untyped-def]
    """The question of the 确认录入 dialog on screen, as composed."""
    assert isinstance(app.screen, ConfirmDialog), "录入成绩 saved without asking"
    return app.screen.question


async def _form(pilot, env, p) -> None:  # type: ignore[no-untyped-def]
    placed_on_12_04(env, p)
    env.clock.advance(days=2, hours=2)  # 2026-12-04 11:00, after the 08:30 session
    await _sign_in(pilot, pilot.app, "J1003", "kiosk-1003")
    await press(pilot, "m-results")
    set_input(pilot.app, "id_number", p.id_number)
    set_input(pilot.app, "subject", "2")


async def test_the_question_reads_the_result_back_and_cancel_keeps_the_form(env, people):
    p = people["permit_expiring"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _form(pilot, env, p)
        set_input(app, "score", "59")
        await press(pilot, "record")
        assert isinstance(app.screen, ConfirmDialog)
        text = screen_text(app)
        assert f"{mask_name(p.name)}（{mask_id(p.id_number)}）" in text
        assert "科目二" in text and "第1次（初考）" in text and "59分，不合格（合格标准80分）" in text
        assert "成绩录入后不能修改，请核对。" in text
        assert "考试时间：2026-12-04 " in text  # which exam (verify tester: the question had no time)
        assert "考试费尚未缴纳" in text  # said before, not only after saving
        assert app.focused is app.screen.query_one("#no")  # the safe answer: nothing saved
        await pilot.press("enter")  # 返回修改
        await settle(pilot)
        assert isinstance(app.screen, ExamResultsScreen) and "已录入" not in screen_text(app)
        q = app.screen.query_one
        assert (q("#input-id_number").value, q("#input-subject").value, q("#input-score").value,
                q("#input-attempt").value) == (p.id_number, "2", "59", "1")
        set_input(app, "score", "95")  # corrected
        await press_enter_in(pilot, "score")
        question = await answer_yes(pilot)
        assert "95分，合格（合格标准80分）" in question
        assert "已录入（第1次）" in screen_text(app) and "95分，合格" in screen_text(app)


async def test_a_no_show_is_named_as_such(env, people):
    p = people["permit_expiring"]
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _form(pilot, env, p)
        set_input(app, "score", "缺考")
        await press(pilot, "record")
        question = await answer_yes(pilot)
        assert "缺考，按不合格处理" in question
        assert "已录入（第1次）" in screen_text(app)


async def test_a_refused_form_is_not_asked_about(env, people):
    """No first attempt yet, 考试次数 2: refused by the field at once, no question."""
    p = people["permit_expiring"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _form(pilot, env, p)
        set_input(app, "score", "60")
        set_input(app, "attempt", "2")
        await press(pilot, "record")
        assert isinstance(app.screen, ExamResultsScreen)
        assert "请先录入第1次成绩" in field_error(app, "attempt")


async def test_a_retake_is_asked_about_at_the_time_it_is_saved(env, people):
    """The retake is recorded RETAKE_GAP after the first attempt, not at the session's start: the
    question said 2026-12-04 08:30 while 09:30 was saved (tester). It says the time saved, 补考."""
    p = people["permit_expiring"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _form(pilot, env, p)
        set_input(app, "score", "60")
        await press(pilot, "record")
        assert "考试时间：2026-12-04 08:30" in _asked(app)
        await answer_yes(pilot)
        assert app.screen.query_one("#input-attempt").value == "2"
        set_input(app, "score", "75")
        await press(pilot, "record")
        question = _asked(app)
        await answer_yes(pilot)
        assert "考试时间：2026-12-04 09:30（补考）\n" in question and "08:30" not in question
        assert "考场：" in question
        assert "考试时间2026-12-04 09:30，科目二补考成绩75分" in screen_text(app)
