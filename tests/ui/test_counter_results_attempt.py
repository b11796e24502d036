"""考试成绩录入: 考试次数 after a save. A failed first attempt fills in 2 for the same candidate's
retake and says so, with how the next candidate gets 1; any other ID number or subject in the field
gives 1, however it got there (also when its change is handled after the focus moved on); the
service refuses a wrong 考试次数 either way."""
from __future__ import annotations

from textual.widgets import Static

from kiosk.ui.screens.counter.exam_results import RETAKE_NEXT
from tests.ui.conftest import field_error, press_enter_in, screen_text, set_input, settle
from tests.ui.test_booking_records import placed_on_12_04
from tests.ui.test_counter import _sign_in, counter_app
from kiosk.ui.dialogs.confirm import ConfirmDialog
from tests.ui.test_counter_results_confirm import answer_yes
from tests.ui.counter_helpers import press


async def _results_form(pilot, env, p) -> None:  # type: ignore[no-untyped-def]
    placed_on_12_04(env, p)
    env.clock.advance(days=2, hours=2)  # 2026-12-04 11:00, after the 08:30 session
    await _sign_in(pilot, pilot.app, "J1003", "kiosk-1003")
    await press(pilot, "m-results")


async def _save(pilot, id_number: str, subject: str, score: str, attempt: str | None = None) -> None:
    app = pilot.app
    set_input(app, "id_number", id_number)
    set_input(app, "subject", subject)
    await settle(pilot)
    if attempt is not None:
        set_input(app, "attempt", attempt)
    set_input(app, "score", score)
    await press_enter_in(pilot, "score")
    await settle(pilot)
    if isinstance(app.screen, ConfirmDialog):  # 确认录入 (a refused form is not asked about)
        await answer_yes(pilot)


def _result(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#record-result", Static).render())


async def test_the_prefilled_retake_says_why(env, people):
    p = people["permit_expiring"]
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _results_form(pilot, env, p)
        await _save(pilot, p.id_number, "2", "60")
        assert "已录入（第1次）" in _result(app) and app.screen.query_one("#input-attempt").value == "2"
        assert RETAKE_NEXT in _result(app)  # the 2 is explained, not there "by itself"
        result = app.screen.query_one("#record-result")
        assert app.screen.query_one(".form").region.contains_region(result.region)  # in view at 80x24


async def test_another_candidate_gets_1_however_the_number_arrives(env, people):
    p, other = people["permit_expiring"], people["driver_normal"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _results_form(pilot, env, p)
        await _save(pilot, p.id_number, "2", "60")
        attempt = app.screen.query_one("#input-attempt")
        assert attempt.value == "2"
        app.screen.query_one("#input-score").focus()  # the focus has moved on ...
        await settle(pilot)
        app.screen.query_one("#input-id_number").value = other.id_number  # ... when the new number arrives
        await settle(pilot)
        assert attempt.value == "1"
        app.screen.query_one("#input-id_number").value = p.id_number  # back to the retake due
        await settle(pilot)
        assert attempt.value == "2"
        set_input(app, "subject", "3")
        await settle(pilot)
        assert attempt.value == "1"  # the same candidate, another subject: no retake due in it


async def test_a_pass_says_nothing_of_a_retake(env, people):
    p = people["permit_expiring"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _results_form(pilot, env, p)
        await _save(pilot, p.id_number, "2", "95")
        assert "合格" in _result(app) and RETAKE_NEXT not in _result(app)
        assert app.screen.query_one("#input-attempt").value == "1"


async def test_the_service_refuses_a_wrong_attempt_either_way(env, people):
    p = people["permit_expiring"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _results_form(pilot, env, p)
        await _save(pilot, p.id_number, "2", "60", attempt="2")  # no first attempt yet
        assert "该考生本次预约还没有第1次考试成绩，请先录入第1次成绩（考试次数填1）" in field_error(app, "attempt")
        assert "已录入" not in screen_text(app)
        await _save(pilot, p.id_number, "2", "60", attempt="1")
        assert "已录入（第1次）" in _result(app)
        await _save(pilot, p.id_number, "2", "60", attempt="1")  # the same line again
        assert "第1次考试成绩已录入（60分，2026-12-04 08:30），未重复录入；如为补考成绩，考试次数请填2" \
            in field_error(app, "attempt")


async def test_an_unpaid_fee_is_said_under_the_result(env, people):
    """The booking's exam fee was never paid: the result is recorded, and the line says so to the clerk."""
    from kiosk.services.exam_results import FEE_UNPAID

    p = people["permit_expiring"]
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _results_form(pilot, env, p)
        await _save(pilot, p.id_number, "2", "60")
        assert "已录入（第1次）" in _result(app) and f"注意：{FEE_UNPAID}" in _result(app)
        assert RETAKE_NEXT in _result(app)
        result = app.screen.query_one("#record-result")
        assert app.screen.query_one(".form").region.contains_region(result.region)  # in view at 80x24


async def test_each_result_line_is_a_sentence_set_apart_from_the_import_part(env, people):
    """Tester: `...2026年12月17日起可以预约` had no closing 。, and the lines ran straight into 批量导入."""
    p = people["permit_expiring"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _results_form(pilot, env, p)
        await _save(pilot, p.id_number, "2", "60")
        await _save(pilot, p.id_number, "2", "75", attempt="2")
        said = _result(app)
        assert "已录入（第2次）" in said and "起可以预约。" in said, said
        lines = [line for line in said.splitlines() if line.strip()]
        assert all(line.rstrip().endswith("。") for line in lines), lines
        result = app.screen.query_one("#record-result")
        hint = app.screen.query_one("#import-hint")
        assert hint.region.y > result.region.bottom, (result.region, hint.region)  # a blank line between
        await _save(pilot, p.id_number, "2", "75", attempt="2")  # refused, said alone: a sentence too
        refusal = _result(app).strip()
        assert refusal.endswith("。") and "已录入（" not in refusal, refusal
        assert hint.region.y > result.region.bottom


async def test_tab_into_the_attempt_selects_its_one(env, people):
    """考试次数 is filled in with 1: Tab in from 成绩 and type 2, and it holds 2, not 12 (as
    优先预约名额's 0 is replaced)."""
    from textual.widgets import Input

    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _results_form(pilot, env, people["permit_expiring"])
        app.screen.query_one("#input-score", Input).focus()
        await pilot.press(*"85", "tab")
        await settle(pilot)
        attempt = app.screen.query_one("#input-attempt", Input)
        assert app.focused is attempt and attempt.value == "1"
        await pilot.press("2")
        await settle(pilot)
        assert attempt.value == "2"
