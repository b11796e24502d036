"""驾驶证电子版: applying, and changing the photo (RULES.md, seeds 002-004). What the citizen may
do (the page's state and message: ``overview``) is in elicence_overview, re-exported here. The
licence and e-licence as read, and the e-licence's state, are in elicence_state; the card and its
signed code in elicence_card, staff review in elicence_review, verification in elicence_verify.
Each public function is one unit of work.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import ASSETS
from ..db.models import Account, Application, DrivingLicence
from ..db.models_elicence import ElectronicLicence, PhotoSubmission
from ..domain.elicence import apply_decision
from ..domain.errors import DomainError, sentence
from ..domain.dates import format_date
from ..domain.photo_rules import may_change, next_change_date
from . import applications, audit, messaging, photos
from .elicence_photos import OUTSIDE_UPLOADS, may_upload
# overview and Overview are re-exported (the screens and tests name elicence.overview): see __all__
from .elicence_overview import NO_PHOTO_HINT, REVIEW_TAIL, Overview, _last_change, overview, rejected_line
from .elicence_state import load, refresh_staleness, stored_photo
from .env import Env

APPLY_KIND, APPLY_TITLE = "elicence_apply", "驾驶证电子版申领"
PHOTO_KIND, PHOTO_TITLE = "elicence_photo", "更换电子驾驶证照片"
UPLOAD_NO_PHOTO = "您未留存照片，请按须知要求拍照或从相册选择本人照片，经公安交管部门审核后生成电子驾驶证。"
UPLOAD_OVER_STORED = ("您有系统留存照片，可以直接申领；也可以按须知要求拍照或从相册选择本人照片，"
                      "经公安交管部门审核后生成电子驾驶证。")
PENDING, DONE, REJECTED = "待审核", "已办结", "审核不通过"
APPROVED = "审核通过"  # the decision, as the inbox titles it (applications.decided_title)
SUBMITTED_TITLE = messaging.titled(APPLY_TITLE, PENDING)  # its message while the photo waits for the reviewer
SUBMITTED_TAIL = "已提交，" + REVIEW_TAIL
SUBMITTED_NOTE = "申请" + SUBMITTED_TAIL  # the seeds' 申请已提交; a message naming the application says 已提交 once
ISSUED_NOTE = "审核通过，电子驾驶证已生成，可在【驾驶证电子版】中出示使用"
PHOTO_SOURCES = ("camera", "upload")
__all__ = ["Overview", "overview"]  # re-exported from elicence_overview; pyflakes counts this a use


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
        messaging.notify(s, env, account, SUBMITTED_TITLE, f"您的驾驶证电子版申领（业务流水号{app.serial_no}）{SUBMITTED_TAIL}。")
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
        messaging.notify(s, env, account, SUBMITTED_TITLE, f"您的驾驶证电子版申领（业务流水号{app.serial_no}）{SUBMITTED_TAIL}。")
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
        messaging.notify(s, env, account, messaging.titled(PHOTO_TITLE, PENDING), f"您的更换电子驾驶证照片申请（业务流水号{app.serial_no}）{SUBMITTED_TAIL}。")
        return ApplyResult(app.serial_no, PENDING, f"照片{SUBMITTED_TAIL}。", False)
