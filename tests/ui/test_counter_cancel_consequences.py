"""Pilot and service: the counter's question before 窗口取消所选预约 says what cancelling does, as the
kiosk's own question does (it said only 取消后将以短信和消息通知本人。): the ranking time that becomes the
cancellation time (the kiosk's sentence, of 该考生), for a priority booking too (seed rule 3; its result
and the citizen's message said so while its question did not), the fee paid given back, and while the booking may still be cancelled online, that the citizen may do it themselves."""
from __future__ import annotations

from sqlalchemy import update

from kiosk.db.models import Booking
from kiosk.services import cancellation, counter_bookings, fees
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, book, sessions
from tests.ui.conftest import settle
from tests.ui.test_booking_records_stale import CLERK
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_cancel_priority import flat
from tests.ui.test_counter_cancel_waiting import _ask_to_cancel
from tests.ui.counter_helpers import look_up


def _ranking(env, whose: str) -> str:  # type: ignore[no-untyped-def]
    return (f"取消后，{whose}科目三考试预约的排序时间将变为确认取消的时间（现在是{env.clock.now():%Y-%m-%d %H:%M}），"
            "重新预约时排名可能靠后。")


async def test_a_normal_booking_waiting_says_the_ranking_time_and_cancelling_online(env, people):
    p = people["permit_expiring"]
    rows = sessions(env, p, 3, "2026-12-14", "2026-12-25")
    booking = book(env, p, BookingRequest(3, "self", (rows[0].id,))).booking_id
    kiosk = cancellation.preview(env, account_id(env, p), booking).message
    assert _ranking(env, "您") in kiosk  # the same sentence as the kiosk's, of the citizen
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "取消考试预约")
        question = flat(await _ask_to_cancel(pilot, app))
        assert flat(_ranking(env, "该考生") + "本人也可在自助终端或交管12123自行取消。"
                    "取消后将以短信和消息通知本人。") in question
        assert "退还" not in question
        await pilot.click("#no")
        await settle(pilot)


async def test_a_paid_priority_booking_says_the_refund_and_the_ranking_as_a_normal_one(env, people):
    p = people["permit_expiring"]
    row = sessions(env, p, 3, "2026-12-04", "2026-12-06", priority=True)[0]
    booking = book(env, p, BookingRequest(3, "priority", (row.id,))).booking_id
    fees.pay(env, account_id(env, p), booking)
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "取消考试预约")
        question = flat(await _ask_to_cancel(pilot, app))
        assert flat("已缴纳的考试费将予退还（原路退回）。" + _ranking(env, "该考生")
                    + "取消后将以短信和消息通知本人。") in question  # the normal booking's very sentence
        assert "自行取消" not in question
        assert "不能再优先预约" in question


def test_a_placed_normal_booking_paid_says_refund_and_ranking_not_online(env, people):
    p = people["permit_expiring"]
    aid = account_id(env, p)
    rows = sessions(env, p, 3, "2026-12-14", "2026-12-25")
    booking = book(env, p, BookingRequest(3, "self", (rows[0].id,))).booking_id
    assert counter_bookings.cancel_consequences(env, CLERK, aid, booking).endswith("本人也可在自助终端或交管12123自行取消。")
    with env.db.write() as s:  # placed by the allocation, and paid
        s.execute(update(Booking).where(Booking.id == booking)
                  .values(status="placed", session_id=rows[0].id, fee_paid_at=env.clock.now()))
    said = counter_bookings.cancel_consequences(env, CLERK, aid, booking)
    assert said == "已缴纳的考试费将予退还（原路退回）。" + _ranking(env, "该考生")
