"""Pilot: Enter on a highlighted row of 考试费缴纳, 取消考试预约 and 考试预约凭证 does what the screen's
button does for that row, or says why it cannot; Tab goes from the row to that button, then to
返回业务中心 (tester: Enter on a row did nothing, and a careless Tab+Enter left the service)."""
from __future__ import annotations

import pytest

from kiosk.db.models import Booking
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import book, sessions
from tests.ui.conftest import screen_error, screen_text, settle
from tests.ui.test_booking_records import open_entry, placed_on_12_04


def focused_id(app) -> str | None:  # type: ignore[no-untyped-def]
    return getattr(app.focused, "id", None)


def shown(app, selector: str) -> bool:  # type: ignore[no-untyped-def]
    return all(getattr(n, "display", True) for n in app.screen.query_one(selector).ancestors_with_self)


async def test_enter_on_a_row_asks_to_pay_its_fee_and_the_focus_comes_back_to_the_row(kiosk_app, env, people):
    p = people["permit_expiring"]
    _rows, done = placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_fee")
        assert focused_id(kiosk_app) == "bookings"
        await pilot.press("enter")
        await settle(pilot)
        assert shown(kiosk_app, "#confirm-box") and "150元。确认支付吗？" in screen_text(kiosk_app)
        assert focused_id(kiosk_app) == "confirm-no"  # the safe answer, as after the button
        await pilot.press("enter")  # 暂不办理: back where the citizen was, the row
        await settle(pilot)
        assert not shown(kiosk_app, "#confirm-box") and focused_id(kiosk_app) == "bookings"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("shift+tab", "enter")  # 确认支付
        await settle(pilot)
        assert "缴费成功" in screen_text(kiosk_app) and focused_id(kiosk_app) == "bookings"
    with env.db.read() as s:
        assert s.get(Booking, done.booking_id).fee_paid_at is not None


async def test_enter_on_a_paid_row_says_it_is_paid(kiosk_app, env, people):
    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_fee")
        await pilot.press("enter")
        await settle(pilot)
        kiosk_app.screen.query_one("#confirm-yes").press()
        await settle(pilot)
        assert focused_id(kiosk_app) == "bookings" and screen_error(kiosk_app) == ""
        await pilot.press("enter")  # paid already: no second question, the reason instead
        await settle(pilot)
        assert not shown(kiosk_app, "#confirm-box")
        assert "考试费已缴纳，无需再缴费" in screen_error(kiosk_app) and focused_id(kiosk_app) == "bookings"


async def test_enter_on_a_row_asks_to_cancel_it(kiosk_app, env, people):
    p = people["permit_expiring"]
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_cancel")
        assert focused_id(kiosk_app) == "bookings"
        await pilot.press("enter")
        await settle(pilot)
        assert "排序时间将变为确认取消的时间" in screen_text(kiosk_app)
        assert focused_id(kiosk_app) == "confirm-no"
        await pilot.press("shift+tab", "enter")  # 确认取消
        await settle(pilot)
        assert "已取消业务流水号" in screen_text(kiosk_app)
    with env.db.read() as s:
        assert s.get(Booking, done.booking_id).status == "cancelled"


async def test_enter_on_a_row_that_cannot_be_cancelled_online_says_why(kiosk_app, env, people):
    p = people["permit_expiring"]
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06", priority=True)
    done = book(env, p, BookingRequest(2, "priority", (rows[0].id,)))
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_cancel")
        assert focused_id(kiosk_app) == "bookings" and not shown(kiosk_app, "#action")
        await pilot.press("enter")
        await settle(pilot)
        assert not shown(kiosk_app, "#confirm-box")
        assert "不能在网上取消" in screen_error(kiosk_app) and focused_id(kiosk_app) == "bookings"
    with env.db.read() as s:
        assert s.get(Booking, done.booking_id).status == "placed"


async def test_enter_on_a_row_shows_its_certificate(kiosk_app, env, people):
    p = people["permit_expiring"]
    _rows, done = placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_certificate")
        assert "机动车驾驶人考试预约凭证" not in screen_text(kiosk_app)
        await pilot.press("enter")
        await settle(pilot)
        detail = str(kiosk_app.screen.query_one("#detail").render())
        assert "机动车驾驶人考试预约凭证" in detail and f"业务流水号：{done.serial_no}" in detail


async def test_at_80x24_enter_brings_the_certificate_into_view(kiosk_app, env, people):
    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await open_entry(pilot, env, p, "exam_certificate")
        await pilot.press("enter")
        await settle(pilot)
        assert "机动车驾驶人考试预约凭证" in screen_text(kiosk_app)  # its title on screen, not below it


@pytest.mark.parametrize("entry, action", [("exam_fee", "缴纳考试费"), ("exam_certificate", "查看预约凭证"),
                                           ("exam_cancel", "取消预约")])
async def test_tab_goes_from_the_row_to_the_action_then_back(kiosk_app, env, people, entry, action):
    p = people["permit_expiring"]
    if entry == "exam_cancel":
        book(env, p, BookingRequest(2, "self", (sessions(env, p, 2, "2026-12-04", "2026-12-06")[0].id,)))
    else:
        placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, entry)
        assert focused_id(kiosk_app) == "bookings"
        await pilot.press("tab")
        assert focused_id(kiosk_app) == "action" and str(kiosk_app.focused.label) == action
        await pilot.press("tab")
        assert focused_id(kiosk_app) == "back"
