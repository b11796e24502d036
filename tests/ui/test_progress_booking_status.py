"""Pilot: 网办进度 names a booking's status as 考试费缴纳, 取消考试预约 and 考试预约凭证 do (tester: a paid
priority booking was 「已缴费」 in 网办进度 and 「预约成功（已缴费）」 everywhere else)."""
from __future__ import annotations

from textual.widgets import DataTable

from kiosk.services import fees
from kiosk.services.booking_submit import BookingRequest
from kiosk.ui.screens.records import ProgressScreen
from tests.booking_helpers import account_id, book, sessions
from tests.ui.conftest import screen_text, settle, sign_in


def status_of(app, serial: str) -> str:  # type: ignore[no-untyped-def]
    table = app.screen.query_one(DataTable)
    cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
    return next(row[2] for row in cells if row[0] == serial)


async def test_a_priority_booking_is_listed_as_the_booking_screens_say(kiosk_app, env, people):
    p = people["permit_expiring"]  # 王芳: a priority booking is placed at once
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-10", priority=True)
    done = book(env, p, BookingRequest(2, "priority", (rows[0].id,)))
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-progress")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ProgressScreen)
        assert status_of(kiosk_app, done.serial_no) == "预约成功（未缴费）"
        assert "当前状态：预约成功（未缴费）" in screen_text(kiosk_app)
        fees.pay(env, account_id(env, p), done.booking_id)
        kiosk_app.screen.reload()
        await settle(pilot)
        assert status_of(kiosk_app, done.serial_no) == "预约成功（已缴费）"
        text = screen_text(kiosk_app)
        assert "当前状态：预约成功（已缴费）" in text
        assert "已缴费 已缴纳考试费150元" in " ".join(text.split())  # the step of the 办理过程 keeps its name


async def test_at_80x24_the_longer_status_cuts_no_column(kiosk_app, env, people):
    """预约成功（已缴费） is 12 cells longer than 已缴费: at 80 columns 申请时间 was cut
    (「2026-12-01 09:0」) and the list scrolled sideways. 业务流水号, repeated under the list, is
    left out instead; the status line under the list is not broken in the middle of a word."""
    p = people["permit_expiring"]
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-10", priority=True)
    done = book(env, p, BookingRequest(2, "priority", (rows[0].id,)))
    fees.pay(env, account_id(env, p), done.booking_id)
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-progress")
        await settle(pilot)
        table = kiosk_app.screen.query_one(DataTable)
        assert table.max_scroll_x == 0 and table.region.right <= 80
        lines = screen_text(kiosk_app).splitlines()
        row = next(line for line in lines if "优先考试预约（科目二）" in line and "预约成功（已缴费）" in line)
        assert "2026-12-01 09:00" in row  # 申请时间 whole
        assert f"业务流水号 {done.serial_no}" in screen_text(kiosk_app)  # under the list
        assert any(line.strip() == "当前状态：预约成功（已缴费）" for line in lines)
