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
from tests.ui.test_counter_screens import press

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
