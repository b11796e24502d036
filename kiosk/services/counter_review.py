"""Counter review queue (审核): everything the kiosk queued for a person, oldest first.

Today that is the e-licence photos (kiosk.services.elicence_review does the decision, the SMS,
the inbox and 网办进度). Each item carries the photo as half-block colours and the automatic
checks run again now, so the reviewer sees the failed ones beside the picture.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from . import audit, elicence_review, photos
from .elicence_review import AlreadyReviewed
from .env import Env
from .permissions import REVIEW, active, actor
from .staff import StaffSession

REJECT_REASONS = elicence_review.REJECT_REASONS
THUMB_COLUMNS, THUMB_ROWS = 22, 16


@dataclass(frozen=True)
class QueueItem:
    kind: str  # what is reviewed, in Chinese
    serial_no: str
    title: str
    name: str
    id_masked: str
    source: str
    submitted_at: datetime
    passed: tuple[str, ...]
    failed: tuple[str, ...]
    pixels: list[list[tuple[str, str]]]  # rows of (top, bottom) colours


def queue(env: Env, staff: StaffSession | None) -> list[QueueItem]:
    active(env, staff, *REVIEW, doing="查看审核队列")
    items = []
    for r in elicence_review.pending(env):
        check = photos.check_photo(r.data)
        passed = tuple(dict.fromkeys((*r.checks, *check.passed)))
        items.append(QueueItem("电子驾驶证照片", r.serial_no, r.title, r.name, r.id_masked, r.source,
                               r.submitted_at, passed, check.problems,
                               photos.thumbnail(r.data, THUMB_COLUMNS, THUMB_ROWS)))
    return sorted(items, key=lambda i: (i.submitted_at, i.serial_no))


def approve(env: Env, staff: StaffSession | None, serial_no: str) -> elicence_review.ReviewDone:
    _still_active(env, staff, audit.action_name("photo_approved"))
    try:
        return elicence_review.approve(env, serial_no, reviewer=actor(staff))  # type: ignore[arg-type]
    except AlreadyReviewed as exc:
        raise _decided_elsewhere(exc, staff) from None


def reject(env: Env, staff: StaffSession | None, serial_no: str, reason: str) -> elicence_review.ReviewDone:
    _still_active(env, staff, audit.action_name("photo_rejected"))
    try:
        return elicence_review.reject(env, serial_no, reason, reviewer=actor(staff))  # type: ignore[arg-type]
    except AlreadyReviewed as exc:
        raise _decided_elsewhere(exc, staff) from None


def _decided_elsewhere(exc: AlreadyReviewed, staff: StaffSession | None) -> AlreadyReviewed:
    """The queue on screen was older than the decision: say what was decided (the screen reloads)."""
    who = "您已在其他终端审核" if exc.reviewer == actor(staff) else "该业务已由其他工作人员审核"  # type: ignore[arg-type]
    return AlreadyReviewed(exc.serial_no, exc.decision, exc.reviewer, f"{who}（{exc.decision}），已从队列中移除")


def _still_active(env: Env, staff: StaffSession | None, doing: str) -> None:
    from .permissions import authorise

    with env.db.read() as s:
        authorise(s, env, staff, *REVIEW, doing=doing)
