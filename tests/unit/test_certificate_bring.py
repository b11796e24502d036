"""What the 预约凭证 says to bring: the 学习驾驶证明 for 科目二, 三, 四, not for 科目一 (it is issued
after 科目一 is passed); the tester found 学习驾驶证明（科目一考试无需携带） on a 科目二 certificate."""
from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest

from kiosk.services import certificates


@pytest.mark.parametrize("subject, permit", [(1, False), (2, True), (3, True), (4, True)])
def test_the_permit_is_listed_for_every_subject_but_the_first(subject: int, permit: bool) -> None:
    view = SimpleNamespace(exam_at=datetime(2026, 12, 4, 8, 30), serial_no="2612010000000001", licence_class="C1",
                           subject=subject, subject_name=f"科目{subject}", mode_text="自主选择场次", site_name="渝中考场",
                           site_address="重庆市渝中区经纬大道555号", site_phone="023-63255068", fee_paid_at=None)
    text = certificates.render(view, "王芳", "500107199501010426")  # type: ignore[arg-type]
    assert ("学习驾驶证明" in text) is permit and "科目一考试无需携带" not in text
    assert "  1. 本人有效身份证明原件（居民身份证）" in text
