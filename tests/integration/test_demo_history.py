"""The demo learners' finished exam bookings are complete as real ones: a session of a past plan
(date, time, exam site of the learner's city), a 网办 application whose timeline says when and
where, the fee paid after the seat was given and before the exam, and the results in that session."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from kiosk.db.models import Application, Booking, ExamPlan, ExamResult, ExamSession, ExamSite, LearnerPermit, Office
from kiosk.services import applications, booking_query, booking_records, messaging
from tests.booking_helpers import account_id
from tests.conftest import NOW

def test_every_finished_demo_booking_has_a_past_session_in_its_city(env, people):
    with env.db.read() as s:
        rows = s.execute(select(Booking, ExamSession, ExamPlan, LearnerPermit, Office.city)
                         .join(ExamSession, ExamSession.id == Booking.session_id, isouter=True)
                         .join(ExamPlan, ExamPlan.id == ExamSession.plan_id, isouter=True)
                         .join(LearnerPermit, LearnerPermit.id == Booking.permit_id)
                         .join(ExamSite, ExamSite.id == ExamSession.site_id, isouter=True)
                         .join(Office, Office.id == ExamSite.office_id, isouter=True)).all()
        assert len(rows) == 7 + 1 + 1 + 4  # 科目一 of the 7 permits issued (曹宇's too), 李娜's and 胡斌's 科目二, 郭涛's four
        for b, session, plan, permit, city in rows:
            assert session is not None and b.status == "done" and b.application_id is not None
            assert city == permit.city and permit.licence_class in session.classes and session.subject == b.subject
            exam = datetime.combine(session.exam_date, session.start_time)
            assert plan.booking_opens_at <= b.created_at and b.created_at >= permit.accepted_at
            assert plan.allocated_at is not None and b.created_at < plan.allocated_at < b.fee_paid_at < exam < NOW
            assert session.placed >= 1 and session.applicants >= 1
            results = s.scalars(select(ExamResult.taken_at).where(ExamResult.booking_id == b.id)).all()
            assert results and min(results) == exam


def test_the_records_say_when_and_where(env, people):
    """李娜 failed 科目二 twice yesterday: her booking and 网办进度 say at what time and where."""
    aid = account_id(env, people["failed_k2"])
    k2 = next(b for b in booking_records.my_bookings(env, aid) if b.subject == 2)
    yesterday = (NOW - timedelta(days=1)).date()
    assert k2.when == f"{yesterday:%Y-%m-%d} 08:30" and k2.site_name and k2.site_address and k2.serial_no
    assert k2.status_text == "考试不合格"  # as 网办进度 says it
    (app,) = [a for a in applications.list_for(env, aid) if a.serial_no == k2.serial_no]
    assert app.title == "考试预约（科目二）" and app.status == "考试不合格"
    assert [e.status for e in app.events] == ["受理中", "预约成功", "已缴费", "考试不合格", "考试不合格"]
    assert app.events[1].note.startswith(f"预约成功：{yesterday:%Y-%m-%d} 08:30 {k2.site_name}（{k2.site_address}）")
    assert "本次预约的考试和补考均不合格" in app.events[-1].note
    with env.db.read() as s:
        payload = s.scalar(select(Application.payload).where(Application.serial_no == k2.serial_no))
    assert f"考试场次：{k2.when} {k2.site_name}（{k2.site_address}）" in payload["summary"]
    assert payload["fee"]["amount"] > 0  # the receipt 网办进度 shows under 已缴费


def test_the_history_still_decides_what_may_be_booked(env, people):
    """The same rules as before the bookings had sessions: 李娜 waits 10 days, 郭涛's next is his fifth."""
    by = {o.subject: o for o in booking_query.overview(env, account_id(env, people["failed_k2"])).subjects}
    assert not by[2].allowed and "2026年12月10日" in by[2].reason and by[3].allowed
    by = {o.subject: o for o in booking_query.overview(env, account_id(env, people["four_fails"])).subjects}
    assert by[2].allowed and not by[1].allowed


def test_the_history_has_the_past_inbox_messages_and_sms_the_services_sent(env, people):
    """李娜's 科目二 booking: 受理中, 预约成功, 已缴费 and the two results each told her in the inbox
    and by SMS, at the timeline's times, in the words the booking, allocation, payment and result
    services use (already read: it is the past); her 科目一 booking likewise."""
    person = people["failed_k2"]
    aid = account_id(env, person)
    k2 = next(b for b in booking_records.my_bookings(env, aid) if b.subject == 2)
    (app,) = [a for a in applications.list_for(env, aid) if a.serial_no == k2.serial_no]
    serial, (accepted, placed, paid, first, second) = app.serial_no, app.events
    expected = [
        (accepted.at, "科目二考试预约（受理中）", f"您的科目二考试预约（业务流水号{serial}）：{accepted.note}"),  # the entries read as sentences, with their 。
        (placed.at, "科目二考试预约（预约成功）", f"您的科目二考试预约（业务流水号{serial}）{placed.note}"),  # the note is a sentence, with its 。
        (paid.at, "考试费缴纳（缴费成功）", f"您的科目二考试（业务流水号{serial}）{paid.note}"),
        (first.at, "考试成绩（考试不合格）", first.note),
        (second.at, "考试成绩（考试不合格）", second.note),
    ]
    assert accepted.note.startswith("考试预约申请已受理") and placed.note.startswith("预约成功：")
    assert first.note.startswith(f"考试时间{first.at:%Y-%m-%d %H:%M}，科目二考试成绩60分，不合格")
    assert second.note.startswith(f"考试时间{second.at:%Y-%m-%d %H:%M}，科目二补考成绩70分，不合格")
    inbox = messaging.inbox(env, aid)
    mine = [(m.created_at, m.title, m.body) for m in inbox if serial in m.body or m.title.startswith("考试成绩")
            and "科目二" in m.body]
    assert sorted(mine) == expected
    assert len(inbox) == 5 + 4  # and the four of 科目一 (no second result: passed at once)
    assert all(m.read for m in inbox) and messaging.unread_count(env, aid) == 0
    sms = sorted((m.created_at, m.body) for m in messaging.outbox(env, person.phone) if m.created_at < NOW)
    assert sms == sorted((m.created_at, "【交管12123】" + m.body) for m in inbox)


def test_the_inbox_history_matches_every_timeline(env, people):
    """Every finished demo booking: one inbox message and one SMS per timeline entry, at its time."""
    with env.db.read() as s:
        apps = s.scalars(select(Application).join(Booking, Booking.application_id == Application.id)).all()
        ids = {a.account_id for a in apps}
    events = sorted((aid, e.at) for aid in ids for a in applications.list_for(env, aid) for e in a.events)
    told = sorted((aid, m.created_at) for aid in ids for m in messaging.inbox(env, aid) if m.created_at < NOW)
    assert events == told and len(events) > 40


def test_every_progress_entry_reads_as_a_sentence(env, people):
    """网办进度: 受理中 (…通知您), 已缴费 and the results ended without their 。 next to the allocation's
    entries, which had it; the inbox messages built from the same notes keep a single 。."""
    aid = account_id(env, people["failed_k2"])
    notes = [e.note for a in applications.list_for(env, aid) for e in a.events if e.note]
    assert len(notes) >= 5 and all(n.endswith("。") and not n.endswith("。。") for n in notes), notes
    assert not any(m.body.endswith("。。") for m in messaging.inbox(env, aid))
