"""Pilot: 为群众办理 after a learner's fifth 科目二 booking failed. Each finished booking reads its
result as 网办进度 says it (考试不合格, 考试合格), not 考试已结束; the summary says, in bold under the
permit, that the passed subjects are void and the learner must apply again; the booking columns still
fit at 80x24 (the time and site whole) and all show at 120x40."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from kiosk.services import booking_records, exam_results
from tests.booking_helpers import account_id
from tests.ui.test_booking_records import placed_on_12_04
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_citizen_narrow import ALL, columns
from tests.ui.counter_helpers import look_up

VOID = "不能预约考试：科目二已预约考试5次均不合格，其他已考合格的科目成绩作废，请重新申请机动车驾驶证"


def _fifth_failed(env, p) -> str:  # type: ignore[no-untyped-def]
    """``p`` (four failed 科目二 bookings) fails the fifth: its exam and retake on 2026-12-04."""
    aid = account_id(env, p)
    _, done = placed_on_12_04(env, p)
    bid = next(b.id for b in booking_records.my_bookings(env, aid) if b.serial_no == done.serial_no)
    env.clock.advance(days=2, hours=2)
    exam_results.record(env, bid, score=60, attempt=1)
    exam_results.record(env, bid, score=70, attempt=2)
    return done.serial_no


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_clerk_reads_each_result_and_that_the_learner_must_apply_again(env, people, size):
    serial = _fifth_failed(env, people["four_fails"])
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, people["four_fails"].id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#bookings", DataTable)
        status = columns(app).index("状态")
        statuses = [str(table.get_row_at(i)[status]) for i in range(table.row_count)]
        assert statuses == ["考试不合格"] * 5 + ["考试合格"]  # newest first: 科目二 failed 5 times, 科目一 passed
        row = table.get_row_index(str(next(b.id for b in app.screen.file.bookings if b.serial_no == serial)))
        assert str(table.get_row_at(row)[status]) == "考试不合格"
        summary = str(app.screen.query_one("#citizen-summary", Static).render())
        assert VOID in summary.replace("\n", "")
        permit = next(line for line in summary.splitlines() if line.startswith("学习驾驶证明："))
        assert permit.endswith("（已作废）")  # the permit line itself, beside its date
        assert table.max_scroll_x == 0 and {"状态", "考试时间", "考场"} <= set(columns(app))
        if size == (120, 40):
            assert columns(app) == ALL
