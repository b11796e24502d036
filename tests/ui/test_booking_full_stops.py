"""Pilot: a sentence the booking screens show ends with 。 (tester's finding 4: 温馨提示 on 确认并提交
of a priority booking and the 不能在网上取消 line of 取消考试预约 stopped without one; so did the
line above a long 业务须知 at 80x24)."""
from __future__ import annotations

from textual.widgets import Static

from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import book, sessions
from tests.ui.conftest import settle
from tests.ui.test_booking_priority import to_priority_sessions
from tests.ui.test_booking_records import open_entry, placed_on_12_04
from tests.ui.test_booking_small_screen import press
from tests.ui.test_booking_wizard import mark_rows, open_wizard, query


def lines_of(app, selector: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [line.strip() for line in str(app.screen.query_one(selector, Static).render()).splitlines()]


async def test_the_priority_notice_on_the_confirm_step_ends_with_a_full_stop(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_priority_sessions(pilot, env, people["permit_expiring"])
        await query(pilot, "2026-12-04", "2026-12-06")
        await mark_rows(pilot, 1)
        await press(pilot, "next-sessions")
        tip = next(line for line in lines_of(kiosk_app, "#summary") if line.startswith("温馨提示："))
        assert tip.endswith("请至少提前一日到车管所申请取消。")


async def test_why_a_booking_cannot_be_cancelled_online_ends_with_a_full_stop(kiosk_app, env, people):
    p = people["permit_expiring"]
    placed_on_12_04(env, p)  # 科目二, placed: cancelled at a counter
    priority = sessions(env, p, 3, "2026-12-05", "2026-12-06", priority=True)
    book(env, p, BookingRequest(3, "priority", (priority[0].id,)))
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await open_entry(pilot, env, p, "exam_cancel")
        screen = kiosk_app.screen
        table = screen.query_one("#bookings")
        said = []
        for row in range(len(screen.rows)):
            table.move_cursor(row=row)
            await settle(pilot)
            said += [line for line in lines_of(kiosk_app, "#detail") if "不能在网上取消" in line]
        assert len(said) == 2 and all(line.endswith("。") for line in said), said
        assert any("优先预约不能在网上取消" in line and line.endswith("申请取消。") for line in said)


async def test_the_line_over_a_long_notice_ends_with_a_full_stop(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot, env, people["k3_ready"])
        await press(pilot, "next-subject")
        line = "".join(lines_of(kiosk_app, "#step-notice .notice-read"))
        assert "可按方向键" in line and line.endswith("。")
