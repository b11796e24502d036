"""Pilot: 取消考试预约 and 考试费缴纳 while another kiosk or the counter changes the same booking
(tester: two kiosks and a counter on one database). The citizen's 确认 is refused as what happened
(cancelled, where and when), and the list is read again, so it no longer offers what cannot be done."""
from __future__ import annotations

import dataclasses


from kiosk.db.models import Booking
from kiosk.services import cancellation, counter_bookings
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.staff import StaffSession
from tests.booking_helpers import account_id, book, sessions
from tests.ui.conftest import screen_text, settle
from tests.ui.test_booking_records import open_entry

CLERK = StaffSession("J1001", "王警官", ("counter",))


def status_line(app) -> str:  # type: ignore[no-untyped-def]
    return "".join(str(app.screen.query_one("#status").render()).split())


def other_kiosk(env):  # type: ignore[no-untyped-def]
    """The same database seen from another terminal (its audit entries name it)."""
    return dataclasses.replace(env, settings=dataclasses.replace(env.settings, terminal_id="test-kiosk-2"))


async def test_cancelled_on_another_kiosk_while_asked_to_confirm(kiosk_app, env, people):
    p = people["permit_expiring"]
    rows = sessions(env, p, 3, "2026-12-04", "2026-12-06")
    done = book(env, p, BookingRequest(3, "self", (rows[0].id,)))
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_cancel")
        await pilot.click("#action")
        await settle(pilot)
        assert kiosk_app.screen.query_one("#confirm-box").display  # 确认取消 open here...
        cancellation.cancel(other_kiosk(env), account_id(env, p), done.booking_id)  # ...kiosk 1 cancels first
        kiosk_app.screen.query_one("#confirm-yes").press()
        await settle(pilot)
        line = status_line(kiosk_app)
        assert f"您的科目三考试预约（业务流水号{done.serial_no}）已于{env.clock.now():%Y-%m-%d%H:%M}在其他终端取消，无需再次取消。" in line
        assert "该预约已结束" not in screen_text(kiosk_app)
        text = screen_text(kiosk_app)
        assert "受理中" not in text and done.serial_no not in str(kiosk_app.screen.query_one("#detail").render())
        assert not kiosk_app.screen.query_one("#action").display  # no 取消预约 left to press
        assert not kiosk_app.screen.query_one("#confirm-box").display
        assert "您没有可以取消的考试预约。" in line  # the list read again
    with env.db.read() as s:
        assert s.get(Booking, done.booking_id).status == "cancelled"


async def test_cancelled_at_the_counter_while_the_citizen_confirms_the_fee(kiosk_app, env, people):
    """王芳's priority booking (placed at once) is cancelled at the counter while her kiosk asks 确认支付吗？"""
    p = people["permit_expiring"]
    row = sessions(env, p, 3, "2026-12-04", "2026-12-06", priority=True)[0]
    done = book(env, p, BookingRequest(3, "priority", (row.id,)))
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_fee")
        assert "预约成功（未缴费）" in screen_text(kiosk_app)
        await pilot.click("#action")
        await settle(pilot)
        assert "确认支付吗" in screen_text(kiosk_app)
        counter_bookings.cancel(env, CLERK, account_id(env, p), done.booking_id, "本人申请")
        kiosk_app.screen.query_one("#confirm-yes").press()
        await settle(pilot)
        line = status_line(kiosk_app)
        assert f"您的科目三优先考试预约（业务流水号{done.serial_no}）已于{env.clock.now():%Y-%m-%d%H:%M}在车管所窗口取消，无需缴纳考试费。" in line
        text = screen_text(kiosk_app)
        assert "只有预约成功的考试" not in text and "预约成功（未缴费）" not in text
        assert not kiosk_app.screen.query_one("#action").display  # no 缴纳考试费 for it
        assert "您没有需要缴纳考试费的考试" in line
    with env.db.read() as s:
        b = s.get(Booking, done.booking_id)
        assert b.status == "cancelled" and b.fee_paid_at is None


async def test_cancelled_before_the_fee_question_is_asked(kiosk_app, env, people):
    """The counter cancels before 缴纳考试费 is pressed: no 确认支付吗？ for a cancelled booking."""
    p = people["permit_expiring"]
    row = sessions(env, p, 3, "2026-12-04", "2026-12-06", priority=True)[0]
    done = book(env, p, BookingRequest(3, "priority", (row.id,)))
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_fee")
        counter_bookings.cancel(env, CLERK, account_id(env, p), done.booking_id, "本人申请")
        await pilot.click("#action")
        await settle(pilot)
        assert "确认支付吗" not in screen_text(kiosk_app)
        assert "在车管所窗口取消，无需缴纳考试费。" in status_line(kiosk_app)
        assert not kiosk_app.screen.query_one("#action").display
