"""驾驶证电子版: what the citizen may do, applying, and changing the photo (RULES.md, seeds
002-004). The licence and e-licence as read, and the e-licence's state, are in elicence_state; the
card and its signed code in elicence_card, staff review in elicence_review, verification in
elicence_verify. Each public function is one unit of work.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import ASSETS
from ..db.models import Account, Application, DrivingLicence
from ..db.models_elicence import ElectronicLicence, PhotoSubmission
from ..domain.elicence import MAY_APPLY_MESSAGE, apply_decision
from ..domain.errors import DomainError, sentence
from ..domain.dates import format_date
from ..domain.photo_rules import may_change, next_change_date
from . import applications, audit, messaging, photos
from .elicence_photos import OUTSIDE_UPLOADS, may_upload
from .elicence_state import both_ways_hint, load, refresh_staleness, reuses_licence_photo, stored_photo
from .elicence_steps import refusal_step
from .env import Env

APPLY_KIND, APPLY_TITLE = "elicence_apply", "驾驶证电子版申领"
PHOTO_KIND, PHOTO_TITLE = "elicence_photo", "更换电子驾驶证照片"
DIRECT_QUESTION = "您当前符合直接使用二代身份证申领电子驾驶证的条件，是否继续申领？"
REAPPLY_QUESTION = "是否使用当前电子驾驶证照片继续申领？"  # the line above says why (准驾车型已变更...，需重新申领)
NO_PHOTO_HINT = "您没有留存照片，请通过拍照或相册选择提交本人照片，经公安交管部门审核后生成电子驾驶证。"
UPLOAD_NO_PHOTO = "您没有留存照片，请按须知要求拍照或从相册选择本人照片，经公安交管部门审核后生成电子驾驶证。"
UPLOAD_OVER_STORED = ("您有系统留存照片，可以直接申领；也可以按须知要求拍照或从相册选择本人照片，"
                      "经公安交管部门审核后生成电子驾驶证。")
PENDING, DONE, REJECTED = "待审核", "已办结", "审核不通过"
APPROVED = "审核通过"  # the decision, as the inbox titles it (applications.decided_title)
REVIEW_TAIL = "公安交管部门将在一个工作日内审核，结果通过短信和消息通知您"
SUBMITTED_TAIL = "已提交，" + REVIEW_TAIL
SUBMITTED_NOTE = "申请" + SUBMITTED_TAIL  # the seeds' 申请已提交; a message naming the application says 已提交 once
ISSUED_NOTE = "审核通过，电子驾驶证已生成，可在【驾驶证电子版】中出示使用"
PHOTO_SOURCES = ("camera", "upload")
REAPPLY_TAIL = "请重新申领。"  # after a 申领 photo turned down (rejected_line)
CHANGE_KEPT_TAIL = "原电子驾驶证照片继续有效，可按要求重新提交。"  # after a 换照片 turned down (rejected_line)


@dataclass(frozen=True)
class Overview:
    kind: str  # may_apply / shown_red / hidden / locked / no_licence
    message: str
    state: str | None  # the e-licence: applied / issued / needs_reapply / rejected / None
    can_apply: bool
    direct: bool  # a stored photo: apply by answering the question
    question: str
    can_show: bool
    reapply_reasons: tuple[str, ...]
    pending_serial: str | None
    photo_source: str | None
    photo_pending: str | None = None  # the 业务流水号 of a 换照片 in review


@dataclass(frozen=True)
class ApplyResult:
    serial_no: str
    status: str
    message: str
    issued: bool


@dataclass(frozen=True)
class PhotoChange:
    allowed: bool
    message: str
    notice: str


def photo_notice() -> str:
    return (ASSETS / "notices" / "elicence_photo.txt").read_text(encoding="utf-8").strip()


# ---------------------------------------------------------------- what the citizen may do
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
        else:
            message = MAY_APPLY_MESSAGE + "。" + ("" if photo else NO_PHOTO_HINT)
            if state == "rejected":
                message = rejected_line(_rejected_because(s, account.id), REAPPLY_TAIL) + message
        if can_apply and photo:  # both buttons side by side: which one does what
            message += "\n" + both_ways_hint(lic, el)
        return Overview(decision.kind, message, state, can_apply, can_apply and bool(photo), question,
                        can_show, reasons, pending, lic.photo_source, change_serial)


def _refused(env: Env, lic: DrivingLicence, message: str, has_card: bool) -> str:
    """Why it cannot be applied for, and the next step on a line of its own (逾期未换证: 期满换证;
    吊销: whom to ask; elicence_steps.refusal_step)."""
    step = refusal_step(env.clock.now().date(), lic.status, lic.valid_from, lic.valid_to, has_card)
    return f"{sentence(message)}\n{step}" if step else sentence(message)


# ---------------------------------------------------------------- applying
def _for_apply(s: Session, account_id: int, *, lock: bool = True
               ) -> tuple[Account, DrivingLicence, ElectronicLicence | None]:
    account, lic, el = load(s, account_id, lock=lock)
    if lic is None:
        raise DomainError("您名下没有机动车驾驶证，不能申领电子驾驶证")
    refresh_staleness(el, lic)
    decision = apply_decision(lic.status)
    if not decision.may_apply:
        raise DomainError(decision.message_for(el is not None and el.state == "issued"))
    if el is not None and el.state == "applied":
        raise DomainError("您的电子驾驶证申请正在审核，请勿重复提交")
    if el is not None and el.state == "issued":
        raise DomainError("您已申领电子驾驶证，无需重复申领")
    return account, lic, el


def _start(s: Session, env: Env, account: Account, lic: DrivingLicence, el: ElectronicLicence | None,
           payload: dict, *, at_once: bool = False) -> tuple[ElectronicLicence, Application]:
    """The application, 待审核 with the review promised; ``at_once``: approved in the same
    transaction (issue), so its timeline begins 已办结 and promises no review (a 待审核 entry
    saying 一个工作日内审核 was followed by 已办结 in the same second; tester)."""
    status, note = (DONE, ISSUED_NOTE) if at_once else (PENDING, SUBMITTED_NOTE)
    app = applications.create(s, env, account, kind=APPLY_KIND, title=APPLY_TITLE, status=status,
                              note=note, payload=payload)
    if el is None:
        el = ElectronicLicence(account_id=account.id, licence_id=lic.id, state="applied", applied_at=env.clock.now())
        s.add(el)
    el.state, el.application_id, el.applied_at, el.licence_id = "applied", app.id, env.clock.now(), lic.id
    audit.record(s, env, actor=f"citizen:{account.id}", action=APPLY_KIND, account_id=account.id,
                 detail=f"{app.serial_no} {payload.get('source', '')}")
    return el, app


def issue(s: Session, env: Env, account: Account, lic: DrivingLicence, el: ElectronicLicence,
          app: Application, photo: str | None, source: str | None) -> None:
    """Approve an application: snapshot the licence, set the photo, tell the citizen."""
    now = env.clock.now()
    if photo and photo != lic.photo:
        lic.photo, lic.photo_source = photo, source
        lic.photo_changed_at = now if source in PHOTO_SOURCES else None
    el.state, el.issued_at, el.reapply_reason = "issued", now, None
    el.classes, el.valid_from, el.valid_to = lic.classes, lic.valid_from, lic.valid_to
    el.issuing_authority = lic.issuing_authority
    if app.status != DONE:  # created 已办结 when approved at once (_start): one entry
        applications.transition(s, env, app, DONE, ISSUED_NOTE)
    messaging.notify(s, env, account, applications.decided_title(APPLY_TITLE, APPROVED),
                     f"您的驾驶证电子版申领（业务流水号{app.serial_no}）已审核通过，电子驾驶证已生成，"
                     "请在【驾驶证电子版】中查看。")


def apply_direct(env: Env, account_id: int) -> ApplyResult:
    """The citizen answered the seeds' question with 申领: use the stored photo."""
    with env.db.write() as s:
        account, lic, el = _for_apply(s, account_id)
        photo = stored_photo(account, lic, el)
        if not photo:
            raise DomainError(NO_PHOTO_HINT)
        reuse = el is not None and el.state == "needs_reapply" and photo == lic.photo
        source = lic.photo_source if reuse else "id_card"
        at_once = env.settings.demo or reuse  # a photo already on record needs no new review
        el, app = _start(s, env, account, lic, el, {"source": source or "id_card"}, at_once=at_once)
        if at_once:
            issue(s, env, account, lic, el, app, photo, source)
            return ApplyResult(app.serial_no, DONE, "审核通过，电子驾驶证已生成。", True)
        s.add(PhotoSubmission(account_id=account.id, application_id=app.id, purpose="apply", source="id_card",
                              file_path=photo, checks=["系统留存的二代身份证照片"], state="pending",
                              submitted_at=env.clock.now()))
        messaging.notify(s, env, account, APPLY_TITLE, f"您的驾驶证电子版申领（业务流水号{app.serial_no}）{SUBMITTED_TAIL}。")
        return ApplyResult(app.serial_no, PENDING, SUBMITTED_NOTE + "。", False)


def _submission(s: Session, env: Env, account: Account, app: Application, purpose: str, source: str,
                path: Path | str) -> None:
    if source not in PHOTO_SOURCES:
        raise DomainError("请选择拍照或相册选择", "photo")
    if source == "upload" and not may_upload(env, path):
        raise DomainError(OUTSIDE_UPLOADS, "photo")
    check = photos.require_ok(path)
    stored = photos.store(s, env.settings.data_dir, path)
    s.add(PhotoSubmission(account_id=account.id, application_id=app.id, purpose=purpose, source=source,
                          file_path=str(stored), width=check.width, height=check.height, checks=list(check.passed),
                          state="pending", submitted_at=env.clock.now()))


def apply_photo_status(env: Env, account_id: int) -> PhotoChange:
    """拍照或相册选择 to apply: whether the citizen may, and what to say before the notice (with a
    stored photo the citizen is choosing not to use it; without one it is the only way)."""
    with env.db.write() as s:
        try:
            account, lic, el = _for_apply(s, account_id, lock=False)  # only what the screen says
        except DomainError as exc:
            return PhotoChange(False, sentence(exc.message), photo_notice())  # said alone: a sentence
        stored = stored_photo(account, lic, el)
    return PhotoChange(True, UPLOAD_OVER_STORED if stored else UPLOAD_NO_PHOTO, photo_notice())


def apply_with_photo(env: Env, account_id: int, source: str, path: Path | str) -> ApplyResult:
    """No stored photo (or the citizen chose a new one): check it and queue it for review."""
    photos.require_ok(path)  # before anything is written
    with env.db.write() as s:
        account, lic, el = _for_apply(s, account_id)
        el, app = _start(s, env, account, lic, el, {"source": source})
        _submission(s, env, account, app, "apply", source, path)
        messaging.notify(s, env, account, APPLY_TITLE, f"您的驾驶证电子版申领（业务流水号{app.serial_no}）{SUBMITTED_TAIL}。")
        return ApplyResult(app.serial_no, PENDING, SUBMITTED_NOTE + "。", False)


# ---------------------------------------------------------------- changing the photo
def _change_problem(s: Session, env: Env, lic: DrivingLicence | None, el: ElectronicLicence | None) -> str | None:
    if lic is None or el is None or el.state != "issued" or not apply_decision(lic.status).shows_issued:
        return "您还没有可使用的电子驾驶证，请先申领"
    pending = s.scalar(select(PhotoSubmission.id).where(PhotoSubmission.account_id == lic.account_id,
                                                        PhotoSubmission.state == "pending"))
    if pending is not None:
        return "您的照片正在审核，请等待审核结果后再更换"
    today = env.clock.now().date()
    if not may_change(lic.photo_source, lic.photo_changed_at, today):
        first = next_change_date(lic.photo_source, lic.photo_changed_at)
        assert first is not None and lic.photo_changed_at is not None
        return (f"您的电子驾驶证照片于{format_date(lic.photo_changed_at.date())}通过拍照或相册选择提交，"
                f"须满6个月后才能更换，请于{format_date(first)}起再申请。")  # that day is allowed: 起, not 后
    return None


def photo_change_status(env: Env, account_id: int) -> PhotoChange:
    with env.db.write() as s:
        _account, lic, el = load(s, account_id)
        refresh_staleness(el, lic)
        problem = _change_problem(s, env, lic, el)
        if problem:
            return PhotoChange(False, sentence(problem), photo_notice())  # said alone: a sentence
        now_source = "系统留存照片，可以马上更换" if (lic and lic.photo_source in (None, "id_card")) else "可以更换"
        last = _last_change(s, el)  # turned down: said here too, with the reason (tester)
        rejected = rejected_line(last.reason or "", "原电子驾驶证照片继续有效。") if last and last.state == "rejected" else ""
        return PhotoChange(True, f"{rejected}当前照片：{now_source}。请阅读证件照上传须知后上传照片。", photo_notice())


def change_photo(env: Env, account_id: int, source: str, path: Path | str) -> ApplyResult:
    photos.require_ok(path)
    with env.db.write() as s:
        account, lic, el = load(s, account_id, lock=True)  # one pending photo at a time
        refresh_staleness(el, lic)
        problem = _change_problem(s, env, lic, el)
        if problem:
            raise DomainError(problem)
        app = applications.create(s, env, account, kind=PHOTO_KIND, title=PHOTO_TITLE, status=PENDING,
                                  note=SUBMITTED_NOTE, payload={"source": source})
        _submission(s, env, account, app, "change", source, path)
        audit.record(s, env, actor=f"citizen:{account.id}", action=PHOTO_KIND, account_id=account.id,
                     detail=f"{app.serial_no} {source}")
        messaging.notify(s, env, account, PHOTO_TITLE, f"您的更换电子驾驶证照片申请（业务流水号{app.serial_no}）{SUBMITTED_TAIL}。")
        return ApplyResult(app.serial_no, PENDING, f"照片{SUBMITTED_TAIL}。", False)
