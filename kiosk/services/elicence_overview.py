"""驾驶证电子版, what the citizen may do: the page's state and its message (``overview``), and the
lines that say an application or a 换照片 is in review, was turned down or approved. Applying and
changing the photo are in elicence, which re-exports ``overview`` and ``Overview``.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Application, DrivingLicence
from ..db.models_elicence import ElectronicLicence, PhotoSubmission
from ..domain.elicence import MAY_APPLY_MESSAGE, apply_decision
from ..domain.errors import sentence
from .elicence_state import load, new_photo_hint, refresh_staleness, reuses_licence_photo, stored_photo
from .elicence_steps import refusal_step
from .env import Env

DIRECT_QUESTION = "您当前符合直接使用二代身份证申领电子驾驶证的条件，是否继续申领？"
REAPPLY_QUESTION = "是否使用当前电子驾驶证照片继续申领？"  # the line above says why (准驾车型已变更...，需重新申领)
NO_PHOTO_HINT = ("您未留存照片，不能直接使用二代身份证申领，请通过拍照或相册选择提交本人照片，"
                 "经公安交管部门审核后生成电子驾驶证。")
REVIEW_TAIL = "公安交管部门将在一个工作日内审核，结果通过短信和消息通知您"
REAPPLY_TAIL = "请重新申领。"  # after a 申领 photo turned down (rejected_line)
CHANGE_KEPT_TAIL = "原电子驾驶证照片继续有效，可按要求重新提交。"  # after a 换照片 turned down (rejected_line)


@dataclass(frozen=True)
class Overview:
    kind: str  # may_apply / shown_red / hidden / locked / no_licence
    message: str
    state: str | None  # the e-licence: applied / issued / needs_reapply / rejected / None
    can_apply: bool
    direct: bool  # a stored photo: apply by answering the question, shown as the page opens
    question: str  # the seeds' question, asked while ``direct`` (the message then says only why, if anything)
    can_show: bool
    reapply_reasons: tuple[str, ...]
    pending_serial: str | None
    photo_source: str | None
    photo_pending: str | None = None  # the 业务流水号 of a 换照片 in review
    photo_hint: str = ""  # while ``direct``: the line over the second choice, 拍照或相册选择 (new_photo_hint)


def _pending_serial(s: Session, el: ElectronicLicence | None) -> str | None:
    if el is None or el.state != "applied" or el.application_id is None:
        return None
    app = s.get(Application, el.application_id)
    return app.serial_no if app else None


def _rejected_because(s: Session, account_id: int) -> str:
    """The reviewer's reason for the last 申领 photo turned down (the citizen sees it where 申领 is
    offered again, not only in the message the decision sent)."""
    return s.scalar(select(PhotoSubmission.reason).where(
        PhotoSubmission.account_id == account_id, PhotoSubmission.purpose == "apply",
        PhotoSubmission.state == "rejected").order_by(PhotoSubmission.id.desc()).limit(1)) or ""


def rejected_line(why: str, then: str) -> str:
    """What the page says of a photo turned down, with the reviewer's reason, then what now
    (REAPPLY_TAIL after 申领, CHANGE_KEPT_TAIL after 换照片)."""
    return f"您上次提交的照片未通过审核{f'（原因：{why}）' if why else ''}，{then}"


def _last_change(s: Session, el: ElectronicLicence | None) -> PhotoSubmission | None:
    """The last 换照片 of the e-licence issued now (one sent before it was issued again concerned the
    card before), whatever its state."""
    if el is None or el.state != "issued":
        return None
    sub = s.scalar(select(PhotoSubmission).where(PhotoSubmission.account_id == el.account_id,
                                                 PhotoSubmission.purpose == "change")
                   .order_by(PhotoSubmission.id.desc()).limit(1))
    if sub is None or (el.issued_at is not None and sub.submitted_at < el.issued_at):
        return None
    return sub


def _change_pending(s: Session, sub: PhotoSubmission | None) -> str | None:
    """The 业务流水号 of a 换照片 in review."""
    if sub is None or sub.state != "pending":
        return None
    app = s.get(Application, sub.application_id)
    return app.serial_no if app else None


def _in_review(what: str, serial: str) -> str:
    """您的电子驾驶证申请（业务流水号...）正在审核，...: an application or a 换照片 in review."""
    return f"您的{what}（业务流水号{serial}）正在审核，{REVIEW_TAIL}。"


def change_approved_line(serial: str) -> str:
    """A 换照片 approved: the page says it as the message the decision sent does."""
    return f"您的更换电子驾驶证照片申请（业务流水号{serial}）已审核通过，电子驾驶证照片已更换。"


def _change_line(s: Session, sub: PhotoSubmission | None, serial: str | None) -> str:
    """Under 您已申领电子驾驶证: the 换照片 in review (``serial``: _change_pending's), or the last one
    turned down with its reason (tester: only 网办进度 said either), or approved (tester: the page
    just dropped 正在审核 then); "" when there is none."""
    if serial:
        return "\n" + _in_review("更换电子驾驶证照片申请", serial)
    if sub is not None and sub.state == "rejected":
        return "\n" + rejected_line(sub.reason or "", CHANGE_KEPT_TAIL)
    app = s.get(Application, sub.application_id) if sub is not None and sub.state == "approved" else None
    return "\n" + change_approved_line(app.serial_no) if app is not None else ""


def overview(env: Env, account_id: int) -> Overview:
    with env.db.write() as s:
        account, lic, el = load(s, account_id)
        if lic is None:
            return Overview("no_licence", "您名下没有机动车驾驶证，不能申领电子驾驶证。", None, False, False, "",
                            False, (), None, None)
        refresh_staleness(el, lic)
        decision = apply_decision(lic.status)
        state = el.state if el else None
        can_show = state == "issued" and decision.shows_issued
        can_apply = decision.may_apply and state in (None, "needs_reapply", "rejected")
        reasons = tuple((el.reapply_reason or "").split("、")) if state == "needs_reapply" and el else ()
        photo = stored_photo(account, lic, el)
        question = (REAPPLY_QUESTION if reuses_licence_photo(lic, el) else DIRECT_QUESTION) if photo else ""
        pending = _pending_serial(s, el)
        change = _last_change(s, el) if can_show else None
        change_serial = _change_pending(s, change)
        has_card = state == "issued"  # only a citizen with one is told how it is shown now
        if decision.kind in ("locked", "hidden"):  # said alone on the page: a sentence, as the others
            message = _refused(env, lic, decision.message_for(has_card), has_card)
        elif pending:
            message = _in_review("电子驾驶证申请", pending)
        elif can_show:
            message = (_refused(env, lic, decision.message, has_card) if decision.kind == "shown_red"
                       else "您已申领电子驾驶证，可以出示使用。")
            message += _change_line(s, change, change_serial)
        elif state == "needs_reapply":
            message = f"{'、'.join(reasons)}，需重新申领电子驾驶证。"
        elif decision.kind == "shown_red":
            message = _refused(env, lic, decision.message_for(has_card), has_card)
        else:  # with a stored photo the question says 符合...条件 (seed 004): the message only why not
            message = "" if photo else f"{MAY_APPLY_MESSAGE}。{NO_PHOTO_HINT}"
            if state == "rejected":
                message = rejected_line(_rejected_because(s, account.id), REAPPLY_TAIL) + message
        direct = can_apply and bool(photo)
        return Overview(decision.kind, message, state, can_apply, direct, question, can_show, reasons, pending,
                        lic.photo_source, change_serial, new_photo_hint(lic, el) if direct else "")


def _refused(env: Env, lic: DrivingLicence, message: str, has_card: bool) -> str:
    """Why it cannot be applied for, and the next step on a line of its own (逾期未换证: 期满换证;
    吊销: whom to ask; elicence_steps.refusal_step)."""
    step = refusal_step(env.clock.now().date(), lic.status, lic.valid_from, lic.valid_to, has_card)
    return f"{sentence(message)}\n{step}" if step else sentence(message)
