"""学法减分 and 审验教育 for a driver at 12 points who has already applied for 满分学习考试: they
name that application (业务流水号, 受理中) and offer 查看网办进度 on it, instead of telling the
driver to apply for it (tester: 徐明 was told 请在【学习教育业务】中申请【满分学习考试】 after applying)."""
from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError, StillPending
from kiosk.domain.points import TAKE_FULL_SCORE
from kiosk.services import applications
from kiosk.services.full_score import FullScoreStudy
from kiosk.services.points_study import PointsStudy
from kiosk.services.review_education import ReviewEducation
from tests.booking_helpers import account_id

FULL = FullScoreStudy()


def _apply_full_score(env, acc: int) -> str:  # type: ignore[no-untyped-def]
    prepared = applications.prepare(env, FULL, acc)
    keys = [s.key for s in prepared.context["cities"]["重庆"].sessions if s.office == "渝中车管所"][:2]
    form = {"city": "重庆", "on_site_days": "2", "online_days": "3", "sessions": ",".join(keys)}
    return applications.submit(env, FULL, acc, form).serial_no


@pytest.mark.parametrize(("service", "head"), [
    (PointsStudy(), "本记分周期累积记分已满12分，不能申请学法减分。须参加满分教育。"),
    (ReviewEducation(), "本记分周期累积记分已满12分，须参加满分教育。"),
])
def test_an_applied_full_score_is_named_not_asked_for(env, people, service, head) -> None:
    acc = account_id(env, people["full_score"])
    with pytest.raises(DomainError) as before:  # not applied yet: told to apply, no 查看网办进度
        applications.prepare(env, service, acc)
    assert not isinstance(before.value, StillPending) and before.value.message.endswith(TAKE_FULL_SCORE)
    serial = _apply_full_score(env, acc)
    with pytest.raises(StillPending) as after:
        applications.prepare(env, service, acc)
    assert after.value.serial_no == serial
    assert after.value.message == (f"{head}您已申请【满分学习考试】（业务流水号{serial}，受理中），无需再次申请。"
                                   "请完成现场、网络和自主学习后预约考试，考试合格后到窗口复核")
    assert "请在【学习教育业务】中申请" not in after.value.message
