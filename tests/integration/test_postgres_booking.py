"""Exam booking and publication-day allocation on PostgreSQL (the shared database of many
kiosks): the same services as on SQLite, with their statements built once and the set-based
allocation SQL."""
from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from sqlalchemy import select, update

from kiosk.db.models import Account, Application, AuditEntry, Booking, ExamSession
from kiosk.domain.errors import Conflict, DomainError
from kiosk.domain.ids import mask_id
from kiosk.services import (allocation_service, applications, audit, booking_create, booking_results,
                            booking_submit, cancellation, counter_accounts, counter_bookings, messaging)
from kiosk.services.booking import facts_stamp, load_facts
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.env import Env
from kiosk.services.staff import StaffSession
from tests.booking_helpers import account_id, add_learners, book, result_titles, sessions
from tests.integration.test_booking_allocation import PUBLISH, shrink

pytestmark = pytest.mark.postgres


def pause_once(monkeypatch, owner, name: str, *, before: bool = False,  # type: ignore[no-untyped-def]
               when=lambda **kwargs: True) -> threading.Event:
    """``owner.name`` pauses 0.5 s on its first call that ``when`` accepts: after its work, or before it
    with ``before``, its transaction still open. Once the returned event is set the test acts as the
    other kiosk or counter."""
    real, inside = getattr(owner, name), threading.Event()

    def paused(*args, **kwargs):  # type: ignore[no-untyped-def]
        first = not inside.is_set() and when(**kwargs)
        if first and before:
            inside.set()
            time.sleep(0.5)
        result = real(*args, **kwargs)
        if first and not before:
            inside.set()
            time.sleep(0.5)
        return result

    monkeypatch.setattr(owner, name, paused)
    return inside


def test_booking_and_allocation_on_postgresql(pg_env: Env) -> None:
    env = pg_env
    learners = add_learners(env, 4, permit_left_days=100)
    target = sessions(env, learners[0], 2, "2026-12-04", "2026-12-04")[0]
    shrink(env, target.id, 1)
    aid = account_id(env, learners[0])
    with env.db.read() as s:
        assert facts_stamp(s, aid) == load_facts(s, aid).stamp
    normal = [book(env, p, BookingRequest(2, "self", (target.id,))) for p in learners[:2]]
    other = sessions(env, learners[2], 2, "2026-12-04", "2026-12-06", priority=True)[0]
    prio = book(env, learners[2], BookingRequest(2, "priority", (other.id,)))
    assert prio.status == "预约成功" and all(d.status == "受理中" for d in normal)
    system = booking_submit.check(env, account_id(env, learners[3]),
                                  BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 6)))
    assert ("考试场地", "不限考场（服从系统安排）") in system.summary
    with pytest.raises(Conflict):  # the quota is used up between validation and the write transaction
        with env.db.read() as s:
            plan = booking_submit._plan(s, env, account_id(env, learners[3]), BookingRequest(2, "priority", (other.id,)))
        with env.db.write() as s:
            s.execute(ExamSession.__table__.update().where(ExamSession.id == other.id)
                      .values(priority_taken=ExamSession.priority_quota, placed=ExamSession.priority_quota))
        with env.db.write() as s:
            booking_submit.book(s, env, account_id(env, learners[3]), BookingRequest(2, "priority", (other.id,)),
                                plan)
    env.clock.advance(days=1)
    report = allocation_service.run(env, PUBLISH)
    assert (report.placed, report.unplaced) == (1, 1)
    assert allocation_service.run(env, PUBLISH).placed == 0  # idempotent
    with env.db.read() as s:
        statuses = sorted(s.scalars(select(Booking.status).where(Booking.id.in_([d.booking_id for d in normal]))))
        assert statuses == ["placed", "unplaced"]
        assert s.get(ExamSession, target.id).placed == 1
        apps = dict(s.execute(select(Application.serial_no, Application.status).where(
            Application.serial_no.in_([d.serial_no for d in normal]))).all())
        assert sorted(apps.values()) == ["未安排", "预约成功"]
    results = [m.body for p in learners[:2] for m in messaging.inbox(env, account_id(env, p)) if m.title in result_titles()]
    assert len(results) == 2 and all(d.serial_no in " ".join(results) for d in normal)  # notice text + serial
    assert any("未安排考试：所选场次名额已满" in b for b in results)
    assert messaging.outbox(env, learners[0].phone, limit=1)[0].body.startswith("【交管12123】您的科目二考试预约")
    announced = booking_results.published(env, f"{target.exam_date}", target.site_id)  # 考试预约结果公布
    placed = [p for p, d in zip(learners, normal) if any(d.serial_no in b and "预约成功" in b for b in results)]
    assert [r.id_number for r in announced.rows if r.start == target.start_time] == [mask_id(placed[0].id_number)]


def test_two_counters_allocating_the_same_day_place_everyone_once(pg_env: Env, monkeypatch) -> None:
    """The second run waits for the first (the day's plans are locked) and then finds nothing left."""
    env = pg_env
    learners = add_learners(env, 3, permit_left_days=100)
    target = sessions(env, learners[0], 2, "2026-12-04", "2026-12-04")[0]
    shrink(env, target.id, 1)
    done = [book(env, p, BookingRequest(2, "self", (target.id,))) for p in learners]
    env.clock.advance(days=1)
    # the first run has read the pending applications; the other counter presses its button meanwhile
    inside = pause_once(monkeypatch, allocation_service, "allocate", before=True)
    reports: list[allocation_service.AllocationReport] = []
    first = threading.Thread(target=lambda: reports.append(allocation_service.run(env, PUBLISH)))
    first.start()
    assert inside.wait(10)
    reports.append(allocation_service.run(env, PUBLISH))
    first.join(10)
    assert sorted((r.placed, r.unplaced) for r in reports) == [(0, 0), (1, 2)]
    with env.db.read() as s:
        assert s.get(ExamSession, target.id).placed == 1
    told = [m for p in learners for m in messaging.inbox(env, account_id(env, p)) if m.title in result_titles()]
    assert len(told) == 3 and {d.serial_no for d in done} == {m.body.split("业务流水号")[1][:16] for m in told}


def test_a_counter_cancellation_during_allocation_stays_cancelled(pg_env: Env, monkeypatch) -> None:
    """Allocation waits for the clerk's cancellation to commit, then leaves that application out."""
    env = pg_env
    learners = add_learners(env, 2, permit_left_days=100)
    target = sessions(env, learners[0], 2, "2026-12-04", "2026-12-04")[0]
    done = [book(env, p, BookingRequest(2, "self", (target.id,))) for p in learners]
    env.clock.advance(days=1)  # publication day: online cancellation has closed, the counter's has not
    aid = account_id(env, learners[0])
    inside = pause_once(monkeypatch, applications, "transition")  # cancelled, not committed: allocation starts
    clerk = threading.Thread(target=counter_bookings.cancel,
                             args=(env, StaffSession("J1001", "王警官", ("counter",)), aid, done[0].booking_id, "本人申请"))
    clerk.start()
    assert inside.wait(10)
    report = allocation_service.run(env, PUBLISH)
    clerk.join(10)
    assert (report.placed, report.unplaced) == (1, 0)
    with env.db.read() as s:
        assert [s.get(Booking, d.booking_id).status for d in done] == ["cancelled", "placed"]
        assert s.get(ExamSession, target.id).placed == 1


def test_cancelling_one_booking_on_two_kiosks_at_once_cancels_it_once(pg_env: Env, monkeypatch) -> None:
    env = pg_env
    learner = add_learners(env, 1, permit_left_days=100)[0]
    target = sessions(env, learner, 2, "2026-12-04", "2026-12-04")[0]
    done = book(env, learner, BookingRequest(2, "self", (target.id,)))
    aid = account_id(env, learner)
    with env.db.read() as s:
        applied = s.get(ExamSession, target.id).applicants
    inside = pause_once(monkeypatch, applications, "transition")  # the second kiosk confirms meanwhile
    first = threading.Thread(target=cancellation.cancel, args=(env, aid, done.booking_id))
    first.start()
    assert inside.wait(10)
    with pytest.raises(DomainError):  # it waited for the first, then found the booking cancelled
        cancellation.cancel(env, aid, done.booking_id)
    first.join(10)
    with env.db.read() as s:
        assert s.get(ExamSession, target.id).applicants == applied - 1  # released once
    assert [a.status for a in applications.list_for(env, aid)].count("已取消") == 1


def test_one_person_booking_on_two_kiosks_at_once_gets_one_booking(pg_env: Env, monkeypatch) -> None:
    env = pg_env
    learner = add_learners(env, 1, permit_left_days=100)[0]
    rows = sessions(env, learner, 2, "2026-12-04", "2026-12-06")
    aid = account_id(env, learner)
    inside = pause_once(monkeypatch, booking_create, "create")  # booked, not committed: the other kiosk submits

    def submit(session_id: int) -> None:  # booking_submit.submit after its code check, as on a kiosk
        req = BookingRequest(2, "self", (session_id,))
        with env.db.read() as s:
            plan = booking_submit._plan(s, env, aid, req)
        with env.db.write() as s:
            booking_submit.book(s, env, aid, req, plan)

    first = threading.Thread(target=submit, args=(rows[0].id,))
    first.start()
    assert inside.wait(10)
    with pytest.raises(DomainError, match="不能重复预约"):  # it waited for the first and then saw it
        submit(rows[1].id)
    first.join(10)
    with env.db.read() as s:
        assert len(s.scalars(select(Booking.id).where(Booking.account_id == aid, Booking.subject == 2)).all()) == 1


def test_one_person_registered_at_two_counters_at_once_is_told_so(pg_env: Env, monkeypatch) -> None:
    """Two clerks register the same walk-in at once: one account, and the second clerk reads why."""
    env = pg_env
    clerk = StaffSession("J1001", "王警官", ("counter",))
    ident, name = "500103200305050017", "钱多多"
    # the account is inserted, not yet committed; the other counter submits meanwhile
    inside = pause_once(monkeypatch, audit, "record", when=lambda **kwargs: kwargs.get("action") == "register")
    first = threading.Thread(target=counter_accounts.register_in_person, args=(env, clerk, name, ident, "13800001234"))
    first.start()
    assert inside.wait(10)
    with pytest.raises(DomainError, match="已注册") as refused:
        counter_accounts.register_in_person(env, clerk, name, ident, "13800005678")
    first.join(10)
    assert refused.value.field == "id_number"
    with env.db.read() as s:
        assert s.scalars(select(Account.phone).where(Account.id_number == ident)).all() == ["13800001234"]


def test_two_counters_deciding_one_photo_at_once_decide_it_once(pg_env: Env, monkeypatch) -> None:
    """The reviewer's race: one counter approves while another rejects the same photo. The second
    waits for the first (FOR UPDATE), then is told it was decided (AlreadyReviewed): the citizen
    never gets both an approval and a rejection."""
    from kiosk.services import elicence, elicence_review
    from kiosk.services.demo_people import PEOPLE
    from kiosk.services.elicence_card import account_for

    env = pg_env
    env.settings.demo = False  # photos go to the review queue
    person = next(p for p in PEOPLE if p.key == "violation")
    elicence.apply_direct(env, account_for(env, person.id_number))
    serial = elicence_review.pending(env)[0].serial_no
    inside = pause_once(monkeypatch, elicence_review, "_load")  # the first counter holds the photo
    results: dict = {}
    first = threading.Thread(target=lambda: results.update(a=elicence_review.approve(env, serial, reviewer="staff:A")))
    first.start()
    assert inside.wait(10)
    with pytest.raises(elicence_review.AlreadyReviewed, match="审核通过"):
        elicence_review.reject(env, serial, "1", reviewer="staff:B")
    first.join(10)
    assert results["a"].status == "已办结"
    with env.db.read() as s:
        decided = list(s.scalars(select(AuditEntry.action).where(AuditEntry.action.like("photo_%"))))
    assert decided == ["photo_approved"]


def test_a_system_arranged_booking_locks_sessions_in_id_order(pg_env: Env, monkeypatch) -> None:
    """服从系统安排 counts the applicant in every fitting session with one UPDATE, which locks rows in
    scan order. A session added later for an earlier day (a higher id, scanned first) once made a
    lock cycle with a transaction locking in id order (allocation releasing later plans' counts):
    PostgreSQL then aborted one of them as a deadlock."""
    env = pg_env
    learner = add_learners(env, 1)[0]
    aid = account_id(env, learner)
    low = sessions(env, learner, 2, "2026-12-05", "2026-12-05")[0]
    with env.db.write() as s:  # the clerk's later session: same plan, one day earlier, scanned before `low`
        base = s.get(ExamSession, low.id)
        extra = ExamSession(plan_id=base.plan_id, site_id=base.site_id, exam_date=date(2026, 12, 4),
                            start_time=base.start_time, subject=base.subject, classes=base.classes, seats=base.seats,
                            priority_quota=base.priority_quota)
        s.add(extra)
        s.flush()
        high = extra.id
    with env.db.write() as s:  # and `low` rewritten: in the heap too it now comes after `high`
        s.execute(update(ExamSession).where(ExamSession.id == low.id).values(seats=ExamSession.seats))
    holding = threading.Event()
    errors: list[BaseException] = []

    def in_id_order() -> None:  # as allocation_release does: low, then (a moment later) high
        try:
            with env.db.write() as s:
                s.execute(update(ExamSession).where(ExamSession.id == low.id).values(applicants=ExamSession.applicants))
                holding.set()
                time.sleep(0.5)
                s.execute(update(ExamSession).where(ExamSession.id == high).values(applicants=ExamSession.applicants))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    other = threading.Thread(target=in_id_order)
    other.start()
    assert holding.wait(10)
    req = BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 5), base.site_id)
    with env.db.read() as s:
        plan = booking_submit._plan(s, env, aid, req)
    with env.db.write() as s:
        booking_submit.book(s, env, aid, req, plan)
    other.join(10)
    assert errors == []
    with env.db.read() as s:
        counted = dict(s.execute(select(ExamSession.id, ExamSession.applicants)
                                 .where(ExamSession.id.in_([low.id, high]))).all())
    assert counted[high] == 1 and counted[low.id] >= 1
