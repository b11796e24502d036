"""Home and End in a list of rows (a PlainTable with a row cursor, every list of the app): the cursor
goes to the first and the last row, as Ctrl+Home and Ctrl+End take it. Textual's DataTable scrolls
sideways on them with a row cursor, so End left the cursor where it was (工作人员账户). A cell cursor
keeps Textual's own: the first and the last column."""
from __future__ import annotations

from textual.app import App, ComposeResult

from kiosk.ui.widgets.plain import PlainTable


class OneTable(App):
    def __init__(self, cursor_type: str) -> None:
        super().__init__()
        self.cursor_type = cursor_type

    def compose(self) -> ComposeResult:
        yield PlainTable(cursor_type=self.cursor_type)


async def _filled(pilot) -> PlainTable:
    table = pilot.app.query_one(PlainTable)
    table.add_columns("工号", "姓名", "状态")
    for i in range(20):  # more rows than the screen shows
        table.add_row(f"J{1001 + i}", "张三", "正常", key=f"J{1001 + i}")
    table.focus()
    await pilot.pause()
    return table


async def test_home_and_end_move_a_row_cursor_to_the_first_and_last_row():
    app = OneTable("row")
    async with app.run_test(size=(60, 10)) as pilot:
        table = await _filled(pilot)
        await pilot.press("down", "end")
        await pilot.pause()
        assert table.cursor_row == 19
        assert table.scroll_y == table.max_scroll_y > 0  # the last row in view
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0 and table.scroll_y == 0


async def test_a_cell_cursor_keeps_home_and_end_along_its_row():
    app = OneTable("cell")
    async with app.run_test(size=(60, 10)) as pilot:
        table = await _filled(pilot)
        await pilot.press("down", "end")
        await pilot.pause()
        assert (table.cursor_row, table.cursor_column) == (1, 2)
        await pilot.press("home")
        await pilot.pause()
        assert (table.cursor_row, table.cursor_column) == (1, 0)
