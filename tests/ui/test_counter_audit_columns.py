"""Pilot: 审计日志's list never scrolls sideways. 说明 takes the room the other columns leave and is
cut cleanly (「事由：代办（持委托书）（」 ended on an open bracket, the rest off to the right); the
columns are made again at each search, so after a long 说明 a search of no rows drew no stray
scrollbar (▉) under the table. At 80 columns 终端, then 角色, then 说明 are left out: the line under
the table says them whole. A mistyped ID number is told under its field, not searched for."""
from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable

from kiosk.services import counter_citizen
from kiosk.services.staff import StaffSession
from kiosk.ui.screens.counter.audit import clip
from tests.ui.conftest import field_error, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press

CLERK = StaffSession("J1001", "王警官", ("counter",))
LONG = "代办（持委托书）（委托人王芳，受托人刘洋，委托书编号2026120301）"


def test_clip_leaves_no_open_bracket_at_the_cut():
    assert clip("事由：代办（持委托书）", 40) == "事由：代办（持委托书）"
    assert clip(f"事由：{LONG}", 26) == "事由：代办（持委托书）..."
    assert clip(f"事由：{LONG}", 24) == "事由：代办（持委托书..."
    assert all(cell_len(clip(f"事由：{LONG}", w)) <= w for w in range(8, 60))
    assert not any(clip(f"事由：{LONG}", w).rstrip(".")[-1] in "（：，" for w in range(8, 60))


def _no_sideways_scroll(table: DataTable) -> bool:
    return table.max_scroll_x == 0 and not table.show_horizontal_scrollbar


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_list_fits_and_a_long_note_is_cut_cleanly(env, people, size):
    citizen = people["driver_normal"].id_number
    counter_citizen.lookup(env, CLERK, citizen, LONG)
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-audit")
        set_input(app, "citizen_id", citizen)
        await press(pilot, "search")
        await settle(pilot)
        table = app.screen.query_one("#audit-rows", DataTable)
        assert table.row_count == 1 and _no_sideways_scroll(table)
        row = next(line for line in screen_text(app).splitlines() if "查询群众档案" in line and "**" in line)
        if size[0] == 120:
            assert "事由：代办（持委" in row and row.rstrip().endswith("...") and "终端" in screen_text(app)
            assert "（..." not in row
        assert f"说明：事由：{LONG}" in str(app.screen.query_one("#audit-detail").render())  # whole below
        set_input(app, "citizen_id", people["no_licence"].id_number)  # no entries
        await press(pilot, "search")
        await settle(pilot)
        assert table.row_count == 0 and _no_sideways_scroll(table)
        assert "▉" not in screen_text(app) and "共 0 条" in screen_text(app)


async def test_a_mistyped_id_number_is_told_under_its_field(env, people):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-audit")
        set_input(app, "citizen_id", "500107199501010427")
        await press(pilot, "search")
        await settle(pilot)
        assert field_error(app, "citizen_id") == "身份证号码校验位不正确，请核对最后一位"
        assert "共 0 条" not in screen_text(app)


async def test_at_100_columns_the_note_has_the_room_the_others_leave(env, people):
    """The tester at 100x30: 说明 cut to `J1009 刘新人 窗口...` (20 cells), beside 操作 and 角色
    kept 18 and 9 cells wide for names they did not hold and a 时间 whose year every row repeated.
    Now 操作 and 角色 are as wide as the rows need and 时间 drops its year (the line under the table
    has it) before 终端 and 角色 go: 说明 has 30 cells and the line under the table says it whole."""
    from kiosk.services import counter_staff
    admin = StaffSession("A0001", "孙管理", ("admin",))
    counter_staff.create(env, admin, "J1009", "刘新人", ["counter"], "start1234", "190019")
    counter_citizen.lookup(env, CLERK, people["driver_normal"].id_number, LONG)
    app = counter_app(env)
    async with app.run_test(size=(100, 30)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-audit")
        await settle(pilot)
        table = app.screen.query_one("#audit-rows", DataTable)
        assert _no_sideways_scroll(table)
        labels = [str(c.label) for c in table.ordered_columns]
        assert labels == ["时间", "操作人", "操作", "群众", "说明"]
        note = next(c for c in table.ordered_columns if str(c.label) == "说明")
        assert note.get_render_width(table) >= 30  # was 23 (21 cells and 1 either side)
        lines = screen_text(app).splitlines()
        row = next(line for line in lines if "查询群众档案" in line and "**" in line)
        assert row.lstrip().startswith("12-01 09:00:00") and "事由：代办（持委托书）（委..." in row
        created = next(line for line in lines if "新建工作人员账户" in line)
        assert "J1009 刘新人 窗口民警/辅警" in created  # whole
        table.focus()
        while "新建工作人员账户" not in str(app.screen.query_one("#audit-detail").render()):
            await pilot.press("down")
        await settle(pilot)
        detail = str(app.screen.query_one("#audit-detail").render()).replace("\n", "")
        assert "2026-12-01" in detail and "角色：管理员" in detail and "终端：test-kiosk" in detail
        assert "说明：J1009 刘新人 窗口民警/辅警" in detail
        await pilot.press("up", "up")  # the admin's sign-in: four roles; 终端 and its name on one line
        await settle(pilot)
        shown = screen_text(app)
        assert "终端：test-kiosk  角色：管理员、窗口民警/辅警" in shown  # was 「终端：」, the name on the next line


async def test_at_100_columns_role_stays_when_the_note_has_its_room(env, people):
    """Without a citizen's ID number in the list, 角色 (and 终端) stay beside 说明."""
    app = counter_app(env)
    async with app.run_test(size=(100, 30)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-audit")
        await settle(pilot)
        table = app.screen.query_one("#audit-rows", DataTable)
        assert [str(c.label) for c in table.ordered_columns] == ["时间", "操作人", "操作", "群众", "角色", "终端", "说明"]
        assert _no_sideways_scroll(table)


def test_the_year_goes_only_when_the_rows_are_of_one_year():
    from kiosk.ui.screens.counter.audit import _columns
    full = [("2026-12-01 09:00:00", "J1001", "查询群众档案", "5001**********0556", "窗口", "kiosk-vm")]
    short = [("12-01 09:00:00", *full[0][1:])]
    assert _columns(full, 114, short) == ([0, 1, 2, 3, 4, 5], 114 - 21 - 8 - 14 - 20 - 6 - 10 - 2, False)
    assert _columns(full, 100, short) == ([0, 1, 2, 3, 4, 5], 100 - 16 - 8 - 14 - 20 - 6 - 10 - 2, True)
    assert _columns(full, 94, short) == ([0, 1, 2, 3, 4], 94 - 16 - 8 - 14 - 20 - 6 - 2, True)  # then 终端
    assert _columns(full, 94, None) == ([0, 1, 2, 3, 4], 94 - 21 - 8 - 14 - 20 - 6 - 2, False)  # two years
    assert _columns(full, 84, short) == ([0, 1, 2, 3], 84 - 16 - 8 - 14 - 20 - 2, True)  # then 角色
    assert _columns(full, 74, short) == ([0, 1, 2, 3], 74 - 16 - 8 - 14 - 20 - 2, True)  # 12 cells at least
    assert _columns(full, 64, short) == ([0, 1, 2, 3], 0, True)  # then 说明: fewer than 12 cells
