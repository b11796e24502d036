"""Pilot: 考试成绩录入 → 批量导入, the same file imported again: its lines saved the first time are
counted as 已录入过 (跳过) in the report's first line and not listed as errors (tester: they were, with
该考生最近一次科目二预约的考试已结束), as the hint says (同一文件重复导入不会重复录入)."""
from __future__ import annotations

import pytest
from textual.widgets import Static

from tests.booking_helpers import add_learners
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_results_attempt import _results_form
from tests.ui.test_counter_results_import_retake import _import


def _report(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#import-report", Static).render())


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_lines_saved_before_are_skipped_not_errors(env, people, size):
    p = people["permit_expiring"]
    others = add_learners(env, 2)  # no exam booked: their lines are refused each time
    lines = [f"{p.id_number},2,95,1,2026-12-04", *(f"{o.id_number},2,90" for o in others)]
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _results_form(pilot, env, p)
        await _import(pilot, env, *lines)
        assert _report(app).startswith("共 3 行：已保存 1 行，错误 2 行。")
        await _import(pilot, env, *lines)
        report = _report(app)
        assert report.startswith("共 3 行：已保存 0 行，已录入过 1 行（跳过），错误 2 行。")
        assert "第1行" not in report and "已结束" not in report and "第2行" in report and "第3行" in report
        assert "同一文件重复导入不会重复录入（此前录入过的行跳过）" in str(app.screen.query_one("#import-hint", Static).render())


async def test_empty_lines_and_lines_of_commas_are_said_skipped(env, people):
    """A line of commas only (,,) was left out unsaid, and 共 2 行 of a file of more lines read as a
    line lost (tester): the empty lines are named after the count, skipped."""
    p = people["permit_expiring"]
    others = add_learners(env, 1)
    lines = ["身份证号码,科目,成绩", f"{p.id_number},2,95,1,2026-12-04", ",,", f"{others[0].id_number},2,90", " , ,"]
    app = counter_app(env)
    async with app.run_test(size=(100, 30)) as pilot:
        await _results_form(pilot, env, p)
        await _import(pilot, env, *lines)
        assert _report(app).startswith("共 2 行：已保存 1 行，错误 1 行。另有空行 2 行（第3、5行），已跳过。")
        await _import(pilot, env, *lines[:2])  # none: nothing said of them
        assert "空行" not in _report(app)
