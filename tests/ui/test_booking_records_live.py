"""Pilot: 考试费缴纳, 取消考试预约 and 考试预约凭证 read their list again while they are in front
(tester: 考试费缴纳 kept showing 预约成功（已缴费） after the counter cancelled and refunded it, and
取消考试预约 kept 受理中 after the allocation placed the booking). The cursor stays on its booking and
the focus where the citizen left it; an open question is not disturbed."""
from __future__ import annotations

from kiosk.services import counter_bookings
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, book, sessions
from tests.ui.conftest import screen_text, settle
from tests.ui.test_booking_records import open_entry
from tests.ui.test_booking_records_stale import CLERK, status_line


async def test_the_fee_list_shows_a_counter_cancellation_by_itself(kiosk_app, env, people):
    p = people["permit_expiring"]
    rows = sessions(env, p, 3, "2026-12-04", "2026-12-06", priority=True)
    first = book(env, p, BookingRequest(3, "priority", (rows[0].id,)))
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_fee")
        screen = kiosk_app.screen
        assert "预约成功（未缴费）" in screen_text(kiosk_app)
        screen._live()  # what the timer does: nothing changed, nothing moves
        await settle(pilot)
        back = screen.query_one("#back")
        back.focus()
        counter_bookings.cancel(env, CLERK, account_id(env, p), first.booking_id, "本人申请")
        screen._live()
        await settle(pilot)
        assert "预约成功（未缴费）" not in screen_text(kiosk_app)
        assert "您没有需要缴纳考试费的考试" in status_line(kiosk_app)
        # why it went (verify tester: it vanished without a word)
        assert f"（业务流水号{first.serial_no}）已于{env.clock.now():%Y-%m-%d%H:%M}在车管所窗口取消。" in status_line(kiosk_app)
        assert not screen.query_one("#action").display
        assert kiosk_app.focused is back  # the citizen's place is kept


async def test_no_live_read_while_a_question_is_open(kiosk_app, env, people):
    p = people["permit_expiring"]
    row = sessions(env, p, 3, "2026-12-04", "2026-12-06", priority=True)[0]
    done = book(env, p, BookingRequest(3, "priority", (row.id,)))
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_fee")
        await pilot.click("#action")
        await settle(pilot)
        screen = kiosk_app.screen
        assert "确认支付吗" in screen_text(kiosk_app)
        counter_bookings.cancel(env, CLERK, account_id(env, p), done.booking_id, "本人申请")
        screen._live()
        await settle(pilot)
        assert "确认支付吗" in screen_text(kiosk_app)  # the answer says what happened (test_booking_records_stale)
        assert kiosk_app.focused is screen.query_one("#confirm-no")


async def test_the_cancel_list_follows_the_allocation(kiosk_app, env, people):
    """A normal booking placed by the publication day's allocation: 取消考试预约 no longer says
    受理中, and its row now says why it cannot be cancelled online."""
    from kiosk.services import allocation_service

    p = people["four_fails"]
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_cancel")
        screen = kiosk_app.screen
        assert "受理中" in screen_text(kiosk_app)
        assert status_line(kiosk_app).startswith("选择要取消的考试预约，点击【取消预约】。")
        env.clock.advance(days=1)  # 12-02: the publication day of the 12-04 plans
        assert allocation_service.run(env, env.clock.now().date()).placed == 1
        screen._live()
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "受理中" not in text and "预约成功" in text and done.serial_no in text
        # none left to cancel online: the line over the list no longer says to press 取消预约
        assert status_line(kiosk_app) == "以下考试预约不能在网上取消，原因见所选预约下方的说明。"
