"""Publication-day allocation writes one message row per applicant: the inbox message that also
went out as the SMS (it keeps the phone) and is the 网办进度 entry (its notice has the status). The
inbox, the unread count, the outbox and 网办进度 show what separate rows showed."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, text, update

from kiosk.db.models import Account, ApplicationEvent, ExamSession, Message
from kiosk.services import allocation_service, applications, fees, messaging
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, add_learners, book, result_titles, sessions

PUBLISH = date(2026, 12, 2)  # plans of 2026-12-04 publish their results on 12-02
TITLES = result_titles()


def _crowd(env):  # type: ignore[no-untyped-def]
    """Three learners for one 1-seat session: the first ranks first and is placed."""
    learners = add_learners(env, 3)
    target = sessions(env, learners[0], 2, "2026-12-04", "2026-12-04")[0]
    with env.db.write() as s:
        s.execute(update(ExamSession).where(ExamSession.id == target.id).values(seats=1, priority_quota=0))
    done = [book(env, p, BookingRequest(2, "self", (target.id,))) for p in learners]
    env.clock.advance(days=1)
    return learners, done


def _count(env) -> int:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return s.scalar(select(func.count()).select_from(Message)) or 0


def test_one_row_per_applicant_shown_as_inbox_message_and_sms(env):
    learners, done = _crowd(env)
    before = _count(env)
    unread = [messaging.unread_count(env, account_id(env, p)) for p in learners]
    report = allocation_service.run(env, PUBLISH)
    assert (report.placed, report.unplaced) == (1, 2)
    assert _count(env) - before == 3  # not 6: the SMS is the inbox message's row

    for person, d in zip(learners, done):
        aid = account_id(env, person)
        inbox = [m for m in messaging.inbox(env, aid) if m.title in TITLES]
        assert len(inbox) == 1
        message = inbox[0]
        assert (message.channel, message.phone, message.read) == ("inbox", None, False)
        assert d.serial_no in message.body
        sms = messaging.outbox(env, person.phone, limit=5)
        # newest first: the result, then the booking's own SMS sent when it was submitted
        assert [m.channel for m in sms[:2]] == ["sms", "sms"]
        assert (sms[0].id, sms[0].phone, sms[0].title, sms[0].read) == (message.id, person.phone, "", False)
        assert sms[0].body == "【交管12123】" + message.body
        assert sms[1].id < message.id and d.serial_no in sms[1].body
        assert messaging.latest_sms_notification(env, person.phone)[0] == message.id

    results = [[m for m in messaging.inbox(env, account_id(env, p)) if m.title in TITLES][0] for p in learners]
    placed = [m for m in results if "）预约成功：2026-12-04 " in m.body]
    assert len(placed) == 1
    placed = placed[0]
    who = next(i for i, m in enumerate(results) if m is not placed)
    aid = account_id(env, learners[who])
    assert messaging.unread_count(env, aid) == unread[who] + 1
    unplaced = [m for m in messaging.inbox(env, aid) if m.title in TITLES][0]
    messaging.mark_read(env, aid, unplaced.id)
    assert messaging.unread_count(env, aid) == unread[who]
    assert [m for m in messaging.inbox(env, aid) if m.title in TITLES][0].read
    sms = messaging.outbox(env, learners[who].phone, limit=1)[0]  # read in the inbox: the SMS is unchanged
    assert (sms.id, sms.body, sms.read) == (unplaced.id, "【交管12123】" + unplaced.body, False)
    everyone = [m.body for m in messaging.outbox(env, limit=50)]
    assert all(("【交管12123】" + m.body) in everyone for m in (placed, unplaced))


def test_an_account_without_a_phone_gets_the_inbox_message_and_no_sms(env):
    learners, done = _crowd(env)
    aid = account_id(env, learners[2])
    with env.db.write() as s:
        s.execute(update(Account).where(Account.id == aid).values(phone=None))
    sent_before = len(messaging.outbox(env, limit=500))
    allocation_service.run(env, PUBLISH)
    inbox = [m for m in messaging.inbox(env, aid) if m.title in TITLES]
    assert len(inbox) == 1 and done[2].serial_no in inbox[0].body
    everyone = messaging.outbox(env, limit=500)
    assert len(everyone) == sent_before + 2  # the two learners with a phone
    assert inbox[0].id not in {m.id for m in everyone}


def test_the_message_is_the_timeline_entry_in_time_order(env):
    learners, done = _crowd(env)
    with env.db.read() as s:
        events_before = s.scalar(select(func.count()).select_from(ApplicationEvent))
    report = allocation_service.run(env, PUBLISH)
    with env.db.read() as s:
        assert s.scalar(select(func.count()).select_from(ApplicationEvent)) == events_before  # none written
    at = env.clock.now()
    views = [{a.serial_no: a for a in applications.list_for(env, account_id(env, p))} for p in learners]
    entries = [v[d.serial_no].events for v, d in zip(views, done)]
    assert all(len(e) == 2 and e[0].at < e[1].at == at for e in entries)  # submitted, then the result
    placed = [i for i, e in enumerate(entries) if e[1].status == "预约成功"]
    assert len(placed) == 1 and report.placed == 1
    assert sorted(e[1].status for e in entries) == ["未安排", "未安排", "预约成功"]
    assert {e[1].note for e in entries if e[1].status == "未安排"} == {"未安排考试：所选场次名额已满。可重新预约其他考试场次。"}
    i = placed[0]
    assert entries[i][1].note.startswith("预约成功：2026-12-04 ")
    assert views[i][done[i].serial_no].status == "预约成功"
    # paid at once, the clock standing still: the payment's entry comes after the result's
    fees.pay(env, account_id(env, learners[i]), done[i].booking_id)
    after = {a.serial_no: a for a in applications.list_for(env, account_id(env, learners[i]))}[done[i].serial_no]
    assert [e.note for e in after.events[:2]] == [e.note for e in entries[i]] and len(after.events) == 3
    assert after.events[2].at == at and after.events[2].note != entries[i][1].note


def test_a_downgrade_gives_back_the_sms_rows_and_timeline_entries(env):
    from alembic import command

    from kiosk.db.migrate import alembic_config, upgrade

    learners, done = _crowd(env)
    allocation_service.run(env, PUBLISH)

    def seen() -> list:
        out = []
        for p, d in zip(learners, done):
            aid = account_id(env, p)
            inbox = [(m.title, m.body, m.read) for m in messaging.inbox(env, aid)]
            sms = [(m.channel, m.phone, m.body) for m in messaging.outbox(env, p.phone, limit=10)]
            timeline = [(e.at, e.status, e.note) for a in applications.list_for(env, aid) for e in a.events]
            out.append((inbox, sms, timeline, messaging.unread_count(env, aid)))
        return out

    before = seen()
    command.downgrade(alembic_config(env.settings.db_url), "0013")
    with env.db.read() as s:  # the schema of 0013: an SMS row and a timeline entry of their own, as it wrote them
        for p, (_inbox, sms, _timeline, _unread) in zip(learners, before):
            newest = s.scalar(text("SELECT body FROM messages WHERE channel = 'sms' AND phone = :p ORDER BY id DESC "
                                   "LIMIT 1"), {"p": p.phone})
            assert newest == sms[0][2] and ("未安排考试" in newest or "预约成功：" in newest)
        assert s.scalar(text("SELECT count(*) FROM messages WHERE channel = 'inbox' AND phone IS NOT NULL")) == 0
        results = s.execute(text("SELECT a.serial_no, e.status FROM application_events e JOIN applications a "
                                 "ON a.id = e.application_id WHERE e.status IN ('预约成功', '未安排')")).all()
        assert sorted(serial for serial, _ in results if serial in {d.serial_no for d in done}) == sorted(
            d.serial_no for d in done)
    upgrade(env.db.engine)
    assert seen() == before


@pytest.mark.postgres
def test_the_same_on_postgresql(pg_env):
    env = pg_env
    learners, done = _crowd(env)
    before = _count(env)
    allocation_service.run(env, PUBLISH)
    assert _count(env) - before == 3
    for person, d in zip(learners, done):
        aid = account_id(env, person)
        inbox = [m for m in messaging.inbox(env, aid) if m.title in TITLES]
        assert len(inbox) == 1 and inbox[0].phone is None
        assert messaging.outbox(env, person.phone, limit=1)[0].body == "【交管12123】" + inbox[0].body
        app = {a.serial_no: a for a in applications.list_for(env, aid)}[d.serial_no]
        assert app.events[-1].status in ("预约成功", "未安排") and app.events[-1].note in inbox[0].body
