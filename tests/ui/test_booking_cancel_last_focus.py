"""Pilot: 取消考试预约 once the last booking that could be cancelled online is cancelled (tester, 100x30:
王芳, with a priority booking, cancelled her 科目三 application; the focus stayed on the list, on the
priority row, where Enter only said 不能在网上取消，原因见上方说明。): the focus goes to 返回业务中心."""
from __future__ import annotations

from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import book, sessions
from tests.ui.conftest import screen_text, settle
from tests.ui.test_booking_records import open_entry
from tests.ui.test_booking_records_enter import focused_id


async def _cancel_the_highlighted(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("shift+tab", "enter")  # 确认取消
    await settle(pilot)


async def test_after_the_last_cancellable_booking_the_focus_is_on_back(kiosk_app, env, people):
    p = people["permit_expiring"]  # 王芳
    book(env, p, BookingRequest(2, "priority", (sessions(env, p, 2, "2026-12-04", "2026-12-06", priority=True)[0].id,)))
    three = sessions(env, p, 3, "2026-12-09", "2026-12-09")
    book(env, p, BookingRequest(3, "self", (three[0].id,)))
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await open_entry(pilot, env, p, "exam_cancel")
        screen = kiosk_app.screen
        assert focused_id(kiosk_app) == "bookings" and screen.selected().subject == 3  # the newest first
        await _cancel_the_highlighted(pilot)
        assert "已取消业务流水号" in screen_text(kiosk_app)
        assert [r.priority for r in screen.rows] == [True]  # only the priority booking is left
        assert focused_id(kiosk_app) == "back"
        assert screen.query_one("#back").region.intersection(screen.region) == screen.query_one("#back").region
        await pilot.press("enter")
        await settle(pilot)
        assert kiosk_app.screen is not screen  # back in 业务中心


async def test_while_another_can_be_cancelled_the_list_keeps_the_focus(kiosk_app, env, people):
    p = people["permit_expiring"]
    book(env, p, BookingRequest(2, "self", (sessions(env, p, 2, "2026-12-04", "2026-12-06")[0].id,)))
    book(env, p, BookingRequest(3, "self", (sessions(env, p, 3, "2026-12-09", "2026-12-09")[0].id,)))
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await open_entry(pilot, env, p, "exam_cancel")
        await _cancel_the_highlighted(pilot)
        assert len(kiosk_app.screen.rows) == 1 and focused_id(kiosk_app) == "bookings"
