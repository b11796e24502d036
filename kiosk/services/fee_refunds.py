"""Giving an exam fee back: the paid fee of a placed booking cancelled at a counter (``Due``), or a
charge the booking could not take (``Stray``: paid at another kiosk, or cancelled, while the bank charged).

The cancellation is saved first, saying the fee 将予退还 (true either way) and marking the receipt
退还处理中. Only then is the bank called (never while the database is locked for every kiosk),
and a second short transaction records what it did: 已原路退回 on the receipt, in 网办进度 and in the inbox; or, when the bank
refuses or this terminal has no bank, 未能原路退回 with an audit entry (考试费退回失败) so the
DMV refunds it by hand, and the clerk is told to. Either answer is in the audit log (考试费退回 /
考试费退回失败) with the 支付流水号. A stray charge is recorded the same way (its receipt untouched:
the booking's own fee stands), the citizen told to come to a counter when the bank kept it.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from ..db.models import Account, Application, Booking
from . import applications, audit, messaging
from .booking import STATUS_CANCELLED
from .env import Env
from .gateways import RECEIPT_TIME, Payment, PaymentGateway, terminal_gateway

log = logging.getLogger("kiosk.services")
TITLE = "考试费退还"  # every refund's inbox title, with what the bank did (refund_title)


def refund_title(ok: bool) -> str:
    """考试费退还（已原路退回）, or （未能原路退回） when the bank refused."""
    return messaging.titled(TITLE, "已原路退回" if ok else "未能原路退回")


@dataclass(frozen=True)
class Stray:
    """A charge no receipt keeps (the booking paid at another kiosk or cancelled meanwhile);
    ``what`` names it to the citizen: 重复缴纳的考试费, 取消后缴纳的考试费."""

    account_id: int
    booking_id: int
    payment: Payment
    amount: int
    what: str


@dataclass(frozen=True)
class Due:
    """A fee to give back: the payment and its amount, for the application ``app_id``."""

    app_id: int
    payment: Payment
    amount: int

    @property
    def promise(self) -> str:  # said with the cancellation, before the bank answers
        return f"{promised(self.amount)}。"


def promised(amount: int) -> str:
    """The fee said to come back while the bank has not answered (with the cancellation, and by a kiosk
    whose list lost the booking meanwhile: receipt_refund)."""
    return f"已缴纳的考试费{amount}元将予退还"


def owe(app: Application | None, now: datetime) -> Due | None:
    """In the cancellation's transaction: mark the receipt 退还处理中 (durable, whatever happens
    next) and return what to give back; None when nothing was paid."""
    receipt = (app.payload or {}).get("fee") if app is not None else None
    if not receipt or receipt.get("refunded_at"):
        return None
    _stamp(app, "refund_pending_at", now)  # type: ignore[arg-type]
    paid_at = datetime.strptime(receipt["paid_at"], RECEIPT_TIME)
    return Due(app.id, Payment(receipt["channel"], receipt["transaction_no"], paid_at), int(receipt["amount"]))  # type: ignore[union-attr]


def _stamp(app: Application, key: str, when: datetime) -> None:
    """Note a step of the refund on the receipt (reassigned: JSON columns track assignment)."""
    app.payload = {**(app.payload or {}), "fee": {**app.payload["fee"], key: when.strftime(RECEIPT_TIME)}}


def clerk_note(d: Due, refunded: bool, recorded: bool) -> str:
    """What the clerk is told once the bank has answered."""
    if refunded:
        return f"考试费{d.amount}元已原路退回。" + ("" if recorded else "（退回结果未能记入系统，请通知管理员核对）")
    return f"考试费{d.amount}元未能自动退回，请按财务规定为其人工退费。" + ("" if recorded else "（该结果未能记入系统）")


def kiosk_note(refunded: bool, amount: int) -> str:
    """What the citizen at the kiosk is told of a stray charge, once the bank has answered: the money
    named with its amount, as the inbox names it (a citizen who just paid reads that it comes back)."""
    paid = f"本次缴纳的考试费{amount}元"
    return f"{paid}已原路退回" if refunded else f"{paid}未能原路退回，请到车管所窗口办理退费"


def _outcome(amount: int, ok: bool) -> str:
    """A counter refund as 网办进度 and the inbox say it (without the 支付流水号)."""
    if ok:
        return f"考试费{amount}元已原路退回"
    return f"考试费{amount}元未能原路退回，车管所将按规定为您人工退费，如有疑问请到车管所窗口咨询"


def receipt_refund(receipt: dict | None) -> str:
    """What became of the fee of a booking cancelled at a counter, from its receipt, as the inbox says
    it (考试费150元已原路退回; 未能原路退回...; 已缴纳的考试费150元将予退还 while the bank has not
    answered); "" when nothing was paid. For a kiosk whose list lost the booking (cancelled_meanwhile)."""
    if not receipt:
        return ""
    amount = int(receipt["amount"])
    if receipt.get("refunded_at") or receipt.get("refund_failed_at"):
        return _outcome(amount, bool(receipt.get("refunded_at")))
    return promised(amount) if receipt.get("refund_pending_at") else ""


def _ask_bank(gateway: PaymentGateway | None, payment: Payment, amount: int) -> bool:
    try:
        if gateway is None:
            raise RuntimeError("this terminal has no payment gateway")
        gateway.refund(payment, amount)
        return True
    except Exception:  # noqa: BLE001 - the bank's failure must not undo what is already saved
        log.exception("refund of %s failed", payment.transaction_no)
        return False


def _audit(s: Session, env: Env, ok: bool, *, actor: str, role: str, account_id: int, serial: str,
           amount: int, payment: Payment, what: str = "") -> None:
    """考试费退回 / 考试费退回失败 (须人工退费), with the 支付流水号 given back or kept."""
    outcome = "已原路退回" if ok else "须人工退费"
    audit.record(s, env, actor=actor, role=role, action="exam_fee_refund" if ok else "exam_fee_refund_failed",
                 account_id=account_id,
                 detail=f"{serial} {amount}元 {payment.transaction_no} {what + ' ' if what else ''}{outcome}")


def give_back_stray(env: Env, gateway: PaymentGateway | None, stray: Stray, *, subject_name: str) -> bool:
    """Ask the bank for a stray charge back and record its answer (whether it gave it back). The
    record is best effort: the citizen is told at the kiosk either way."""
    ok = _ask_bank(gateway, stray.payment, stray.amount)
    try:
        _record_stray(env, stray, ok, subject_name)
    except Exception:  # noqa: BLE001 - the kiosk still says what the bank did
        log.exception("refund of %s (%s) not recorded", stray.payment.transaction_no, "made" if ok else "refused")
    return ok


def _record_stray(env: Env, stray: Stray, ok: bool, subject_name: str) -> None:
    paid = f"{stray.what}{stray.amount}元（支付流水号{stray.payment.transaction_no}）"
    text = f"{paid}已原路退回" if ok else f"{paid}未能原路退回，请到车管所窗口办理退费"
    with env.db.write() as s:
        b = s.get(Booking, stray.booking_id)
        account = s.get(Account, stray.account_id)
        assert b is not None and account is not None
        app = s.get(Application, b.application_id) if b.application_id else None
        serial = app.serial_no if app else str(b.id)
        _audit(s, env, ok, actor=f"citizen:{account.id}", role="", account_id=account.id, serial=serial,
               amount=stray.amount, payment=stray.payment, what=stray.what)
        if app is not None:  # 网办进度: a line under the status the booking has (已缴费, 已取消)
            applications.transition(s, env, app, app.status, text)
        messaging.notify(s, env, account, refund_title(ok), f"您的{subject_name}考试预约（业务流水号{serial}）{text}。")


def give_back(env: Env, d: Due, *, actor: str, role: str, subject_name: str,
              gateway: PaymentGateway | None = None) -> tuple[bool, bool]:
    """Ask the bank (``gateway``, else this terminal's) for the refund and record the answer:
    (refunded, recorded). Recording may fail (the database busy for too long); the receipt then
    keeps saying 退还处理中 and the clerk is told, never left with a bare error."""
    ok = _ask_bank(gateway or terminal_gateway(env), d.payment, d.amount)  # never undoes the cancellation
    try:
        _record(env, d, ok, actor=actor, role=role, subject_name=subject_name)
        return ok, True
    except Exception:  # noqa: BLE001 - the cancellation stands; the receipt still says 退还处理中
        log.exception("refund of %s (%s) not recorded", d.payment.transaction_no, "made" if ok else "refused")
        return ok, False


def _record(env: Env, d: Due, ok: bool, *, actor: str, role: str, subject_name: str) -> None:
    now = env.clock.now()
    with env.db.write() as s:
        app = s.get(Application, d.app_id)
        assert app is not None
        account = s.get(Account, app.account_id)
        assert account is not None
        key = "refunded_at" if ok else "refund_failed_at"
        _stamp(app, key, now)
        text = _outcome(d.amount, ok)
        if ok:
            text += f"（原支付流水号{d.payment.transaction_no}）"
        _audit(s, env, ok, actor=actor, role=role, account_id=account.id, serial=app.serial_no, amount=d.amount,
               payment=d.payment)
        applications.transition(s, env, app, STATUS_CANCELLED, text)
        messaging.notify(s, env, account, refund_title(ok), f"您的{subject_name}考试预约（业务流水号{app.serial_no}）{text}。")
