"""Pilot: 为群众办理 at 80x24 shows a citizen's bookings with the exam time and site whole: the
columns read least (车型, then 业务) are left out instead; at 120x40 every column shows."""
from __future__ import annotations

from textual.widgets import DataTable

from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import look_up
from tests.ui.conftest import screen_text

ALL = ["业务流水号", "业务", "科目", "车型", "状态", "考试时间", "考场"]


def columns(app) -> list[str]:
    return [c.label.plain for c in app.screen.query_one("#bookings", DataTable).ordered_columns]


async def test_the_bookings_keep_time_and_site_at_80x24_and_show_all_at_120x40(env, people):
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, people["four_fails"].id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#bookings", DataTable)
        assert table.row_count > 0 and "车型" not in columns(app)
        assert {"考试时间", "考场"} <= set(columns(app)) and table.max_scroll_x == 0
        await pilot.resize_terminal(120, 40)
        await pilot.pause(0.2)
        assert columns(app) == ALL


async def test_the_points_stay_with_their_label_at_80x24(env, people):
    """The summary read 「...状态 正常  本记分周期累积记分：」 / 「0分  有效期至 2036-10-24」 (tester)."""
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, people["driver_normal"].id_number, "本人到窗口办理业务")
        rows = screen_text(app).splitlines()
        assert any("本记分周期累积记分：0分" in row for row in rows), rows
