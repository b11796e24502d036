"""考试费缴纳 from two kiosks at once: the second charge is given back, and the refund is recorded
(audit, 网办进度, inbox and SMS) with the refunded 支付流水号, as a counter refund is (tester's finding)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import Application, AuditEntry, Booking, Message
from kiosk.domain.errors import Conflict
from kiosk.services import audit, fees, messaging
from tests.booking_helpers import account_id
from tests.integration.test_booking_lifecycle import placed_booking


class _OtherKioskPaysFirst(fees.DemoPaymentGateway):
    """Kiosk 1's bank: while it charges, kiosk 2 pays the same booking in full (both pressed 确认支付
    within 0.1 s). ``fails``: the bank then refuses to give kiosk 1's charge back."""

    def __init__(self, env, aid: int, bid: int, fails: bool = False) -> None:  # type: ignore[no-untyped-def]
        self.env, self.aid, self.bid, self.fails = env, aid, bid, fails
        self.charged: list[str] = []
        self.refunded: list[tuple[str, int]] = []

    def charge(self, order_no, amount_yuan, description, at):  # type: ignore[no-untyped-def]
        fees.pay(self.env, self.aid, self.bid, fees.DemoPaymentGateway())  # kiosk 2, done first
        payment = super().charge(order_no, amount_yuan, description, at)
        self.charged.append(payment.transaction_no)
        return payment

    def refund(self, payment, amount_yuan):  # type: ignore[no-untyped-def]
        if self.fails:
            raise ConnectionError("bank unreachable")
        self.refunded.append((payment.transaction_no, amount_yuan))


def _race(env, people, fails: bool = False):  # type: ignore[no-untyped-def]
    p = people["permit_expiring"]
    aid, bid = account_id(env, p), placed_booking(env, p)
    bank = _OtherKioskPaysFirst(env, aid, bid, fails)
    with pytest.raises(Conflict) as err:
        fees.pay(env, aid, bid, bank)
    with env.db.read() as s:
        b = s.get(Booking, bid)
        app = s.get(Application, b.application_id)
        kept = app.payload["fee"]["transaction_no"]
        events = [(e.status, e.note) for e in app.events]
        audits = [(a.action, a.detail) for a in s.scalars(select(AuditEntry).where(AuditEntry.account_id == aid,
                                                                                    AuditEntry.action.like("exam_fee%")))]
        sms = [m.body for m in s.scalars(select(Message).where(Message.channel == "sms", Message.account_id == aid))]
    return aid, app.serial_no, bank, err.value.message, kept, events, audits, sms


def test_the_second_charge_is_given_back_and_recorded(env, people) -> None:
    aid, serial, bank, said, kept, events, audits, sms = _race(env, people)
    (stray,) = bank.charged
    assert stray != kept  # the bank's own number for the second charge, not the receipt's
    assert bank.refunded == [(stray, 150)]
    assert said == "该考试的考试费已缴纳，无需重复缴费；本次缴纳的考试费150元已原路退回"
    text = f"重复缴纳的考试费150元（支付流水号{stray}）已原路退回"
    assert events[-1] == ("已缴费", text)  # 网办进度: after kiosk 2's payment, the status unchanged
    assert ("exam_fee_refund", f"{serial} 150元 {stray} 重复缴纳的考试费 已原路退回") in audits
    assert audit.action_name("exam_fee_refund") == "考试费退回"
    inbox = messaging.inbox(env, aid)
    assert inbox[0].title == "考试费退还（已原路退回）" and inbox[0].body == f"您的科目二考试预约（业务流水号{serial}）{text}。"
    assert inbox[1].title == fees.FEE_TITLE  # kiosk 2's receipt, still there
    assert sms[-1].endswith(inbox[0].body)


def test_a_second_charge_the_bank_keeps_says_where_to_get_it_back(env, people) -> None:
    aid, serial, bank, said, _kept, events, audits, sms = _race(env, people, fails=True)
    (stray,) = bank.charged
    assert said == "该考试的考试费已缴纳，无需重复缴费；本次缴纳的考试费150元未能原路退回，请到车管所窗口办理退费"
    text = f"重复缴纳的考试费150元（支付流水号{stray}）未能原路退回，请到车管所窗口办理退费"
    assert events[-1] == ("已缴费", text)
    assert ("exam_fee_refund_failed", f"{serial} 150元 {stray} 重复缴纳的考试费 须人工退费") in audits
    inbox = messaging.inbox(env, aid)
    assert inbox[0].title == "考试费退还（未能原路退回）" and inbox[0].body == f"您的科目二考试预约（业务流水号{serial}）{text}。"
    assert "已原路退回" not in inbox[0].body and sms[-1].endswith(inbox[0].body)


def test_demo_bank_numbers_each_charge_of_the_same_order_in_the_same_second() -> None:
    """Two kiosks charging one booking within a second got one 支付流水号 for two charges."""
    from datetime import datetime

    gw, at = fees.DemoPaymentGateway(), datetime(2026, 12, 3, 9, 30)
    assert gw.charge("A1", 150, "x", at).transaction_no != gw.charge("A1", 150, "x", at).transaction_no


def test_a_charge_for_a_booking_cancelled_meanwhile_is_recorded_too(env, people) -> None:
    """The same path: a clerk cancels the booking while the kiosk's bank charges."""
    from kiosk.services import counter_bookings
    from tests.integration.test_counter_services import CLERK

    p = people["permit_expiring"]
    aid, bid = account_id(env, p), placed_booking(env, p)

    class CancelledMeanwhile(fees.DemoPaymentGateway):
        def charge(self, order_no, amount_yuan, description, at):  # type: ignore[no-untyped-def]
            counter_bookings.cancel(env, CLERK, aid, bid, "考生本人申请")
            return super().charge(order_no, amount_yuan, description, at)

    with pytest.raises(Conflict, match="在车管所窗口取消；本次缴纳的考试费150元已原路退回$"):
        fees.pay(env, aid, bid, CancelledMeanwhile())
    with env.db.read() as s:
        app = s.get(Application, s.get(Booking, bid).application_id)
        status, note = app.status, app.events[-1].note
        detail = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "exam_fee_refund")).one()
    assert status == "已取消" and note.startswith("取消后缴纳的考试费150元（支付流水号DEMO")
    assert note.endswith("）已原路退回") and detail.endswith("取消后缴纳的考试费 已原路退回")
    assert messaging.inbox(env, aid)[0].body == f"您的科目二考试预约（业务流水号{app.serial_no}）{note}。"


def test_a_counter_refund_the_bank_makes_is_in_the_audit_log(env, people) -> None:
    """考试费退回 with the 支付流水号, as 考试费退回失败 already was."""
    from kiosk.services import counter_bookings
    from tests.integration.test_counter_services import CLERK

    p = people["permit_expiring"]
    aid, bid = account_id(env, p), placed_booking(env, p)
    receipt = fees.pay(env, aid, bid).receipt
    counter_bookings.cancel(env, CLERK, aid, bid, "考生本人申请")
    with env.db.read() as s:
        row = s.scalars(select(AuditEntry).where(AuditEntry.action == "exam_fee_refund")).one()
    assert row.actor == "staff:J1001" and row.detail.endswith(f" 150元 {receipt['transaction_no']} 已原路退回")
