"""考试预约 and the learner permit (学习驾驶证明): no 优先预约 before it is issued, its last day cut at the
class's upper age limit, and the ranking rule's wording after a booking that ended 未安排."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from kiosk.db.models import Account, Booking, ExamSession, LearnerPermit
from kiosk.domain.errors import DomainError
from kiosk.services import booking_query, booking_submit, profile
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.demo_people import Person
from tests.booking_helpers import account_id, add_learners, sessions

SEED_RULE_1_K2 = "首次预约科目二考试的，以受理用户初次申领机动车驾驶证等业务的时间为排序时间"


def test_no_priority_booking_before_the_permit_is_issued(env, people):
    """Reviewer: 科目一, accepted 2024-01-10, no permit: 切换至优先预约 offered with 您的学习驾驶证明将于
    2027年1月9日到期, to one who has no 学习驾驶证明."""
    p = people["learner_new"]
    aid = account_id(env, p)
    with env.db.write() as s:
        s.execute(update(LearnerPermit).where(LearnerPermit.account_id == aid)
                  .values(accepted_at=datetime(2024, 1, 10, 10)))
    k1 = booking_query.overview(env, aid).subjects[0]
    assert k1.allowed and not k1.priority_allowed and k1.priority_note == ""
    assert "学习驾驶证明" not in k1.priority_note
    rows = sessions(env, p, 1, "2026-12-04", "2026-12-06")
    with pytest.raises(DomainError, match="尚未取得学习驾驶证明"):
        booking_submit.check(env, aid, BookingRequest(1, "priority", (rows[0].id,)))


def _b2_learner(env) -> int:  # type: ignore[no-untyped-def]
    """A B2 learner born 1962-12-20 (64 on 2026-12-20, over the 20-63 limit), permit issued 2026-09-01
    and stored with the 3 years (a row from before the cut): it ends 2026-12-19 all the same."""
    learner = add_learners(env, 1, cls="B2", issued_days_ago=91)[0]
    aid = account_id(env, learner)
    old = Person("old", "老学员", "500103", "19621220", 901, "test")
    with env.db.write() as s:
        s.execute(update(Account).where(Account.id == aid).values(id_number=old.id_number))
        assert s.scalars(select(LearnerPermit.valid_to).where(LearnerPermit.account_id == aid)).one() \
            == date(2029, 8, 31)
    return aid


def test_the_permit_ends_at_the_age_limit(env):
    aid = _b2_learner(env)
    ov = booking_query.overview(env, aid)
    assert ov.permit_text == "学习驾驶证明有效期至2026年12月19日（不超过申请年龄上限63周岁）"
    k2 = ov.subjects[1]  # under 6 months left: 优先预约, its note with the same end
    assert k2.allowed and k2.priority_allowed
    assert k2.priority_note.startswith("您的学习驾驶证明将于2026年12月19日（不超过申请年龄上限63周岁）到期（不足6个月）")
    found = booking_query.query_sessions(env, aid, 2, date(2026, 12, 4), date(2026, 12, 31))
    assert found.permit_until == date(2026, 12, 19) and max(r.exam_date for r in found.rows) <= date(2026, 12, 19)
    assert found.permit_note == "（不超过申请年龄上限63周岁）"
    with pytest.raises(DomainError, match="有效期至2026年12月19日（不超过申请年龄上限63周岁），只能预约此前"):
        booking_query.query_sessions(env, aid, 2, date(2026, 12, 20), date(2026, 12, 31))
    with env.db.read() as s:
        later = s.scalars(select(ExamSession.id).where(ExamSession.subject == 2, ExamSession.classes.contains("B2"),
                                                       ExamSession.exam_date > date(2026, 12, 19))).first()
    if later is not None:  # a session after the end is refused as the query leaves it out
        with pytest.raises(DomainError, match="只能预约此前"):
            booking_submit.check(env, aid, BookingRequest(2, "self", (later,)))
    page = profile.licence_page(env, aid).permit
    assert page is not None and page.valid_to == date(2026, 12, 19) and page.age_note == "（不超过申请年龄上限63周岁）"


def test_the_ranking_rule_after_a_booking_that_ended_unplaced(env):
    """Reviewer: after a 科目二 application that ended 未安排, 依据 said 首次预约科目二考试的."""
    learner = add_learners(env, 1)[0]
    aid = account_id(env, learner)
    first = booking_query.query_sessions(env, aid, 2, date(2026, 12, 4), date(2026, 12, 6)).ranking
    assert first is not None and first.rule_text == SEED_RULE_1_K2  # a real first booking: the seed's words
    with env.db.write() as s:
        permit = s.scalars(select(LearnerPermit).where(LearnerPermit.account_id == aid)).one()
        s.add(Booking(account_id=aid, permit_id=permit.id, subject=2, licence_class="C1", mode="system", choices=[],
                      ranking_time=permit.accepted_at, status="unplaced", created_at=env.clock.now() - timedelta(days=9),
                      range_from=date(2026, 11, 25), range_to=date(2026, 11, 28)))
    again = booking_query.query_sessions(env, aid, 2, date(2026, 12, 4), date(2026, 12, 6)).ranking
    assert again is not None and again.at == first.at
    assert again.rule_text == "未参加过科目二考试且未取消过预约的，以受理用户初次申领机动车驾驶证等业务的时间为排序时间"
