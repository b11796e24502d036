"""Pilot: 取消考试预约, 考试费缴纳 and 考试预约凭证 at 80x24 cut no column in half (tester's bug 2):
columns the detail under the table repeats are left out instead; at 120x40 all of them show."""
from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable

from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import book, sessions
from tests.ui.conftest import screen_text, settle, sign_in

ALL = ["业务流水号", "科目", "状态", "考试时间", "考试场地", "预约模式"]


def book_both(env, people) -> None:
    """郭涛: 服从系统安排, waiting (受理中（等待安排考试）); 王芳: 优先预约 at the longest site name, placed."""
    book(env, people["four_fails"], BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 10), None))
    rows = sessions(env, people["permit_expiring"], 2, "2026-12-04", "2026-12-10", priority=True)
    longest = max(rows, key=lambda r: len(r.site_name))
    assert longest.site_name == "九龙坡聚业路考场"
    book(env, people["permit_expiring"], BookingRequest(2, "priority", (longest.id,)))


def columns(app) -> list[str]:
    return [str(c.label) for c in app.screen.query_one(DataTable).ordered_columns]


@pytest.mark.parametrize("person, entry", [("four_fails", "exam_cancel"), ("permit_expiring", "exam_fee"),
                                           ("permit_expiring", "exam_certificate")])
async def test_no_column_is_cut_at_80x24(kiosk_app, env, people, person, entry):
    book_both(env, people)
    p = people[person]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        kiosk_app.screen.query_one(f"#menu-{entry}").press()
        await settle(pilot)
        table = kiosk_app.screen.query_one(DataTable)
        assert table.max_scroll_x == 0 and table.region.right <= 80  # nothing beyond the right edge
        assert table.row_count == 1 and "预约模式" not in columns(kiosk_app)
        header = next(line for line in screen_text(kiosk_app).splitlines() if "科目" in line and "状态" in line)
        assert header.split() == columns(kiosk_app)  # every header whole
        detail = str(kiosk_app.screen.query_one("#detail").render())
        assert "预约模式：" in detail and "业务流水号" in detail  # what is left out is said below


async def test_all_columns_at_120x40_and_fewer_after_a_resize(kiosk_app, env, people):
    book_both(env, people)
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-exam_fee")
        await settle(pilot)
        assert columns(kiosk_app) == ALL
        await pilot.resize_terminal(80, 24)  # a narrower terminal later: the columns follow it
        await settle(pilot)
        assert "预约模式" not in columns(kiosk_app) and kiosk_app.screen.query_one(DataTable).max_scroll_x == 0
