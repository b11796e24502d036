"""窗口取消预约 records its own reason (取消事由), not the look-up's 查询事由, and gives a paid fee back."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import Application, AuditEntry, Booking
from kiosk.domain.errors import DomainError
from kiosk.services import counter_bookings, counter_citizen, fees, messaging
from tests.booking_helpers import account_id
from tests.integration.test_booking_lifecycle import placed_booking
from tests.integration.test_counter_services import CLERK, _priority_booking


@pytest.mark.parametrize("reason", ["", " ", "取"])
def test_a_counter_cancellation_needs_its_own_reason(env, people, reason) -> None:
    p, _row, _done = _priority_booking(env, people)
    aid = account_id(env, p)
    booking_id = counter_citizen.load(env, CLERK, aid).bookings[0].id
    with pytest.raises(DomainError) as err:
        counter_bookings.cancel(env, CLERK, aid, booking_id, reason)
    assert err.value.field == "cancel_reason"
    # the minimum said, as 退办理由 says it (tester: the example alone, for 1 character too)
    assert err.value.message == "请填写取消事由（至少2个字，如：考生本人申请取消考试预约）"
    assert counter_citizen.load(env, CLERK, aid).bookings[0].status in ("pending", "placed")



class _Bank(fees.DemoPaymentGateway):
    def __init__(self, fails: bool = False) -> None:
        self.fails, self.refunded = fails, []

    def refund(self, payment, amount_yuan):  # type: ignore[no-untyped-def]
        if self.fails:
            raise ConnectionError("bank unreachable")
        self.refunded.append((payment.transaction_no, amount_yuan))


def _paid(env, people):  # type: ignore[no-untyped-def]
    p = people["permit_expiring"]
    aid, bid = account_id(env, p), placed_booking(env, p)
    paid = fees.pay(env, aid, bid)
    return aid, bid, paid.receipt


def test_a_paid_booking_cancelled_at_the_counter_gets_its_fee_back(env, people) -> None:
    """The tester's case: the counter is the only place a paid (placed) booking is cancelled, and the
    fee was kept without a word. Now the bank gives it back, and the citizen and the log say so."""
    aid, bid, receipt = _paid(env, people)
    bank = _Bank()
    done = counter_bookings.cancel(env, CLERK, aid, bid, "考生本人申请", bank)
    assert bank.refunded == [(receipt["transaction_no"], 150)]
    assert "考试费150元已原路退回" in done.message
    assert "将予退还" not in done.message  # the clerk hears what the bank did, not also the promise before it
    assert "人工退费" not in done.message
    with env.db.read() as s:
        b = s.get(Booking, bid)
        app = s.get(Application, b.application_id)
        assert b.status == "cancelled" and app.payload["fee"]["refunded_at"] == f"{env.clock.now():%Y-%m-%d %H:%M:%S}"
        detail = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "exam_cancel_counter")).one()
    assert detail.endswith("退考试费150元")
    assert fees.receipt_lines(app.payload["fee"])[-1] == f"已原路退回：{env.clock.now():%Y-%m-%d %H:%M:%S}"
    inbox = [m.body for m in messaging.inbox(env, aid)]
    assert "考试费150元已原路退回" in inbox[0] and "已缴纳的考试费150元将予退还" in inbox[1]


@pytest.mark.parametrize("bank", [_Bank(fails=True), None], ids=["bank refuses", "no bank"])
def test_a_refund_the_bank_does_not_make_is_left_to_the_clerk(env, people, bank) -> None:
    """The citizen is never told 已原路退回 for money the bank kept (the reviewer's finding)."""
    aid, bid, _receipt = _paid(env, people)
    if bank is None:
        env.settings.demo = False  # a counter with no payment gateway
    done = counter_bookings.cancel(env, CLERK, aid, bid, "考生本人申请", bank)
    assert "考试费150元未能自动退回，请按财务规定为其人工退费" in done.message and "已原路退回" not in done.message
    with env.db.read() as s:
        b = s.get(Booking, bid)
        assert b.status == "cancelled"  # the cancellation stands
        fee = s.get(Application, b.application_id).payload["fee"]
        failed = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "exam_fee_refund_failed")).one()
    assert "refunded_at" not in fee and fees.receipt_lines(fee)[-1] == "未能原路退回，车管所将人工退费"
    assert "150元" in failed and "须人工退费" in failed
    inbox = [m.body for m in messaging.inbox(env, aid)]
    assert "考试费150元未能原路退回，车管所将按规定为您人工退费" in inbox[0] and "已原路退回" not in " ".join(inbox)


def test_a_refund_that_cannot_be_recorded_leaves_the_receipt_pending_and_tells_the_clerk(env, people, monkeypatch) -> None:
    """The reviewer's case: the bank pays, then the database is too busy to record it. The clerk
    used to get 系统繁忙 for a cancellation already saved, with no trace of the refund. Now the
    receipt says 退还处理中 from the cancellation on, and the clerk is told what happened."""
    from kiosk.services import fee_refunds

    aid, bid, _receipt = _paid(env, people)

    def busy(*_a, **_k):  # type: ignore[no-untyped-def]
        raise RuntimeError("database is locked")

    monkeypatch.setattr(fee_refunds, "_record", busy)
    bank = _Bank()
    done = counter_bookings.cancel(env, CLERK, aid, bid, "考生本人申请", bank)
    assert len(bank.refunded) == 1
    assert done.message.endswith("考试费150元已原路退回。（退回结果未能记入系统，请通知管理员核对）")
    with env.db.read() as s:
        b = s.get(Booking, bid)
        fee = s.get(Application, b.application_id).payload["fee"]
    assert b.status == "cancelled" and "refund_pending_at" in fee and "refunded_at" not in fee
    assert fees.receipt_lines(fee)[-1] == "退还处理中（如长时间未到账，请到车管所窗口咨询）"
