"""A PlainTable's columns widen to rows added while it was drawn (tester, 考试费缴纳 after paying at
120x40, one run in four: 「2612030000  科目  预约  2026-12-」, every cell cut to its header's width).
Textual 8.2.8 measures new rows on its next idle; a row drawn before that (a focused table, whose
style does not change after the refill) stayed cached at the header's widths."""
from __future__ import annotations

from textual.app import App, ComposeResult

from kiosk.ui.widgets.fit import fill_to_fit
from kiosk.ui.widgets.plain import PlainTable


class OneTable(App):
    def compose(self) -> ComposeResult:
        yield PlainTable(cursor_type="row")


async def test_rows_drawn_before_they_were_measured_are_drawn_again_at_their_width():
    app = OneTable()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(PlainTable)
        table.focus()
        for _ in range(2):  # the same rows again, as a list read again after an action: the same size
            table.clear(columns=True)
            table.add_columns("流水号", "状态")
            table.add_row("2612030000000012", "预约成功（已缴费）")
            table.render_line(1)  # drawn before the table's idle measures the new row
            await pilot.pause()
        assert table.ordered_columns[0].get_render_width(table) == 18  # measured by now
        line = table.render_line(1).text
        assert "2612030000000012" in line and "预约成功（已缴费）" in line


async def test_rows_put_in_are_measured_at_once_so_a_line_under_the_list_stays_in_view():
    """Textual measures new rows when the table is next idle, which can come after the next refresh:
    a line under the list brought into view after that refresh was pushed one row under the page's
    edge by the list grown late (工作人员账户 after 创建账户, CI under load). refill and measure
    give the table its height at once."""
    app = OneTable()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(PlainTable)
        table.add_columns("工号", "姓名")
        await pilot.pause()
        table.refill([("J1001", "张三"), ("J1002", "李四")], keys=["J1001", "J1002"])
        assert table.virtual_size.height == 3  # the header and two rows, before any idle
        table.add_row("J1003", "王五")
        table.measure()
        assert table.virtual_size.height == 4
        fill_to_fit(table, app.screen, ("工号", "姓名"), [("J1001", "张三")], (1,), ())  # 我的预约, 我的机动车
        assert table.virtual_size.height == 2
        table.refill([], keys=[])  # emptied: the header alone
        assert table.virtual_size.height == 1
