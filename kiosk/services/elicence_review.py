"""Staff review of e-licence photos queued by the kiosk (counter terminal and ``kiosk review``).

Approving an application issues the e-licence; approving a photo change replaces the photo.
Either way the citizen gets an SMS and an inbox message and 网办进度 moves on.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Account, Application, DrivingLicence
from ..db.models_elicence import ElectronicLicence, PhotoSubmission
from ..domain.errors import DomainError, NotFound
from ..domain.ids import mask_id, mask_name
from ..domain.photo_rules import REJECT_REASONS
from ..domain.titles import of_title
from . import applications, audit, messaging, photos
from .elicence import APPLY_TITLE, APPROVED, DONE, PHOTO_TITLE, REJECTED, issue
from .elicence_overview import CHANGE_KEPT_TAIL, change_approved_line
from .env import Env



@dataclass(frozen=True)
class ReviewItem:
    serial_no: str
    title: str
    name: str
    id_masked: str
    source: str
    photo: str
    checks: tuple[str, ...]
    submitted_at: datetime
    data: bytes | None = None  # the photo itself (photos.read: also one stored at another terminal)


@dataclass(frozen=True)
class ReviewDone:
    serial_no: str
    status: str
    note: str


class AlreadyReviewed(NotFound):
    """The photo was decided before (by ``reviewer``, e.g. at another counter or with ``kiosk review``):
    ``decision`` names the decision, e.g. 审核不通过：照片背景不是白色."""

    def __init__(self, serial_no: str, decision: str, reviewer: str, message: str = "") -> None:
        super().__init__(message or f"没有待审核的业务：{serial_no}（已{decision}）", "serial_no")
        self.serial_no, self.decision, self.reviewer = serial_no, decision, reviewer


def pending(env: Env) -> list[ReviewItem]:
    with env.db.read() as s:
        rows = s.execute(select(PhotoSubmission, Application, Account)
                         .join(Application, Application.id == PhotoSubmission.application_id)
                         .join(Account, Account.id == PhotoSubmission.account_id)
                         .where(PhotoSubmission.state == "pending")
                         .order_by(PhotoSubmission.submitted_at, PhotoSubmission.id)).all()
        return [ReviewItem(app.serial_no, app.title, acc.name, mask_id(acc.id_number),
                           photos.SOURCE_NAMES.get(sub.source, sub.source), str(photos.resolve(sub.file_path)),
                           tuple(sub.checks or ()), sub.submitted_at, photos.read(s, sub.file_path))
                for sub, app, acc in rows]


def _load(s: Session, serial_no: str) -> tuple[PhotoSubmission, Application, Account]:
    serial_no = "".join(str(serial_no).split())
    app = s.scalar(select(Application).where(Application.serial_no == serial_no))
    # FOR UPDATE (PostgreSQL): a second counter deciding the same photo waits here, then finds it
    # no longer pending (AlreadyReviewed); SQLite's BEGIN IMMEDIATE already lets one writer in.
    sub = None if app is None else s.scalar(select(PhotoSubmission).where(
        PhotoSubmission.application_id == app.id, PhotoSubmission.state == "pending").with_for_update())
    if app is not None and sub is None:
        _decided(s, app)
    if app is None or sub is None:
        raise NotFound(f"没有待审核的业务：{serial_no}", "serial_no")
    account = s.get(Account, app.account_id)
    assert account is not None
    return sub, app, account


def _decided(s: Session, app: Application) -> None:
    """Raise AlreadyReviewed when the application's (latest) photo was decided already."""
    done = s.scalar(select(PhotoSubmission).where(PhotoSubmission.application_id == app.id,
                                                  PhotoSubmission.state != "pending")
                    .order_by(PhotoSubmission.id.desc()).limit(1))
    if done is not None:
        decision = "审核通过" if done.state == "approved" else f"审核不通过：{done.reason}"
        raise AlreadyReviewed(app.serial_no, decision, done.reviewed_by or "")


def _finish(s: Session, env: Env, sub: PhotoSubmission, app: Application, account: Account, reviewer: str,
            state: str, reason: str | None) -> None:
    """The decision, audited as a supervisor reads it (the 业务流水号 the citizen and 网办进度 know,
    the masked name, what was applied for, a refusal's reason), not by the submission's row id:
    业务流水号2612030000000012 刘* 驾驶证电子版申领；原因：照片背景不是白色."""
    sub.state, sub.reviewed_at, sub.reviewed_by, sub.reason = state, env.clock.now(), reviewer, reason
    audit.record(s, env, actor=reviewer, role="review", action=f"photo_{state}", account_id=sub.account_id,
                 detail=f"业务流水号{app.serial_no} {mask_name(account.name)} {app.title}"
                        + (f"；原因：{reason}" if reason else ""))


def approve(env: Env, serial_no: str, reviewer: str = "staff:cli") -> ReviewDone:
    with env.db.write() as s:
        sub, app, account = _load(s, serial_no)
        lic = s.scalar(select(DrivingLicence).where(DrivingLicence.account_id == account.id))
        el = s.scalar(select(ElectronicLicence).where(ElectronicLicence.account_id == account.id))
        if lic is None:
            raise DomainError("该申请人名下没有驾驶证")
        _finish(s, env, sub, app, account, reviewer, "approved", None)
        if sub.purpose == "apply":
            if el is None or el.state != "applied":
                raise DomainError("该电子驾驶证申请已不在审核中")
            issue(s, env, account, lic, el, app, sub.file_path, sub.source)
            return ReviewDone(app.serial_no, DONE, "审核通过，电子驾驶证已生成")
        lic.photo, lic.photo_source, lic.photo_changed_at = sub.file_path, sub.source, env.clock.now()
        note = "审核通过，电子驾驶证照片已更换"
        applications.transition(s, env, app, DONE, note)
        messaging.notify(s, env, account, applications.decided_title(PHOTO_TITLE, APPROVED),
                         change_approved_line(app.serial_no))
        return ReviewDone(app.serial_no, DONE, note)


def reject(env: Env, serial_no: str, reason: str, reviewer: str = "staff:cli") -> ReviewDone:
    reason = str(reason).strip()
    if reason.isdigit() and 1 <= int(reason) <= len(REJECT_REASONS):
        reason = REJECT_REASONS[int(reason) - 1]
    if reason not in REJECT_REASONS:
        raise DomainError("请从列表中选择不通过的原因", "reason")
    with env.db.write() as s:
        sub, app, account = _load(s, serial_no)
        _finish(s, env, sub, app, account, reviewer, "rejected", reason)
        note = f"审核不通过：{reason}"
        applications.transition(s, env, app, REJECTED, note)
        if sub.purpose == "apply":
            el = s.scalar(select(ElectronicLicence).where(ElectronicLicence.account_id == account.id))
            if el is not None and el.state == "applied":
                el.state = "rejected"
            title, tail = APPLY_TITLE, "请按要求重新拍摄或选择照片后再次申领。"
        else:
            title, tail = PHOTO_TITLE, CHANGE_KEPT_TAIL
        messaging.notify(s, env, account, applications.decided_title(title, REJECTED),
                         f"您的{of_title(title)}（业务流水号{app.serial_no}）审核不通过，原因：{reason}。{tail}")
        return ReviewDone(app.serial_no, REJECTED, note)


