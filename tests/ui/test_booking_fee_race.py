"""Pilot: 考试费缴纳 when the counter cancels the booking as the citizen pays (tester: the screen said
only that it was cancelled, 您没有需要缴纳考试费的考试, while the SMS said 考试费150元已原路退回; a
citizen who had just paid was not told the money comes back). The screen says it, in the inbox's words."""
from __future__ import annotations

import pytest

from kiosk.services import counter_bookings, fees
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, book, sessions
from tests.ui.conftest import settle
from tests.ui.test_booking_records import open_entry
from tests.ui.test_booking_records_stale import CLERK, status_line


class _Refuses(fees.DemoPaymentGateway):
    def refund(self, payment, amount_yuan):  # type: ignore[no-untyped-def]
        raise ConnectionError("bank unreachable")


def _priority(env, p):  # type: ignore[no-untyped-def]
    row = sessions(env, p, 3, "2026-12-04", "2026-12-06", priority=True)[0]
    return book(env, p, BookingRequest(3, "priority", (row.id,)))


@pytest.mark.parametrize("refused", [False, True])
async def test_cancelled_while_the_bank_charges(kiosk_app, env, people, monkeypatch, refused):
    """The clerk's cancellation lands while the kiosk's bank charges (as test_fee_duplicate_refund)."""
    p = people["permit_expiring"]
    done, aid = _priority(env, p), account_id(env, p)
    fee = fees.quote(env, aid, done.booking_id).amount  # 科目三: 200元

    class CancelledMeanwhile(_Refuses if refused else fees.DemoPaymentGateway):  # type: ignore[misc]
        def charge(self, order_no, amount_yuan, description, at):  # type: ignore[no-untyped-def]
            counter_bookings.cancel(env, CLERK, aid, done.booking_id, "本人申请")
            return super().charge(order_no, amount_yuan, description, at)

    monkeypatch.setattr(fees, "terminal_gateway", lambda e: CancelledMeanwhile())
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_fee")
        await pilot.click("#action")
        await settle(pilot)
        kiosk_app.screen.query_one("#confirm-yes").press()
        await settle(pilot)
        line = status_line(kiosk_app)
        cancelled = f"您的科目三优先考试预约（业务流水号{done.serial_no}）已于{env.clock.now():%Y-%m-%d%H:%M}在车管所窗口取消"
        said = "未能原路退回，请到车管所窗口办理退费。" if refused else "已原路退回。"
        assert f"{cancelled}；本次缴纳的考试费{fee}元{said}" in line
        assert line.endswith("您没有需要缴纳考试费的考试（预约成功后才能缴费）。")


@pytest.mark.parametrize("refused", [False, True])
async def test_paid_then_cancelled_at_the_counter_says_the_refund(kiosk_app, env, people, refused):
    """Paid, then the clerk cancels (and the bank gives the fee back, or not) while the list is in
    front: the live read says the cancellation and what became of the fee, as the inbox does."""
    p = people["permit_expiring"]
    done, aid = _priority(env, p), account_id(env, p)
    fee = fees.quote(env, aid, done.booking_id).amount  # 科目三: 200元
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_fee")
        await pilot.click("#action")
        await settle(pilot)
        kiosk_app.screen.query_one("#confirm-yes").press()
        await settle(pilot)
        assert status_line(kiosk_app).startswith("缴费成功")
        counter_bookings.cancel(env, CLERK, aid, done.booking_id, "本人申请", _Refuses() if refused else None)
        kiosk_app.screen._live()  # what the timer does
        await settle(pilot)
        line = status_line(kiosk_app)
        cancelled = f"您的科目三优先考试预约（业务流水号{done.serial_no}）已于{env.clock.now():%Y-%m-%d%H:%M}在车管所窗口取消"
        said = ("未能原路退回，车管所将按规定为您人工退费，如有疑问请到车管所窗口咨询。" if refused else "已原路退回。")
        assert line == f"{cancelled}，考试费{fee}元{said}您没有需要缴纳考试费的考试（预约成功后才能缴费）。"
