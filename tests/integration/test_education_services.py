"""学法减分 and 驾驶人审验教育 on the generic flow, and the counter finishing them (real SQLite file)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select, update

from kiosk.db.models import Application, AuditEntry, DrivingLicence, Message
from kiosk.domain.errors import DomainError
from kiosk.domain.points import cycle_of
from kiosk.services import applications, counter_applications
from kiosk.services.points_study import PointsStudy
from kiosk.services.review_education import ReviewEducation
from kiosk.services.staff import StaffSession
from tests.booking_helpers import account_id

CLERK = StaffSession("J1001", "王警官", ("counter",))
STUDY, REVIEW = PointsStudy(), ReviewEducation()


def points(env, acc: int) -> int:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return s.scalar(select(DrivingLicence.points).where(DrivingLicence.account_id == acc))


def refusal(env, service, acc: int) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as err:
        applications.prepare(env, service, acc)
    return err.value.message


# 学法减分 -----------------------------------------------------------------------------------

def test_points_study_is_taken_and_the_counter_reduces_one_point(env, people) -> None:
    acc = account_id(env, people["points_study"])
    prepared = applications.prepare(env, STUDY, acc)
    assert "当前记分：4分" in prepared.intro and "本周期已学法减分0分" in prepared.intro
    assert "学满30分钟" in prepared.context["intros"]["网上学习"]  # type: ignore[index]
    assert "为期2天活动结果公示" in prepared.context["intros"]["公益网点"]  # type: ignore[index]
    with pytest.raises(DomainError) as err:
        applications.check(STUDY, {"way": ""}, prepared)
    assert err.value.field == "way"
    done = applications.submit(env, STUDY, acc, {"way": "网上学习"})
    assert (done.title, done.status) == ("学法减分", "受理中")
    assert points(env, acc) == 4  # nothing is reduced before the study and the exam
    # a second application while this one is open is refused before anything is filled in
    assert "正在受理中" in refusal(env, STUDY, acc)
    assert counter_applications.finish_choices("points_study", "受理中") == ("学习考试合格", "公益活动公示期满")
    with pytest.raises(DomainError, match="办结方式应为：学习考试合格"):
        counter_applications.finish(env, CLERK, acc, done.serial_no, "公益活动公示期满")
    env.clock.advance(minutes=29)  # 30 minutes of study, then the exam: not finished the minute it was filed
    with pytest.raises(DomainError, match="累计学满30分钟.*最早可于2026-12-01 09:30办结"):
        counter_applications.finish(env, CLERK, acc, done.serial_no, "学习考试合格")
    assert points(env, acc) == 4
    env.clock.advance(minutes=1)
    handled = counter_applications.finish(env, CLERK, acc, done.serial_no, "学习考试合格")
    assert handled.note == "学习考试合格，驾驶证记分减1分，当前记分3分"
    assert points(env, acc) == 3
    (view,) = applications.list_for(env, acc)
    assert [e.status for e in view.events] == ["受理中", "已办结"] and view.payload == {"way": "网上学习"}
    with env.db.read() as s:
        assert s.scalar(select(AuditEntry.detail).where(AuditEntry.action == "points_study")).startswith(done.serial_no)
        sms = list(s.scalars(select(Message.body).where(Message.account_id == acc, Message.channel == "sms")))
    assert any("当前记分3分" in b for b in sms)
    # the next application is open again, with the reduction counted
    assert "本周期已学法减分1分" in applications.prepare(env, STUDY, acc).intro


def test_at_most_six_points_a_cycle(env, people) -> None:
    acc = account_id(env, people["points_study"])
    with env.db.write() as s:
        s.execute(update(DrivingLicence).where(DrivingLicence.account_id == acc).values(points=11))
    for n in range(6):
        serial = applications.submit(env, STUDY, acc, {"way": "公益网点"}).serial_no
        env.clock.advance(days=2)
        counter_applications.finish(env, CLERK, acc, serial, "公益活动公示期满")
    assert points(env, acc) == 5
    assert "已达每个记分周期6分的上限" in refusal(env, STUDY, acc)


def _full_score_finished(env, acc: int, on: date, serial: str) -> None:  # type: ignore[no-untyped-def]
    """满分教育 finished (复核) on ``on``: its points cleared, a record of a full score."""
    at = datetime.combine(on, time(10))
    with env.db.write() as s:
        s.add(Application(serial_no=serial, account_id=acc, kind="full_score", title="满分学习考试", status="已办结",
                          payload={}, terminal_id="test", created_at=at, updated_at=at))


def test_two_full_scores_in_this_or_the_last_cycle_exclude(env, people) -> None:
    """L163 Art 26 (RULES.md: 2+ full scores in this or the last cycle): counted from the 满分教育
    the counter finished in each 记分周期, at the kiosk and again at the counter's re-check."""
    acc = account_id(env, people["points_study"])  # 宋佳, 4 points; today 2026-12-01
    with env.db.read() as s:
        first = s.scalar(select(DrivingLicence.first_issued_on).where(DrivingLicence.account_id == acc))
    start, _ = cycle_of(first, date(2026, 12, 1))
    _full_score_finished(env, acc, start - timedelta(days=400), "F0000000000000000001")  # two cycles back
    _full_score_finished(env, acc, start - timedelta(days=300), "F0000000000000000002")  # the last cycle
    _full_score_finished(env, acc, start, "F0000000000000000003")  # this one
    serial = applications.submit(env, STUDY, acc, {"way": "网上学习"}).serial_no  # one in each: may apply
    _full_score_finished(env, acc, start - timedelta(days=1), "F0000000000000000004")  # the last cycle's 2nd
    env.clock.advance(minutes=30)
    with pytest.raises(DomainError, match="再次复核不符合减分条件：上一个记分周期内有2次满分教育记录，不能申请学法减分"):
        counter_applications.finish(env, CLERK, acc, serial, "学习考试合格")
    assert points(env, acc) == 4
    with env.db.write() as s:
        s.execute(update(Application).where(Application.serial_no == serial).values(status="已退办"))
    assert refusal(env, STUDY, acc) == "上一个记分周期内有2次满分教育记录，不能申请学法减分"


def test_public_service_study_is_finished_after_its_two_day_publicity(env, people) -> None:
    acc = account_id(env, people["points_study"])
    serial = applications.submit(env, STUDY, acc, {"way": "公益网点"}).serial_no
    env.clock.advance(days=1, hours=23, minutes=59)
    with pytest.raises(DomainError, match="公示2天无异议，申请时间为2026-12-01 09:00，最早可于2026-12-03 09:00办结"):
        counter_applications.finish(env, CLERK, acc, serial, "公益活动公示期满")
    assert points(env, acc) == 4
    env.clock.advance(minutes=1)
    assert counter_applications.finish(env, CLERK, acc, serial, "公益活动公示期满").status == "已办结"
    assert points(env, acc) == 3


def test_online_study_not_done_within_3_days_lapses(env, people) -> None:
    acc = account_id(env, people["points_study"])
    old = applications.submit(env, STUDY, acc, {"way": "网上学习"}).serial_no
    env.clock.advance(days=3, minutes=1)
    with pytest.raises(DomainError, match="网上学习须在申请后3日内完成.*不能办结。请退办"):
        counter_applications.finish(env, CLERK, acc, old, "学习考试合格")
    assert points(env, acc) == 4
    # the form says so before the new application ends it (it said nothing: tester)
    assert (f"您的学法减分申请（业务流水号{old}，网上学习）须在申请后3日内完成，已于2026年12月4日 09:00超过期限；"
            "提交本次申请后，该申请将退办。") in applications.prepare(env, STUDY, acc).intro
    # the lapsed application does not hold the citizen up: a new one is taken and the old one ends
    new = applications.submit(env, STUDY, acc, {"way": "网上学习"}).serial_no
    with env.db.read() as s:
        statuses = dict(s.execute(select(Application.serial_no, Application.status)
                                  .where(Application.serial_no.in_((old, new)))).all())
    assert statuses == {old: "已退办", new: "受理中"}
    (_, lapsed) = applications.list_for(env, acc)
    assert lapsed.serial_no == old and "3日内完成" in lapsed.events[-1].note
    with env.db.read() as s:  # in the audit log, as a clerk's 退办 would be (tester: it was not)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "points_study_lapsed")).one()
        assert (entry.actor, entry.account_id, entry.detail) == ("system", acc, f"{old} 已退办（网上学习超过3日）")
        # told by message and SMS, as a clerk's 退办 is, as 审验教育's lapsed 网络教育 is (it was silent: tester)
        said = f"您的学法减分申请（业务流水号{old}）已退办：网上学习未在申请后3日内完成，本申请已失效，已重新申请学法减分。"
        told = {(m.channel, m.title) for m in s.scalars(select(Message).where(Message.account_id == acc))
                if m.body.endswith(said)}
        assert told == {("inbox", "学法减分（已退办）"), ("sms", "")}, told
    env.clock.advance(minutes=30)
    assert counter_applications.finish(env, CLERK, acc, new, "学习考试合格").status == "已办结"
    assert points(env, acc) == 3


def test_the_counter_re_checks_at_completion(env, people) -> None:
    acc = account_id(env, people["points_study"])
    serial = applications.submit(env, STUDY, acc, {"way": "网上学习"}).serial_no
    env.clock.advance(hours=1)
    with env.db.write() as s:  # the licence was suspended meanwhile
        s.execute(update(DrivingLicence).where(DrivingLicence.account_id == acc).values(status="D"))
    with pytest.raises(DomainError, match="再次复核不符合减分条件：驾驶证处于暂扣期间"):
        counter_applications.finish(env, CLERK, acc, serial, "学习考试合格")
    assert points(env, acc) == 4
    with env.db.read() as s:
        assert s.scalar(select(Application.status).where(Application.serial_no == serial)) == "受理中"


@pytest.mark.parametrize(("key", "words"), [
    ("probation", "实习期内"),
    ("car_overdue", "渝A9K006超过检验有效期"),
    ("violation", "违法未处理"),
    ("suspended", "暂扣期间"),
    ("full_score", "已满12分"),
    ("driver_normal", "本记分周期没有记分记录，无需申请学法减分"),
    ("no_licence", "没有机动车驾驶证"),
])
def test_points_study_refusals_come_before_the_form(env, people, key, words) -> None:
    assert words in refusal(env, STUDY, account_id(env, people[key]))


# 驾驶人审验教育 -----------------------------------------------------------------------------

def test_nine_points_on_site_only_with_a_session_and_the_declaration(env, people) -> None:
    acc = account_id(env, people["coach_driver"])
    prepared = applications.prepare(env, REVIEW, acc)
    assert prepared.choices["way"] == [("现场教育", "现场教育")] and prepared.initial["way"] == "现场教育"
    assert "只能选择现场教育" in prepared.intro and "2027年11月" in prepared.intro
    assert prepared.choices["city"][0] == ("重庆", "重庆")  # the issuing city first
    declaration = next(f for f in prepared.fields if f.kind == "agree")
    assert "《机动车驾驶人身体情况申报》" in declaration.note
    sessions = prepared.choices["session_0"]
    # 2026-12-01 is a Tuesday: 渝中 Mon/Wed/Fri, 沙坪坝 Tue/Thu, 四分所 Wed, from tomorrow
    assert sessions[0] == ("12月2日 周三 09:00-12:00 渝中车管所", "2026-12-02 09:00-12:00 渝中车管所")
    form = {"way": "网络教育", "city": "重庆", "session_0": "", "declaration": "1"}
    with pytest.raises(DomainError) as err:
        applications.check(REVIEW, form, prepared)
    assert err.value.field == "way" and "只能选择现场教育" in err.value.message
    form["way"] = "现场教育"
    with pytest.raises(DomainError) as err:
        applications.check(REVIEW, form, prepared)
    assert err.value.field == "session_0"
    form["session_0"] = sessions[1][1]
    form["declaration"] = ""
    with pytest.raises(DomainError) as err:
        applications.check(REVIEW, form, prepared)
    assert err.value.field == "declaration"
    form["declaration"] = "1"
    checked = applications.check(REVIEW, form, prepared)
    assert ("教育场次", "12月2日 周三 09:00-12:00 车管所四分所") in checked.summary
    assert ("地点", "重庆市万州区外贸路75号") in checked.summary
    done = applications.submit(env, REVIEW, acc, form)
    assert done.status == "受理中" and "参加现场教育" in done.note
    (view,) = applications.list_for(env, acc)
    assert view.payload["session"] == sessions[1][1] and view.payload["declaration"] == "已阅读并同意"
    assert "正在受理中" in refusal(env, REVIEW, acc)
    # not before the session's day; then finished, and this cycle's education is done
    with pytest.raises(DomainError, match="现场教育场次于2026-12-02 12:00结束，结束后才能办结"):
        counter_applications.finish(env, CLERK, acc, done.serial_no, "已完成现场教育")
    env.clock.advance(days=3)
    with pytest.raises(DomainError, match="办结方式应为：已完成现场教育"):
        counter_applications.finish(env, CLERK, acc, done.serial_no, "已完成网络学习")
    handled = counter_applications.finish(env, CLERK, acc, done.serial_no, "已完成现场教育")
    assert handled.note.startswith("审验教育已完成（现场教育，")
    assert "已完成" in refusal(env, REVIEW, acc)


def test_below_nine_points_online_in_the_issuing_city(env, people) -> None:
    acc = account_id(env, people["lorry_driver"])
    prepared = applications.prepare(env, REVIEW, acc)
    assert [v for _, v in prepared.choices["way"]] == ["现场教育", "网络教育"] and prepared.initial["way"] == ""
    assert prepared.choices["city"][0] == ("连云港", "连云港")
    done = applications.submit(env, REVIEW, acc, {"way": "网络教育", "declaration": "1"})
    (view,) = applications.list_for(env, acc)
    assert view.payload == {"way": "网络教育", "city": "连云港", "declaration": "已阅读并同意"}
    assert "不少于3小时" in done.note
    # not before its 3 hours could have been studied (education tester: finished 54 minutes after applying)
    with pytest.raises(DomainError, match="网络教育须累计学习不少于3小时.*最早可于"):
        counter_applications.finish(env, CLERK, acc, done.serial_no, "已完成网络学习")
    env.clock.advance(hours=3)
    handled = counter_applications.finish(env, CLERK, acc, done.serial_no, "已完成网络学习")
    assert handled.note == "审验教育已完成（网络教育）"


def test_online_review_education_not_done_within_3_days_is_not_finished(env, people) -> None:
    """网络教育: ≥3 hours within at most 3 days (RULES.md); later the counter can only 退办 it."""
    acc = account_id(env, people["lorry_driver"])
    done = applications.submit(env, REVIEW, acc, {"way": "网络教育", "declaration": "1"})
    env.clock.advance(days=3)  # the last moment: still finished
    assert REVIEW.finish_problem({"way": "网络教育"}, datetime(2026, 12, 1, 9), env.clock.now(), "已完成网络学习") is None
    env.clock.advance(minutes=1)
    with pytest.raises(DomainError) as late:
        counter_applications.finish(env, CLERK, acc, done.serial_no, "已完成网络学习")
    assert late.value.message == ("网络教育须在申请后3日内完成，申请时间为2026-12-01 09:00，已于2026-12-04 09:00"
                                  "超过期限，不能办结。请退办，本人可重新申请")
    with env.db.read() as s:
        assert s.scalar(select(Application.status).where(Application.serial_no == done.serial_no)) == "受理中"


@pytest.mark.parametrize(("key", "words"), [
    ("points_study", "无需参加审验教育"),  # C1
    ("truck_driver", "没有记分记录"),  # A2 without points
    ("full_score", "满分教育"),
    ("revoked", "吊销"),
])
def test_review_education_refusals(env, people, key, words) -> None:
    assert words in refusal(env, REVIEW, account_id(env, people[key]))


def test_review_education_offers_no_session_on_a_public_holiday(env, people) -> None:
    from datetime import datetime

    acc = account_id(env, people["coach_driver"])
    env.clock.at = datetime(2026, 9, 24, 9, 0)  # the day before 中秋, a week before 国庆
    prepared = applications.prepare(env, REVIEW, acc)
    days = {value[:10] for field, options in prepared.choices.items() if field.startswith("session_")
            for _, value in options}
    assert days and not days & {"2026-09-25", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"}
    env.clock.at = datetime(2026, 12, 25, 9, 0)
    prepared = applications.prepare(env, REVIEW, acc)
    days = {value[:10] for field, options in prepared.choices.items() if field.startswith("session_")
            for _, value in options}
    assert "2027-01-04" in days and "2027-01-01" not in days


def test_review_education_asks_for_the_declaration_before_the_session(env, people) -> None:
    """Seed 002 section 六: 选择现场教育城市 > 阅读《机动车驾驶人身体情况申报》 > 选择一天教育场次 (tester:
    the sessions came before the declaration)."""
    names = [f.name for f in applications.prepare(env, REVIEW, account_id(env, people["coach_driver"])).fields]
    sessions = [i for i, n in enumerate(names) if n.startswith("session_")]
    assert sessions and names.index("city") < names.index("declaration") < min(sessions)


def test_the_counter_is_told_before_choosing_when_the_only_way_would_be_refused(env, people) -> None:
    """finish_blocked: the timing a clerk would only learn after choosing the one way offered."""
    acc = account_id(env, people["points_study"])
    serial = applications.submit(env, STUDY, acc, {"way": "网上学习"}).serial_no
    (view,) = applications.list_for(env, acc)

    def blocked() -> str | None:
        return counter_applications.finish_blocked(view.kind, view.status, view.payload, view.created_at,
                                                   env.clock.now())

    assert "最早可于2026-12-01 09:30办结" in (blocked() or "")
    env.clock.advance(minutes=30)
    assert blocked() is None
    env.clock.advance(days=3)
    assert "不能办结。请退办" in (blocked() or "")
    assert counter_applications.finish_blocked(view.kind, "已办结", view.payload, view.created_at,
                                               env.clock.now()) is None  # not the counter's to finish
    assert serial == view.serial_no
