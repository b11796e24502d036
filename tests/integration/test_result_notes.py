"""The 说明 of a result in two sentences ends with 。 as its SMS does (tester's finding: 学法减分's
说明 ended …考试合格后驾驶证减1分 with no 。 while the SMS had it); the SMS gets no second 。."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import Message
from kiosk.services import applications
from kiosk.services.points_study import PointsStudy
from kiosk.services.review_education import ReviewEducation
from tests.booking_helpers import account_id
from tests.integration.licence_helpers import DELAY_REVIEW


def _sms(env, acc: int) -> str:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return s.scalars(select(Message.body).where(Message.account_id == acc, Message.channel == "sms")
                         .order_by(Message.id.desc())).first()


@pytest.mark.parametrize("way, ends", [("网上学习", "考试合格后驾驶证减1分。"), ("公益网点", "无异议后驾驶证减1分。")])
def test_points_study_note_ends_with_a_full_stop(env, people, way: str, ends: str) -> None:
    acc = account_id(env, people["points_study"])
    done = applications.submit(env, PointsStudy(), acc, {"way": way})
    assert done.note.endswith(ends) and not done.note.endswith("。。")
    sms = _sms(env, acc)
    assert sms.endswith(ends) and "。。" not in sms


def test_review_education_note_ends_with_a_full_stop(env, people) -> None:
    acc = account_id(env, people["lorry_driver"])
    done = applications.submit(env, ReviewEducation(), acc, {"way": "网络教育", "declaration": "1"})
    assert done.note.startswith("申请已受理（网络教育）。") and done.note.endswith("）。")
    assert "。。" not in done.note and "。。" not in _sms(env, acc) and _sms(env, acc).endswith("）。")


def test_licence_delay_note_ends_with_a_full_stop(env, people) -> None:
    acc = account_id(env, people["coach_driver"])
    done = applications.submit(env, DELAY_REVIEW, acc, {"reason": "出国（境）", "detail": "", "until": "2028-06-30"})
    assert done.note.endswith("延期期间不得驾驶机动车。") and "。。" not in done.note
    sms = _sms(env, acc)
    assert sms.endswith("延期期间不得驾驶机动车。") and "。。" not in sms
