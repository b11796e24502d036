"""Exam booking services on a real SQLite file: overview, session query, normal and priority booking."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, update

from kiosk.db.models import Application, Booking, ExamPlan, ExamSession, Message, SmsCode
from kiosk.domain.errors import Conflict, DomainError
from kiosk.domain.dates import format_days
from kiosk.services import booking_query, booking_submit
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, add_learners, book, sessions
from tests.conftest import last_sms_code


def test_overview_lists_every_subject_with_its_reason(env, people):
    ov = booking_query.overview(env, account_id(env, people["failed_k2"]))
    by = {o.subject: o for o in ov.subjects}
    assert ov.class_text == "C1（小型汽车）" and ov.name_masked == "李*" and "*" in ov.id_masked
    assert not by[1].allowed and "已考试合格" in by[1].reason
    assert not by[2].allowed and "10日后" in by[2].reason and "2026年12月10日" in by[2].reason
    assert by[3].allowed and not by[3].priority_allowed
    assert booking_query.overview(env, account_id(env, people["permit_expiring"])).subjects[1].priority_allowed


def test_no_permit_gets_a_clear_message(env, people):
    with pytest.raises(DomainError, match="没有正在办理"):
        booking_query.overview(env, account_id(env, people["driver_normal"]))


def test_query_shows_only_open_plans_of_the_class(env, people):
    p = people["permit_expiring"]
    rows = sessions(env, p, 2, "2026-12-02", "2026-12-31")  # from tomorrow, the first day a range may start
    days = {r.exam_date for r in rows}
    # plans open 20 days ahead and close on the publication day (2 days before the exam)
    assert min(days) == date(2026, 12, 4) and max(days) <= date(2026, 12, 21)
    with env.db.read() as s:
        classes = set(s.scalars(select(ExamSession.classes).where(ExamSession.id.in_([r.id for r in rows]))))
    assert classes == {"C1C2C5"}
    site_rows = sessions(env, p, 2, "2026-12-02", "2026-12-31", site=rows[0].site_id)
    assert site_rows and {r.site_id for r in site_rows} == {rows[0].site_id}


def test_query_range_is_checked(env, people):
    aid = account_id(env, people["permit_expiring"])
    with pytest.raises(DomainError) as err:
        booking_query.query_sessions(env, aid, 2, date(2026, 12, 9), date(2026, 12, 5))
    assert err.value.field == "date_to" and "不能早于" in err.value.message


def test_normal_booking_is_pending_with_a_serial_and_counts_applicants(env, people):
    p = people["permit_expiring"]
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id, rows[1].id)))
    assert done.status == "受理中" and len(done.serial_no) == 16
    assert dict(done.summary)["姓名"] == p.name[0] + "*" * (len(p.name) - 1)  # masked, as on 科目确认
    with env.db.read() as s:
        app = s.scalars(select(Application).where(Application.serial_no == done.serial_no)).one()
        b = s.get(Booking, done.booking_id)
        assert app.status == "受理中" and b.application_id == app.id and b.status == "pending"
        assert app.title == "考试预约（科目二）"  # 网办进度 tells two bookings apart
        assert [s.get(ExamSession, r.id).applicants for r in rows[:3]] == [1, 1, 0]
        sms = s.scalars(select(Message.body).where(Message.phone == p.phone).order_by(Message.id.desc())).first()
        assert done.serial_no in sms
    again = booking_query.overview(env, account_id(env, p)).subjects[1]
    assert not again.allowed and "不能重复预约" in again.reason


def test_ranking_counts_earlier_applicants_for_an_overlapping_period(env, people):
    early, late = add_learners(env, 2)[::-1]  # the later index was accepted earlier
    rows = sessions(env, early, 2, "2026-12-04", "2026-12-05")
    book(env, early, BookingRequest(2, "self", (rows[0].id,)))
    ranking = booking_query.query_sessions(env, account_id(env, late), 2, date(2026, 12, 4), date(2026, 12, 5)).ranking
    assert ranking.position == 2 and ranking.planned == sum(r.seats for r in rows)
    assert ranking.text == f"当前排名 2 / 计划 {ranking.planned}，仅供参考"
    other = booking_query.query_sessions(env, account_id(env, late), 2, date(2026, 12, 8), date(2026, 12, 9)).ranking
    assert other.position == 1


def test_system_mode_counts_every_fitting_session(env, people):
    p = people["k3_ready"]
    rows = sessions(env, p, 3, "2026-12-05", "2026-12-07", site=1)
    book(env, p, BookingRequest(3, "system", (), date(2026, 12, 5), date(2026, 12, 7), 1))
    with env.db.read() as s:
        assert [s.get(ExamSession, r.id).applicants for r in rows] == [1] * len(rows)


@pytest.mark.parametrize(("req", "message"), [
    (BookingRequest(2, "self", ()), "请至少选择一个考试场次"),
    (BookingRequest(2, "system", (), date(2026, 12, 9), date(2026, 12, 4)), "不能早于"),
    (BookingRequest(2, "system", (), date(2027, 1, 20), date(2027, 1, 28)), "没有可预约的考试场次"),
    (BookingRequest(1, "self", (1,)), "已考试合格"),
])
def test_bad_requests_are_refused_before_the_code(env, people, req, message):
    with pytest.raises(DomainError, match=message):
        booking_submit.check(env, account_id(env, people["permit_expiring"]), req)


def test_a_session_of_a_closed_plan_is_refused(env, people):
    p = people["permit_expiring"]
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-04")
    with env.db.write() as s:
        plan_id = s.get(ExamSession, rows[0].id).plan_id
        s.execute(update(ExamPlan).where(ExamPlan.id == plan_id).values(publish_on=date(2026, 12, 1)))
    with pytest.raises(DomainError) as refused:
        booking_submit.check(env, account_id(env, p), BookingRequest(2, "self", (rows[0].id,)))
    assert refused.value.message == ("2026-12-04的场次已于2026年12月1日（预约结果公布日）截止网上预约，"
                                     "请重新查询后选择其他场次")  # why, not only 已截止预约或不可预约


def test_a_wrong_code_is_counted_and_nothing_is_booked(env, people):
    p = people["permit_expiring"]
    aid = account_id(env, p)
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-04")
    booking_submit.send_code(env, aid)
    wrong = "000000" if last_sms_code(env, p.phone) != "000000" else "111111"
    with pytest.raises(DomainError) as err:
        booking_submit.submit(env, aid, BookingRequest(2, "self", (rows[0].id,)), wrong)
    assert err.value.field == "code"
    with env.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Booking).where(Booking.status == "pending")) == 0
        assert s.scalars(select(SmsCode.attempts).order_by(SmsCode.id.desc())).first() == 1


def test_priority_booking_places_at_once_and_only_once_per_subject(env, people):
    p = people["permit_expiring"]
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06", priority=True)
    assert all(r.priority_free > 0 for r in rows)
    done = book(env, p, BookingRequest(2, "priority", (rows[0].id,)))
    assert done.status == "预约成功"
    with env.db.read() as s:
        session = s.get(ExamSession, rows[0].id)
        assert (session.priority_taken, session.placed) == (1, 1)
    option = booking_query.overview(env, account_id(env, p)).subjects[1]
    assert not option.priority_allowed


def test_priority_needs_the_window_and_a_free_quota(env, people):
    hu = people["k3_ready"]
    rows = sessions(env, hu, 3, "2026-12-04", "2026-12-06", priority=True)
    with pytest.raises(DomainError, match="不足6个月"):
        booking_submit.check(env, account_id(env, hu), BookingRequest(3, "priority", (rows[0].id,)))
    p = people["permit_expiring"]
    with env.db.write() as s:
        s.execute(update(ExamSession).where(ExamSession.id == rows[0].id)
                  .values(priority_taken=ExamSession.priority_quota, placed=ExamSession.priority_quota))
    assert rows[0].id not in [r.id for r in sessions(env, p, 3, "2026-12-04", "2026-12-06", priority=True)]
    with pytest.raises(Conflict, match="已被约满"):
        booking_submit.check(env, account_id(env, p), BookingRequest(3, "priority", (rows[0].id,)))


def test_the_write_transaction_rechecks_facts_that_changed_after_validation(env, people):
    """The request is validated in a read transaction; a second kiosk books the same subject
    before this one writes: the write transaction sees the changed facts and refuses."""
    from kiosk.services.booking import facts_stamp, load_facts

    p = people["permit_expiring"]
    aid = account_id(env, p)
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    req = BookingRequest(2, "self", (rows[0].id,))
    with env.db.read() as s:
        plan = booking_submit._plan(s, env, aid, req)
        assert facts_stamp(s, aid) == load_facts(s, aid).stamp == plan.facts.stamp  # unchanged: no second check
    book(env, p, BookingRequest(2, "self", (rows[1].id,)))  # the other kiosk
    with env.db.read() as s:
        assert facts_stamp(s, aid) != plan.facts.stamp
    with pytest.raises(DomainError, match="不能重复预约"), env.db.write() as s:
        booking_submit.book(s, env, aid, req, plan)
    with env.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Booking).where(
            Booking.account_id == aid, Booking.subject == 2, Booking.status == "pending")) == 1


def test_a_learner_books_only_sites_of_the_city_that_accepted_the_application(env, people):
    """王芳's permit is from Chongqing: the 连云港 sites are neither listed nor bookable."""
    from kiosk.db.models import ExamSite, Office

    p = people["permit_expiring"]
    aid = account_id(env, p)
    listed = {s.name for s in booking_query.sites(env, aid)}
    assert "渝中考场" in listed and not any("连云港" in n for n in listed)
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-20")
    with env.db.read() as s:
        lyg = set(s.scalars(select(ExamSite.id).join(Office).where(Office.city == "连云港")))
        other = s.scalars(select(ExamSession.id).where(ExamSession.site_id.in_(lyg), ExamSession.subject == 2,
                                                       ExamSession.exam_date == date(2026, 12, 4))).first()
    assert lyg and other is not None and rows and not {r.site_id for r in rows} & lyg
    with pytest.raises(DomainError, match="不可预约"):
        booking_submit.check(env, aid, BookingRequest(2, "self", (other,)))
    with pytest.raises(DomainError, match="没有可预约"):  # a 连云港 site by its id, system mode
        booking_submit.check(env, aid, BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 6),
                                                      min(lyg)))
    done = book(env, p, BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 6)))
    with env.db.read() as s:
        assert s.get(Booking, done.booking_id).city == "重庆"
        counted = set(s.scalars(select(ExamSession.site_id).where(  # not the demo learners' past exams
            ExamSession.applicants > 0, ExamSession.exam_date >= date(2026, 12, 4))))
    assert counted and not counted & lyg
    from kiosk.services import allocation_service

    with env.db.write() as s:  # Chongqing's sessions of that day are full: 连云港's are no way out
        s.execute(update(ExamSession).where(ExamSession.exam_date == date(2026, 12, 4), ExamSession.site_id.not_in(lyg))
                  .values(placed=ExamSession.seats))
    env.clock.advance(days=1)
    allocation_service.run(env, date(2026, 12, 2))
    with env.db.read() as s:
        b = s.get(Booking, done.booking_id)
        assert b.status == "pending" and b.session_id is None  # waits for the plans of 12-05 and 12-06
        assert s.scalar(select(func.count()).select_from(ExamSession).where(
            ExamSession.site_id.in_(lyg), ExamSession.placed > 0, ExamSession.exam_date >= date(2026, 12, 4))) == 0


def test_demo_permits_from_before_the_city_column_get_their_city(env, people):
    from kiosk.db.models import LearnerPermit
    from kiosk.services import demo

    aid = account_id(env, people["permit_expiring"])
    with env.db.write() as s:
        s.execute(update(LearnerPermit).where(LearnerPermit.account_id == aid).values(city=None))
    demo.after_upgrade(env)  # what a demo kiosk runs after migrating an older database
    with env.db.read() as s:
        assert set(s.scalars(select(LearnerPermit.city).where(LearnerPermit.account_id == aid))) == {"重庆"}


def test_the_confirm_step_names_the_publication_days(env, people):
    """Step 确认并提交 says when the results come: 自主选择场次, the publication day of each chosen
    session's plan; 服从系统安排, every plan its range may be placed in (the tester saw only the first)."""
    p = people["permit_expiring"]
    aid = account_id(env, p)
    rows = sessions(env, p, 2, "2026-12-05", "2026-12-09")
    with env.db.read() as s:
        publish = dict(s.execute(select(ExamSession.id, ExamPlan.publish_on).join(ExamPlan)
                                 .where(ExamSession.id.in_([r.id for r in rows]))).all())
    later = [r for r in rows if r.exam_date == date(2026, 12, 9)]
    checked = booking_submit.check(env, aid, BookingRequest(2, "self", (later[0].id, rows[0].id)))
    assert checked.publish_on == min(publish[later[0].id], publish[rows[0].id]) == publish[rows[0].id]
    both = sorted({publish[later[0].id], publish[rows[0].id]})
    listed = format_days(both)  # 2026年12月3日、12月7日
    assert len(both) == 2 and checked.publish_text == f"{listed}（共2天）"
    assert rows_from(checked.summary, "预约结果公布日") == [
        ("预约结果公布日", f"{listed}（共2天）"),  # a short row, then one short sentence (the tester: too heavy)
        ("温馨提示", "将在以上公布日依次按排名安排，安排成功后不再参加之后的安排。")]
    one = booking_submit.check(env, aid, BookingRequest(2, "self", (rows[0].id,)))
    first = publish[rows[0].id]
    assert rows_from(one.summary, "预约结果公布日") == [
        ("预约结果公布日", f"{first.year}年{first.month}月{first.day}日（当天截止网上预约，按排名安排考试）")]  # no 温馨提示
    system = booking_submit.check(env, aid, BookingRequest(2, "system", (), date(2026, 12, 5), date(2026, 12, 9)))
    assert system.publish_on == min(publish.values())
    days = sorted(set(publish.values()))
    assert len(days) > 1 and system.publish_text == f"{format_days(days)}（共{len(days)}天）"
    assert rows_from(system.summary, "预约结果公布日") == [
        ("预约结果公布日", f"{format_days(days)}（共{len(days)}天）"),
        ("温馨提示", "将在以上公布日依次按排名安排，安排成功后不再参加之后的安排。")]
    priority = booking_submit.check(env, aid, BookingRequest(2, "priority", (rows[0].id,)))
    assert priority.publish_on is None and any("不能在网上取消" in v for _k, v in priority.summary)


def rows_from(summary: list[tuple[str, str]], key: str) -> list[tuple[str, str]]:
    """The summary from the row named ``key`` on."""
    return summary[[k for k, _v in summary].index(key):]


def test_the_fifth_booking_is_announced_on_the_confirm_step(env, people):
    p = people["four_fails"]  # 郭涛: four failed 科目二 bookings
    rows = sessions(env, p, 2, "2026-12-05", "2026-12-09")
    checked = booking_submit.check(env, account_id(env, p), BookingRequest(2, "self", (rows[0].id,)))
    assert ("特别提示", "这是您科目二第5次预约考试，如考试和补考仍不合格，已考合格的科目成绩作废，须重新申请机动车驾驶证。") in checked.summary



def test_the_ranking_plan_is_the_planned_seats_of_the_sessions_listed(env, people, monkeypatch):
    """「当前排名 N / 计划 M」: M is what the table below it adds up to, as the screen says, also when
    the list stops at MAX_ROWS (a sum over the whole range cost 5 ms more at 300,000 sessions)."""
    p = people["permit_expiring"]
    aid = account_id(env, p)
    whole = booking_query.query_sessions(env, aid, 2, date(2026, 12, 4), date(2026, 12, 10))
    assert not whole.truncated and whole.ranking.planned == sum(r.seats for r in whole.rows)
    monkeypatch.setattr(booking_query, "MAX_ROWS", 3)
    listed = booking_query.query_sessions(env, aid, 2, date(2026, 12, 4), date(2026, 12, 10))
    assert listed.truncated and len(listed.rows) == 3
    assert listed.ranking.planned == sum(r.seats for r in listed.rows)


def test_no_session_after_the_learner_permit_ends(env, people):
    """学习驾驶证明 valid to 2026-12-06: later sessions are neither listed nor booked, in any mode."""
    p = add_learners(env, 1, permit_left_days=5)[0]
    aid = account_id(env, p)
    found = booking_query.query_sessions(env, aid, 2, date(2026, 12, 4), date(2026, 12, 12))
    assert found.rows and max(r.exam_date for r in found.rows) == date(2026, 12, 5)  # 12-06: a Sunday
    assert found.permit_until == date(2026, 12, 6)
    with pytest.raises(DomainError, match="有效期至2026年12月6日"):
        booking_query.query_sessions(env, aid, 2, date(2026, 12, 7), date(2026, 12, 12))
    later = sessions(env, people["permit_expiring"], 2, "2026-12-08", "2026-12-08", priority=True)[0]
    for mode in ("priority", "self"):
        with pytest.raises(DomainError, match="只能预约此前"):
            booking_submit.check(env, aid, BookingRequest(2, mode, (later.id,)))
    done = book(env, p, BookingRequest(2, "system", date_from=date(2026, 12, 4), date_to=date(2026, 12, 12)))
    assert ("预约时间段", "2026年12月4日至2026年12月6日") in done.summary
    with env.db.read() as s:
        assert s.scalars(select(Booking.range_to).where(Booking.account_id == aid, Booking.subject == 2)).one() \
            == date(2026, 12, 6)


def test_a_priority_seat_on_a_day_a_waiting_application_lists_is_said_first(env, people):
    """The tester's case: 王芳's 科目二 application (受理中) lists 12-07; a 科目三 priority seat on 12-07
    was taken with no word, and allocation then left the application out of that day. Now step
    确认并提交 says so before she books."""
    p = people["permit_expiring"]
    aid = account_id(env, p)
    k2 = sessions(env, p, 2, "2026-12-07", "2026-12-07")[0]
    book(env, p, BookingRequest(2, "self", (k2.id,)))
    k3 = sessions(env, p, 3, "2026-12-07", "2026-12-08", priority=True)
    same = [r for r in k3 if r.exam_date == date(2026, 12, 7)][0]
    other = [r for r in k3 if r.exam_date == date(2026, 12, 8)][0]
    warned = booking_submit.check(env, aid, BookingRequest(3, "priority", (same.id,)))
    assert ("特别提示", "您的科目二考试预约申请（受理中）包含2026年12月7日的场次。优先预约成功后，该申请所选场次均在这一天，"
            "将不能安排考试，结果公布后可重新预约其他场次（同一天只安排一个科目的考试）。") in warned.summary
    quiet = booking_submit.check(env, aid, BookingRequest(3, "priority", (other.id,)))
    assert not any(k == "特别提示" and "受理中" in v for k, v in quiet.summary)


def test_a_waiting_application_with_a_session_on_another_day_is_placed_there(env, people):
    """Its sessions on 12-07 and another day: a priority seat on 12-07 leaves it the other day's
    (只在其他场次中安排); with 12-07's alone it says it cannot be placed (tester: it said the former)."""
    p = people["permit_expiring"]
    aid = account_id(env, p)
    k2 = sessions(env, p, 2, "2026-12-07", "2026-12-12")
    days = sorted({r.exam_date for r in k2})
    assert days[0] == date(2026, 12, 7) and len(days) > 1
    two = (k2[0].id, next(r for r in k2 if r.exam_date != days[0]).id)
    book(env, p, BookingRequest(2, "self", two))
    same = [r for r in sessions(env, p, 3, "2026-12-07", "2026-12-07", priority=True)][0]
    warned = booking_submit.check(env, aid, BookingRequest(3, "priority", (same.id,)))
    assert ("特别提示", "您的科目二考试预约申请（受理中）包含2026年12月7日的场次。优先预约成功后，该申请不会再安排在这一天，"
            "只在其他场次中安排（同一天只安排一个科目的考试）。") in warned.summary


def test_no_warning_for_a_day_the_waiting_application_has_no_session(env, people):
    """服从系统安排 at one site: a 优先预约 on a day its range covers but where that site has no
    session of its subject is not warned about (the reviewer's over-warning)."""
    p = people["permit_expiring"]
    aid = account_id(env, p)
    k2 = sessions(env, p, 2, "2026-12-07", "2026-12-07")
    site = k2[0].site_id
    book(env, p, BookingRequest(2, "system", (), date(2026, 12, 7), date(2026, 12, 8), site))
    k3 = sessions(env, p, 3, "2026-12-07", "2026-12-07", priority=True)
    here = [r for r in k3 if r.site_id == site][0]
    warned = booking_submit.check(env, aid, BookingRequest(3, "priority", (here.id,)))
    assert any(k == "特别提示" and "科目二考试预约申请（受理中）包含2026年12月7日" in v for k, v in warned.summary)
    with env.db.write() as s:  # that site's 科目二 sessions of 12-07 gone: nothing to place her in that day
        from sqlalchemy import delete
        s.execute(delete(ExamSession).where(ExamSession.site_id == site, ExamSession.subject == 2,
                                            ExamSession.exam_date == date(2026, 12, 7)))
    quiet = booking_submit.check(env, aid, BookingRequest(3, "priority", (here.id,)))
    assert not any(k == "特别提示" and "受理中" in v for k, v in quiet.summary)
