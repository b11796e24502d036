"""Pilot: 为群众办理's 网办进度 columns are as wide as the rows on screen, not as an earlier citizen's
(tester, 80x24: 王芳 (业务 优先考试预约（科目二）, 状态 预约成功（已缴费）), then 郭涛, 高峰 and 宋佳 looked
up in turn, then the terminal made 80x24: 宋佳's rows were padded to 王芳's widths (业务 24, 状态 20)
and 更新时间 was cut to "2026-12-03 09" behind a horizontal scrollbar; on a fresh screen they fit)."""
from __future__ import annotations

from rich.cells import cell_len

from kiosk.ui.widgets.plain import PlainTable
from tests.ui.conftest import set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import look_up, press, priority_booked


def _widest(table: PlainTable) -> list[int]:
    """Each column's width as its header and the rows shown need it."""
    return [max([cell_len(column.label.plain), *(cell_len(str(table.get_row_at(r)[i]))
                                                   for r in range(table.row_count))])
            for i, column in enumerate(table.ordered_columns)]


async def test_the_next_citizens_rows_get_their_own_widths(env, people):
    wide, narrow = people["permit_expiring"], people["failed_k2"]  # 王芳, then 李娜
    priority_booked(env, wide)  # 优先考试预约（科目二）
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, wide.id_number, "本人到窗口办理业务")
        apps = app.screen.query_one("#apps", PlainTable)
        assert "优先考试预约（科目二）" in [str(apps.get_row_at(r)[1]) for r in range(apps.row_count)]
        set_input(app, "id_number", narrow.id_number)
        await press(pilot, "lookup")
        assert [c.content_width for c in apps.ordered_columns] == _widest(apps)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert [c.content_width for c in apps.ordered_columns] == _widest(apps)
        assert apps.virtual_size.width <= apps.size.width  # no horizontal scrollbar: 更新时间 whole
