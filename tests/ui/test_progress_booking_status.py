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
