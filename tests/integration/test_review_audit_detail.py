"""A photo review's audit entry says what a supervisor can look up: the 业务流水号 (the citizen's
网办进度 and the review queue show it), the masked name and what was applied for, a refusal's
reason; not 照片提交N, the row id of the submission that no screen shows."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.config import ASSETS
from kiosk.db.models import AuditEntry
from kiosk.services import counter_review, elicence, elicence_review
from kiosk.services.staff import StaffSession
from tests.booking_helpers import account_id

REVIEWER = StaffSession("J1002", "李审核", ("review",))


def _detail(env, action: str) -> str:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return s.scalars(select(AuditEntry.detail).where(AuditEntry.action == action)).one()


def test_approval_and_rejection_name_the_serial_number_and_the_masked_name(env, people) -> None:
    a, b = account_id(env, people["no_photo"]), account_id(env, people["violation"])
    first = elicence.apply_with_photo(env, a, "camera", ASSETS / "photos" / "camera_1.png")
    second = elicence.apply_with_photo(env, b, "upload", ASSETS / "photos" / "camera_2.png")
    counter_review.approve(env, REVIEWER, first.serial_no)
    counter_review.reject(env, REVIEWER, second.serial_no, "3")
    assert _detail(env, "photo_approved") == f"业务流水号{first.serial_no} 吴* 驾驶证电子版申领"
    assert _detail(env, "photo_rejected") == f"业务流水号{second.serial_no} 赵* 驾驶证电子版申领；原因：眼镜反光或遮挡面部"


def test_the_command_lines_review_says_the_same(env, people) -> None:
    done = elicence.apply_with_photo(env, account_id(env, people["no_photo"]), "camera",
                                     ASSETS / "photos" / "camera_1.png")
    elicence_review.approve(env, done.serial_no)
    assert "照片提交" not in _detail(env, "photo_approved") and done.serial_no in _detail(env, "photo_approved")
