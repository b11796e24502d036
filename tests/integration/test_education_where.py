"""学法减分 and 驾驶人审验教育 say WHERE the study happens (tester's findings 1 and 2): the kiosk only
takes the application; the 网上学习 / 网络教育 is done in the 交管12123 App's 学习教育业务 (seed 002
sections 四 and 六). The result's 说明, the SMS and the form's explanation name it, in plain words
(申请已受理, not the internal 公安网已受理); opening the service again while an application is
pending names that application (业务流水号) and says again what to do and by when."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import Message
from kiosk.services import applications
from kiosk.domain.errors import DomainError, StillPending
from kiosk.services.points_study import PointsStudy
from kiosk.services.review_education import ReviewEducation
from tests.booking_helpers import account_id
from tests.integration.licence_helpers import apply_late

STUDY, REVIEW = PointsStudy(), ReviewEducation()
STUDY_APP = "登录交管12123 App，在【学习教育业务】中点击【学法减分】"
REVIEW_APP = "登录交管12123 App，在【学习教育业务】中点击【驾驶人审验】"


def _sms(env, acc: int) -> str:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return s.scalars(select(Message.body).where(Message.account_id == acc, Message.channel == "sms")
                         .order_by(Message.id.desc())).first()


def _pending(env, service, acc: int) -> StillPending:  # type: ignore[no-untyped-def]
    with pytest.raises(StillPending) as err:
        applications.prepare(env, service, acc)
    return err.value


def test_points_study_online_names_the_app_and_the_last_moment(env, people) -> None:
    acc = account_id(env, people["points_study"])  # the clock: 2026-12-01 09:00
    prepared = applications.prepare(env, STUDY, acc)
    assert STUDY_APP in prepared.intro and STUDY_APP in prepared.context["intros"]["网上学习"]  # type: ignore[index]
    assert "公安网" not in prepared.context["intros"]["网上学习"]  # type: ignore[index]
    done = applications.submit(env, STUDY, acc, {"way": "网上学习"})
    todo = f"请在2026年12月4日 09:00前{STUDY_APP}，完成网上学习（累计满30分钟）并参加网上考试"
    assert done.note.startswith(f"申请已受理（网上学习）。{todo}") and "公安网" not in done.note
    assert todo in _sms(env, acc)
    env.clock.advance(days=1)
    pending = _pending(env, STUDY, acc)
    assert pending.serial_no == done.serial_no
    assert f"业务流水号{done.serial_no}，网上学习，申请时间2026年12月1日 09:00" in pending.message
    # 公示 is the 公益网点's (tester: 完成学习考试或公示并办结后 was said for 网上学习)
    assert todo in pending.message and pending.message.endswith("。学习考试合格并办结后才能再次申请。")
    assert "公示" not in pending.message


def test_points_study_public_site_says_where_the_sites_are_listed(env, people) -> None:
    acc = account_id(env, people["points_study"])
    done = applications.submit(env, STUDY, acc, {"way": "公益网点"})
    assert done.note.startswith("申请已受理（公益网点）。请到公益网点参加公益活动") and STUDY_APP in done.note
    pending = _pending(env, STUDY, acc).message
    assert STUDY_APP in pending and pending.endswith("后驾驶证减1分。公示期满并办结后才能再次申请。")


def test_review_online_names_the_app_and_its_3_days(env, people) -> None:
    acc = account_id(env, people["lorry_driver"])
    prepared = applications.prepare(env, REVIEW, acc)
    assert REVIEW_APP in prepared.intro
    done = applications.submit(env, REVIEW, acc, {"way": "网络教育", "declaration": "1"})  # 2026-12-01 09:00
    # within 3 days of the application (the counter finishes it only then), not by the review's last day
    todo = f"请在2026年12月4日 09:00前{REVIEW_APP}，完成网络教育学习（网络教育学时不少于3小时"
    assert todo in done.note and todo in _sms(env, acc)
    pending = _pending(env, REVIEW, acc)
    assert pending.serial_no == done.serial_no and f"业务流水号{done.serial_no}，网络教育" in pending.message
    assert todo in pending.message
    env.clock.advance(days=3, minutes=1)  # past them: the counter turns it back, then she applies again
    lapsed = _pending(env, REVIEW, acc)
    assert lapsed.serial_no == done.serial_no and todo not in lapsed.message
    assert lapsed.message.endswith("网络教育须在申请后3日内完成，已于2026年12月4日 09:00超过期限，"
                                   "不能办结，请到车管所窗口退办该申请后重新申请。")


def test_review_on_site_pending_says_the_session_and_its_place(env, people) -> None:
    acc = account_id(env, people["coach_driver"])
    prepared = applications.prepare(env, REVIEW, acc)
    session = prepared.choices["session_0"][0][1]  # 2026-12-02 09:00-12:00 渝中车管所
    done = applications.submit(env, REVIEW, acc, {"way": "现场教育", "city": "重庆", "session_0": session,
                                                  "declaration": "1"})
    pending = _pending(env, REVIEW, acc)
    assert pending.serial_no == done.serial_no
    assert "请于2026年12月2日 09:00到渝中车管所（重庆市渝中区" in pending.message


def test_points_study_made_meanwhile_at_another_kiosk_names_its_way(env, people) -> None:
    """The write's own check (two kiosks, one account): the way of the one made first decides the
    sentence, 公示 only for 公益网点."""
    acc = account_id(env, people["points_study"])
    second = applications.prepare(env, STUDY, acc)  # kiosk 2 opened the form first
    applications.submit(env, STUDY, acc, {"way": "网上学习"})
    with pytest.raises(DomainError) as err:
        apply_late(env, STUDY, acc, {"way": "公益网点"}, second)
    assert err.value.message == "您已有一项学法减分申请（网上学习）正在受理中，学习考试合格并办结后才能再次申请"
