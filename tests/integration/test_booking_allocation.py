"""Publication-day allocation on a real SQLite file: ranking order, seats, atomicity, idempotency."""
from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import date

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from kiosk.db.models import Application, AuditEntry, Booking, ExamPlan, ExamSession, ExamSite, Message, Office
from kiosk.domain.errors import DomainError
from kiosk.domain.ids import mask_id
from kiosk.services import allocation_preview, allocation_service, applications, booking_results, messaging
from kiosk.services import booking_submit
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, add_learners, book, result_titles, sessions
from tests.conftest import db_path

PUBLISH = date(2026, 12, 2)  # plans of 2026-12-04 publish their results on 12-02


def shrink(env, session_id: int, seats: int) -> None:
    with env.db.write() as s:
        s.execute(update(ExamSession).where(ExamSession.id == session_id).values(seats=seats, priority_quota=0))


def snapshot(env) -> tuple:
    with env.db.read() as s:
        return (tuple(s.execute(select(Booking.id, Booking.status, Booking.session_id).order_by(Booking.id))),
                tuple(s.execute(select(ExamSession.id, ExamSession.placed).order_by(ExamSession.id))),
                tuple(s.scalars(select(ExamPlan.allocated_at).order_by(ExamPlan.id))),
                s.scalar(select(func.count()).select_from(Message)),
                tuple(s.scalars(select(Application.status).order_by(Application.id))))


@pytest.fixture
def crowd(env):
    """Five learners for one 2-seat session (index 4 ranks first), a sixth by system mode."""
    learners = add_learners(env, 6)
    target = sessions(env, learners[0], 2, "2026-12-04", "2026-12-04")[0]
    shrink(env, target.id, 2)
    done = [book(env, p, BookingRequest(2, "self", (target.id,))) for p in learners[:5]]
    done.append(book(env, learners[5], BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 4),
                                                      target.site_id)))
    env.clock.advance(days=1)
    return learners, target, done


def test_places_by_ranking_within_seats_and_tells_everyone(env, crowd):
    learners, target, done = crowd
    report = allocation_service.run(env, PUBLISH)
    assert (report.placed, report.unplaced) == (2, 4)
    assert {"id": target.id, "seats": 2, "placed": 2} in report.as_json()["sessions"]
    with env.db.read() as s:
        status = {b.id: b for b in s.scalars(select(Booking).where(Booking.id.in_([d.booking_id for d in done])))}
        # the system-mode applicant (learners[5]) was accepted earliest, then learners[4]
        assert [status[d.booking_id].status for d in done] == ["unplaced"] * 4 + ["placed", "placed"]
        assert status[done[0].booking_id].unplaced_reason == "所选场次名额已满"
        apps = {k: v for k, v in s.execute(select(Application.serial_no, Application.status))}
        assert apps[done[5].serial_no] == "预约成功" and apps[done[0].serial_no] == "未安排"
        assert s.get(ExamSession, target.id).placed == 2
        logged = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "exam_allocate")).one()
        assert logged.startswith("2026-12-02 计划") and "预约成功2人，未安排4人" in logged  # read by clerks
    results = [[m for m in messaging.inbox(env, account_id(env, p)) if m.title in result_titles()] for p in learners]
    assert [len(r) for r in results] == [1] * 6
    first = results[5][0].body  # the text is the notice's, with this applicant's serial number inside
    assert first.startswith(f"您的科目二考试预约（业务流水号{done[5].serial_no}）预约成功：2026-12-04 ") and first.endswith("。")
    assert results[0][0].body == (f"您的科目二考试预约（业务流水号{done[0].serial_no}）未安排考试：所选场次名额已满。"
                                  "可重新预约其他考试场次。")
    assert messaging.outbox(env, learners[5].phone, limit=1)[0].body == "【交管12123】" + first
    timeline = {a.serial_no: a.events[-1] for a in applications.list_for(env, account_id(env, learners[0]))}
    assert (timeline[done[0].serial_no].status, timeline[done[0].serial_no].note) == (
        "未安排", "未安排考试：所选场次名额已满。可重新预约其他考试场次。")


class _Recorder:
    """An SMS gateway other than the outbox: allocation hands it every text to send."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def send(self, session, phone, body, at, account_id=None):  # type: ignore[no-untyped-def]
        self.sent.append((phone, body))


def test_another_sms_gateway_gets_each_whole_text(env, crowd):
    learners, target, done = crowd
    gateway = _Recorder()
    allocation_service.run(dataclasses.replace(env, sms=gateway), PUBLISH)
    assert sorted(phone for phone, _ in gateway.sent) == sorted(p.phone for p in learners)
    texts = dict(gateway.sent)
    inbox = [m.body for m in messaging.inbox(env, account_id(env, learners[5])) if m.title in result_titles()]
    assert texts[learners[5].phone] == "【交管12123】" + inbox[0] and done[5].serial_no in inbox[0]
    assert texts[learners[0].phone].endswith(f"{done[0].serial_no}）未安排考试：所选场次名额已满。可重新预约其他考试场次。")


def test_preview_counts_what_the_run_takes_up(env, crowd):
    before = snapshot(env)
    p = allocation_preview.preview(env, PUBLISH)
    assert snapshot(env) == before  # only reads
    with env.db.read() as s:
        plans = s.scalar(select(func.count()).select_from(ExamPlan).where(ExamPlan.publish_on == PUBLISH))
        in_plans = s.scalar(select(func.count()).select_from(ExamSession).join(ExamPlan)
                            .where(ExamPlan.publish_on == PUBLISH))
    assert (p.plans, p.sessions, p.applications) == (plans, in_plans, 6) and plans >= 1
    report = allocation_service.run(env, PUBLISH)
    assert report.plans == p.plans and report.placed + report.unplaced + report.deferred == p.applications
    assert allocation_preview.preview(env, PUBLISH).plans == 0  # done: nothing left to confirm
    with pytest.raises(DomainError, match="还未到"):
        allocation_preview.preview(env, date(2026, 12, 9))


def test_a_second_run_changes_nothing(env, crowd):
    first = allocation_service.run(env, PUBLISH)
    before = snapshot(env)
    again = allocation_service.run(env, PUBLISH)
    assert (again.placed, again.unplaced) == (0, 0) and again.sessions == first.sessions
    assert snapshot(env) == before


def test_a_crash_midway_leaves_nothing_changed(env, crowd, monkeypatch):
    before = snapshot(env)

    def boom(*args, **kwargs):
        raise RuntimeError("power cut while publishing")

    monkeypatch.setattr(allocation_service, "_publish", boom)  # after bookings and sessions were written
    with pytest.raises(RuntimeError):
        allocation_service.run(env, PUBLISH)
    assert snapshot(env) == before
    monkeypatch.undo()
    assert allocation_service.run(env, PUBLISH).placed == 2


def test_later_plans_keep_an_application_pending(env):
    learners = add_learners(env, 2)
    first = sessions(env, learners[0], 2, "2026-12-04", "2026-12-04")[0]
    later = sessions(env, learners[0], 2, "2026-12-05", "2026-12-05")[0]
    shrink(env, first.id, 1)
    done = [book(env, p, BookingRequest(2, "self", (first.id, later.id))) for p in learners]
    env.clock.advance(days=1)
    report = allocation_service.run(env, PUBLISH)
    assert (report.placed, report.unplaced, report.deferred) == (1, 0, 1)
    env.clock.advance(days=1)
    assert allocation_service.run(env, date(2026, 12, 3)).placed == 1
    with env.db.read() as s:
        placed = {k: v for k, v in s.execute(select(Booking.id, Booking.session_id).where(
            Booking.id.in_([d.booking_id for d in done])))}
    assert sorted(placed.values()) == sorted([first.id, later.id])
    # the second day's run stores its notices after the first day's: each text names its own session's day
    day_of = {first.id: "2026-12-04", later.id: "2026-12-05"}
    for person, d in zip(learners, done):
        texts = [m.body for m in messaging.inbox(env, account_id(env, person)) if m.title in result_titles()]
        assert len(texts) == 1 and texts[0].startswith(
            f"您的科目二考试预约（业务流水号{d.serial_no}）预约成功：{day_of[placed[d.booking_id]]} ")


def test_the_database_refuses_more_than_the_seats(env):
    with env.db.write() as s:
        sid = s.scalars(select(ExamSession.id).limit(1)).one()
    con = sqlite3.connect(db_path(env.settings))
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("UPDATE exam_sessions SET placed = seats + 1 WHERE id = ?", (sid,))
    con.close()
    with pytest.raises(IntegrityError):
        with env.db.write() as s:
            s.execute(update(ExamSession).where(ExamSession.id == sid).values(placed=ExamSession.seats + 1))


def test_allocation_waits_for_the_publication_day(env):
    with pytest.raises(DomainError, match="还未到预约结果公布日"):
        allocation_service.run(env, date(2026, 12, 5))


def test_cli_allocate_json(env, crowd):
    from kiosk.__main__ import main

    url = env.settings.db_url
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--db", url, "--now", "2026-12-02T09:00", "allocate", "--date", "2026-12-02", "--json"]) == 0
    data = json.loads(out.getvalue())
    assert set(data) == {"date", "placed", "unplaced", "sessions"}
    assert (data["date"], data["placed"], data["unplaced"]) == ("2026-12-02", 2, 4)
    assert all(set(x) == {"id", "seats", "placed"} and x["placed"] <= x["seats"] for x in data["sessions"])


# 驾驶人考试预约结果公布 (kiosk.services.booking_results): only published sessions, everyone with a seat, masked

def test_results_appear_once_published_in_ranking_order_and_masked(env, crowd):
    learners, target, done = crowd
    assert booking_results.published(env, "2026-12-04").total == 0  # booked, but not yet allocated
    allocation_service.run(env, PUBLISH)
    page = booking_results.published(env, " 2026-12-04 ")
    # the two seats went to learners[5] (system mode, accepted earliest) and learners[4], in that order
    assert [r.id_number for r in page.rows] == [mask_id(learners[5].id_number), mask_id(learners[4].id_number)]
    assert page.rows[0].name == learners[5].name[0] + "*" * (len(learners[5].name) - 1)
    assert (page.rows[0].exam_date, page.rows[0].start) == (target.exam_date, target.start_time)
    assert all(r.subject_name == "科目二" and "*" in r.id_number for r in page.rows)
    assert page.total == len(page.rows) == 2 and "考试预约成功共2人" in page.text
    assert booking_results.published(env, "2026-12-04", target.site_id).total == 2
    others = [s.id for s in booking_results.sites(env, account_id(env, learners[0])) if s.id != target.site_id]
    assert others and booking_results.published(env, "2026-12-04", others[0]).total == 0
    assert "暂无已公布的考试预约结果" in booking_results.published(env, "2026-12-05").text


def test_results_open_on_the_citizen_s_next_exam_day_else_the_city_s_next_published_day(env):
    """考试预约结果公布's date: the citizen's own next exam day (a seat held, or the first session a
    pending application may be placed in), else the first day from today with results published
    in their city, else the latest day before today with results there (today answered 暂无 and
    named none, tester), else today (never simply tomorrow, which may be a Sunday without exams)."""
    placed, waiting, idle = add_learners(env, 3)
    assert booking_results.default_day(env, account_id(env, idle)) == date(2026, 11, 30)  # the seed's last
    book(env, placed, BookingRequest(2, "self", (sessions(env, placed, 2, "2026-12-04", "2026-12-04")[0].id,)))
    book(env, waiting, BookingRequest(2, "system", (), date(2026, 12, 7), date(2026, 12, 10)))
    assert booking_results.default_day(env, account_id(env, placed)) == date(2026, 12, 4)  # its chosen session
    env.clock.advance(days=1)  # 12-02: the 12-04 plans publish
    allocation_service.run(env, PUBLISH)
    assert booking_results.default_day(env, account_id(env, placed)) == date(2026, 12, 4)  # its seat
    assert booking_results.default_day(env, account_id(env, waiting)) == date(2026, 12, 7)  # its own, later
    assert booking_results.default_day(env, account_id(env, idle)) == date(2026, 12, 4)  # the city's published day
    env.clock.advance(days=3)  # 12-05: the 12-04 results are past, nothing later is published
    assert booking_results.default_day(env, account_id(env, idle)) == date(2026, 12, 4)  # the latest that has some


def test_a_day_without_results_names_the_latest_days_that_have_some(env, crowd):
    """Tester: 2026-12-03 answered 暂无已公布的考试预约结果 and named no day (12-02 had results)."""
    learners, target, _done = crowd
    allocation_service.run(env, PUBLISH)
    page = booking_results.published(env, "2026-12-03", None, "重庆")
    assert page.total == 0 and page.recent and page.recent[0] == date(2026, 12, 4)
    assert page.text.startswith("2026-12-03 暂无已公布的考试预约结果。最近已公布：2026-12-04")
    assert list(page.recent) == sorted(page.recent, reverse=True) and len(page.recent) <= booking_results.RECENT
    assert "2026-12-04" not in booking_results.published(env, "2026-12-03", None, "连云港").text


def test_all_sites_means_those_of_the_citizen_s_city(env, crowd):
    _learners, target, _done = crowd
    allocation_service.run(env, PUBLISH)
    assert booking_results.published(env, "2026-12-04", None, "重庆").total == 2
    assert booking_results.published(env, "2026-12-04", None, "连云港").total == 0
    assert booking_results.published(env, "2026-12-04").total == 2  # no city known: every site


def test_a_bad_date_is_explained_at_the_date_field(env):
    with pytest.raises(DomainError) as e:
        booking_results.published(env, "12/04", example=date(2026, 12, 3))
    assert e.value.field == "exam_date" and "请按 2026-12-03 的格式输入日期" in e.value.message  # the field's example


def test_a_long_day_is_cut_at_max_rows_and_says_so(env, crowd, monkeypatch):
    allocation_service.run(env, PUBLISH)
    monkeypatch.setattr(booking_results, "MAX_ROWS", 1)
    page = booking_results.published(env, "2026-12-04")
    assert (len(page.rows), page.total) == (1, 2) and "下表显示前1人" in page.text


def test_results_sites_are_those_of_the_learners_city(env, people):
    with env.db.read() as s:
        city_of = dict(s.execute(select(ExamSite.id, Office.city).join(Office, Office.id == ExamSite.office_id)).all())
    learner = [x.id for x in booking_results.sites(env, account_id(env, people["permit_expiring"]))]  # 王芳, 重庆
    everyone = [x.id for x in booking_results.sites(env, account_id(env, people["no_licence"]))]  # no permit
    assert learner and {city_of[i] for i in learner} == {"重庆"}
    assert sorted(everyone) == sorted(city_of) and len(everyone) > len(learner)


def test_results_sites_of_a_driver_are_those_of_the_city_of_the_licence(env, people):
    """No learner permit: the city of the licence's 发证机关 (a Chongqing driver was offered the
    连云港 sites, tester), or of the citizen's latest booking."""
    with env.db.read() as s:
        city_of = dict(s.execute(select(ExamSite.id, Office.city).join(Office, Office.id == ExamSite.office_id)).all())
    chongqing = booking_results.opening(env, account_id(env, people["driver_normal"]))  # 刘洋
    lianyungang = booking_results.opening(env, account_id(env, people["truck_driver"]))  # 马超
    assert chongqing.city == "重庆" and {city_of[x.id] for x in chongqing.sites} == {"重庆"}
    assert lianyungang.city == "连云港" and {city_of[x.id] for x in lianyungang.sites} == {"连云港"}


def test_cli_allocate_says_in_chinese_what_it_did(env, crowd):
    """The clerk's words: the day's figures, each session's places, and a second run or a day
    without plans said as such."""
    import contextlib
    import io

    from kiosk.__main__ import main

    def run(day: str) -> str:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["--db", env.settings.db_url, "--now", "2026-12-02T09:00", "allocate", "--date", day]) == 0
        return out.getvalue()

    first = run("2026-12-02").splitlines()
    assert first[0].startswith("2026-12-02 计划") and "预约成功2人，未安排4人" in first[0]
    assert all(line.startswith("  场次") and "已安排" in line for line in first[1:-1]) and len(first) > 2
    assert first[-1].startswith("  其余") and first[-1].endswith("个场次无人安排")  # not one line each
    assert run("2026-12-02").splitlines()[0] == "2026-12-02 没有待安排的考试计划（已安排过，本次未作更改）"
    assert run("2026-11-01").strip() == "2026-11-01 没有待安排的考试计划"


def test_one_exam_a_day_for_a_person(env, people):
    """王芳 has a 科目二 priority seat on 12-04: a 科目三 session that day is refused at submission, and
    her 服从系统安排 科目三 application over 12-04..12-05 is placed on 12-05, not beside the other exam."""
    p = people["permit_expiring"]
    k2 = sessions(env, p, 2, "2026-12-04", "2026-12-04", priority=True)[0]
    book(env, p, BookingRequest(2, "priority", (k2.id,)))
    with env.db.read() as s:  # no longer listed to her (test_booking_same_day); a list read before is refused
        same_day = s.scalar(select(ExamSession).where(
            ExamSession.subject == 3, ExamSession.exam_date == date(2026, 12, 4), ExamSession.site_id == k2.site_id,
            ExamSession.classes.contains("C1")))
    with pytest.raises(DomainError, match="同一天只能安排一个科目"):
        booking_submit.check(env, account_id(env, p), BookingRequest(3, "self", (same_day.id,)))
    book(env, p, BookingRequest(3, "system", (), date(2026, 12, 4), date(2026, 12, 5), k2.site_id))
    env.clock.advance(days=1)
    report = allocation_service.run(env, PUBLISH)
    assert (report.placed, report.deferred) == (0, 1)  # 12-04 was the only session of this day's plans
    env.clock.advance(days=1)
    assert allocation_service.run(env, date(2026, 12, 3)).placed == 1
    with env.db.read() as s:
        day = s.scalar(select(ExamSession.exam_date).join(Booking, Booking.session_id == ExamSession.id)
                       .where(Booking.account_id == account_id(env, p), Booking.subject == 3))
    assert day == date(2026, 12, 5)


def test_placed_applications_leave_the_applicant_counts_of_later_plans(env):
    """已申请人数 of a later plan's session counts only applications still waiting: one placed today
    (自主选择 or 服从系统安排) leaves it, one deferred to that plan stays."""
    learners = add_learners(env, 3)[::-1]  # the later-made extra learner ranks first (add_learners)
    first = sessions(env, learners[0], 2, "2026-12-04", "2026-12-04")[0]
    later = [r for r in sessions(env, learners[0], 2, "2026-12-05", "2026-12-05") if r.site_id == first.site_id]
    shrink(env, first.id, 2)  # the first two take both seats; the third waits for 12-05
    placed = book(env, learners[0], BookingRequest(2, "self", (first.id, later[0].id)))
    system = book(env, learners[1], BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 5),
                                                   first.site_id))
    waiting = book(env, learners[2], BookingRequest(2, "self", (first.id, later[0].id)))

    def counts() -> dict[int, int]:
        with env.db.read() as s:
            return dict(s.execute(select(ExamSession.id, ExamSession.applicants)
                                  .where(ExamSession.id.in_([r.id for r in later]))).all())

    before = counts()
    assert before[later[0].id] >= 3
    env.clock.advance(days=1)
    report = allocation_service.run(env, PUBLISH)
    assert (report.placed, report.deferred) == (2, 1)
    with env.db.read() as s:
        status = dict(s.execute(select(Booking.id, Booking.status).where(
            Booking.id.in_([placed.booking_id, system.booking_id, waiting.booking_id]))).all())
    assert status == {placed.booking_id: "placed", system.booking_id: "placed", waiting.booking_id: "pending"}
    after = counts()
    assert after[later[0].id] == before[later[0].id] - 2  # the two placed ones; the waiting one still counts
    assert all(after[r.id] == before[r.id] - 1 for r in later[1:])  # the system-mode one counted there too
    assert later[1:] or after[later[0].id] == before[later[0].id] - 2
    assert allocation_service.run(env, PUBLISH).placed == 0 and counts() == after  # a second run: nothing


def test_results_open_on_the_day_a_deferred_application_can_still_get(env):
    """An application left out on 12-04 and moved on to its 12-10 choice: 考试预约结果公布 opens on
    12-10, not on 12-04, whose results were published without it (the reviewer's case)."""
    left_out, placed = add_learners(env, 2)  # the second ranks first (add_learners)
    first = sessions(env, left_out, 2, "2026-12-04", "2026-12-04")[0]
    later = [r for r in sessions(env, left_out, 2, "2026-12-10", "2026-12-10") if r.site_id == first.site_id][0]
    shrink(env, first.id, 1)
    book(env, placed, BookingRequest(2, "self", (first.id,)))
    book(env, left_out, BookingRequest(2, "self", (first.id, later.id)))
    env.clock.advance(days=1)
    assert allocation_service.run(env, PUBLISH).deferred == 1
    assert booking_results.default_day(env, account_id(env, left_out)) == date(2026, 12, 10)
    assert booking_results.default_day(env, account_id(env, placed)) == date(2026, 12, 4)


def test_a_late_run_places_nobody_in_an_exam_already_begun(env, crowd):
    """The clerk forgot the publication day and allocates after the exam day: nobody is placed in
    (and texted about) an exam that is over; each is told why."""
    learners, target, done = crowd
    env.clock.advance(days=3)  # 2026-12-05: the 12-04 exams are over
    report = allocation_service.run(env, PUBLISH)
    assert (report.placed, report.unplaced) == (0, 6)
    with env.db.read() as s:
        assert s.get(ExamSession, target.id).placed == 0
        reasons = dict(s.execute(select(Booking.id, Booking.unplaced_reason)
                                 .where(Booking.id.in_([d.booking_id for d in done]))).all())
    assert [reasons[d.booking_id] for d in done] == ["所选场次考试时间已过"] * 5 + ["预约时间段内无可安排的考试场次"]
