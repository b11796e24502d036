"""Pilot: 考试成绩录入, a failed first attempt saved one by one leaves the form ready for the retake
(RETAKE_NEXT, the ID number and subject kept, 考试次数 2). A CSV import that records that very retake
took it away from the list under the form, yet the hint and the filled form stayed (tester): the form
is checked against the list read again, so the hint goes and the form is emptied, 考试次数 1. An import
that leaves the retake due keeps both; a form already holding another candidate keeps what was typed."""
from __future__ import annotations

from textual.widgets import Input

from kiosk.services import exam_admin_results
from kiosk.ui.screens.counter.exam_results import RETAKE_NEXT
from tests.ui.conftest import set_input, settle
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_results_attempt import _result, _results_form, _save


async def _import(pilot, env, *lines: str) -> None:  # type: ignore[no-untyped-def]
    (exam_admin_results.import_folder(env) / "r.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    set_input(pilot.app, "csv_path", "r.csv")
    pilot.app.screen.query_one("#input-csv_path", Input).focus()
    await pilot.press("enter")
    await settle(pilot)
    await settle(pilot)


def _form(app) -> tuple[str, str, str, str]:  # type: ignore[no-untyped-def]
    return tuple(app.screen.query_one(f"#input-{n}", Input).value  # type: ignore[return-value]
                 for n in ("id_number", "subject", "score", "attempt"))


async def test_an_import_of_the_retake_clears_its_hint_and_form(env, people):
    p = people["permit_expiring"]
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _results_form(pilot, env, p)
        await _save(pilot, p.id_number, "2", "60")
        assert RETAKE_NEXT in _result(app) and _form(app) == (p.id_number, "2", "", "2")
        await _import(pilot, env, f"{p.id_number},2,85,2,2026-12-04")
        assert "已保存 1 行" in str(app.screen.query_one("#import-report").render())
        assert "已录入（第1次）" in _result(app) and RETAKE_NEXT not in _result(app)  # what was saved stays said
        assert _form(app) == ("", "", "", "1")
        assert not app.screen.unsaved()  # leaving does not ask about a draft nobody typed


async def test_an_import_that_leaves_the_retake_due_keeps_it(env, people):
    p, other = people["permit_expiring"], people["driver_normal"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _results_form(pilot, env, p)
        await _save(pilot, p.id_number, "2", "60")
        await _import(pilot, env, f"{other.id_number},2,85")  # refused: no exam booked
        assert "错误 1 行" in str(app.screen.query_one("#import-report").render())
        assert RETAKE_NEXT in _result(app) and _form(app) == (p.id_number, "2", "", "2")


async def test_another_candidate_typed_meanwhile_stays(env, people):
    p, other = people["permit_expiring"], people["driver_normal"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _results_form(pilot, env, p)
        await _save(pilot, p.id_number, "2", "60")
        set_input(app, "id_number", other.id_number)
        set_input(app, "score", "70")
        await settle(pilot)
        await _import(pilot, env, f"{p.id_number},2,85,2")
        assert RETAKE_NEXT not in _result(app)
        assert _form(app) == (other.id_number, "2", "70", "1")

