"""驾驶证信息 for a learner (tester: 胡斌, no licence, a 学习驾驶证明, saw only 您名下没有机动车驾驶证):
the permit as the data model has it (class, dates, each subject) and where to go next."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import update

from kiosk.db.models import LearnerPermit
from kiosk.services import profile
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import book
from tests.integration.licence_helpers import account_id


def _page(env, people, key: str) -> profile.LicencePage:  # type: ignore[no-untyped-def]
    return profile.licence_page(env, account_id(env, people[key]))


def test_a_learner_sees_his_permit_subjects_and_the_next_step(env, people) -> None:
    today = env.clock.now().date()
    page = _page(env, people, "k3_ready")  # 胡斌: C2, 科目一 and 科目二 passed
    p = page.permit
    assert page.licence is None and p is not None
    assert p.licence_class == "C2（小型自动挡汽车）"
    assert p.accepted_on == today - timedelta(days=150) and p.issued_on == today - timedelta(days=120)
    assert p.valid_to is not None and p.valid_to > today
    assert p.subjects == (("科目一", "已合格"), ("科目二", "已合格"), ("科目三", "未考"), ("科目四", "未考"))
    assert p.next_step == "可在【考试预约】中预约科目三考试。"


def test_a_booked_subject_says_so_and_where_to_look(env, people) -> None:
    book(env, people["k3_ready"], BookingRequest(3, "system", (), date(2026, 12, 5), date(2026, 12, 7), 1))
    p = _page(env, people, "k3_ready").permit
    assert p is not None and ("科目三", "预约受理中") in p.subjects
    assert p.next_step == "科目三已预约，可在【考试预约结果公布】中查看考试安排。"


def test_before_the_first_exam_and_while_waiting(env, people) -> None:
    new = _page(env, people, "learner_new").permit  # 张伟: 科目一 not taken, no permit issued yet
    assert new is not None and new.issued_on is None and new.valid_to is None
    assert new.next_step == "可在【考试预约】中预约科目一考试。"
    waiting = _page(env, people, "waiting_b2").permit  # 朱红: B2, 20 days after the permit
    assert waiting is not None and waiting.next_step.startswith("科目二须在取得学习驾驶证明满20日后预约")
    assert waiting.next_step.endswith("届时请在【考试预约】中预约考试。")
    failed = _page(env, people, "failed_k2").permit  # 李娜: 科目二 failed twice yesterday
    assert failed is not None and ("科目二", "未合格") in failed.subjects


def test_an_expired_permit_sends_no_one_to_book(env, people) -> None:
    aid = account_id(env, people["k3_ready"])
    with env.db.write() as s:
        s.execute(update(LearnerPermit).where(LearnerPermit.account_id == aid)
                  .values(valid_to=env.clock.now().date() - timedelta(days=1)))
    p = profile.licence_page(env, aid).permit
    assert p is not None and "过期" in p.next_step and "【考试预约】" not in p.next_step


def test_no_permit_no_permit_lines(env, people) -> None:
    assert _page(env, people, "driver_normal").permit is None
    page = _page(env, people, "no_licence")
    assert page.licence is None and page.permit is None


def test_a_permit_void_after_five_failed_bookings_is_marked_so(env, people) -> None:
    """郭涛's fifth 科目二 booking fails: 驾驶证信息 marks the permit's date （已作废） as the counter and
    考试预约 do (domain permit_used_up), beside the sentence saying why."""
    from kiosk.services import exam_results
    from kiosk.ui.screens.records import permit_lines
    from tests.integration.test_counter_exam_outcomes import VOID, _placed
    aid, bid, _ = _placed(env, people["four_fails"])
    assert not profile.licence_page(env, aid).permit.void  # type: ignore[union-attr]
    exam_results.record(env, bid, score=60, attempt=1)
    exam_results.record(env, bid, score=70, attempt=2)
    p = profile.licence_page(env, aid).permit
    assert p is not None and p.void and p.next_step == VOID + "。"
    assert f"有效期至：{p.valid_to:%Y-%m-%d}（已作废）" in "".join(str(x) for x in permit_lines(p))
