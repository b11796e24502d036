"""The SMS and message after a counter cancellation say it once: 「已在车管所窗口取消。申请人于
2026-12-03 09:39在车管所窗口取消优先预约。」 said the same thing twice. The time and the ranking
sentence stay; a paid fee's promise sits between them."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models import Account
from kiosk.services import counter_bookings, counter_citizen, fees, messaging
from tests.booking_helpers import account_id
from tests.integration.test_booking_lifecycle import placed_booking
from tests.integration.test_counter_cancel_reason import _Bank
from tests.integration.test_counter_services import CLERK, _priority_booking


def _phone(env, aid: int) -> str:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return s.scalar(select(Account.phone).where(Account.id == aid))


def test_the_cancellation_is_said_once_with_its_time_and_the_ranking(env, people) -> None:
    p, _row, done = _priority_booking(env, people)
    aid = account_id(env, p)
    booking_id = next(b.id for b in counter_citizen.load(env, CLERK, aid).bookings if b.priority)
    counter_bookings.cancel(env, CLERK, aid, booking_id, "本人申请")
    now = f"{env.clock.now():%Y-%m-%d %H:%M}"
    expected = (f"您的科目二优先预约（业务流水号{done.serial_no}）已于{now}在车管所窗口取消。"
                "科目二考试预约的排序时间已变为本次取消的时间。")
    assert messaging.inbox(env, aid)[0].body == expected
    assert messaging.inbox(env, aid)[0].title == "科目二考试预约（已取消）"
    sms = messaging.outbox(env, _phone(env, aid), limit=1)[0].body
    assert sms.endswith(expected) and sms.count("窗口取消") == 1


def test_a_paid_fees_promise_comes_before_the_ranking(env, people) -> None:
    p = people["permit_expiring"]
    aid, bid = account_id(env, p), placed_booking(env, p)
    fees.pay(env, aid, bid)
    counter_bookings.cancel(env, CLERK, aid, bid, "考生本人申请", _Bank())
    body = messaging.inbox(env, aid)[1].body  # [0]: the bank's 已原路退回
    assert body.count("窗口取消") == 1 and "已缴纳的考试费150元将予退还。" in body
    assert body.index("将予退还") < body.index("排序时间已变为本次取消的时间。")
