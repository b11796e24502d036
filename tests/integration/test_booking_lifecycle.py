"""After booking: cancellation and ranking time, exam results (retake, no-show, five fails), fees, certificate."""
from __future__ import annotations

import json
import re
from datetime import date, datetime

import pytest
from sqlalchemy import select

from kiosk.db.models import Application, Booking, ExamSession, LearnerPermit
from kiosk.domain.errors import DomainError
from kiosk.services import (allocation_preview, allocation_service, booking_query, cancellation, certificates,
                            exam_results, fees, messaging)
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, book, sessions


def placed_booking(env, p, subject: int = 2, day: str = "2026-12-04") -> int:
    rows = sessions(env, p, subject, day, day)
    done = book(env, p, BookingRequest(subject, "self", (rows[0].id,)))
    env.clock.advance(days=1)
    allocation_service.run(env, date.fromisoformat(day).replace(day=int(day[-2:]) - 2))
    return done.booking_id


def test_cancelling_makes_the_cancel_time_the_ranking_time(env, people):
    p = people["permit_expiring"]
    aid = account_id(env, p)
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    preview = cancellation.preview(env, aid, done.booking_id)
    assert preview.allowed and "排序时间将变为确认取消的时间" in preview.message
    env.clock.advance(hours=2)
    cancelled = cancellation.cancel(env, aid, done.booking_id)
    assert cancelled.cancelled_at == env.clock.now()
    ranking = booking_query.query_sessions(env, aid, 2, date(2026, 12, 4), date(2026, 12, 6)).ranking
    assert ranking.at == cancelled.cancelled_at and "取消预约时间" in ranking.rule_text
    with env.db.read() as s:
        assert s.get(Application, s.get(Booking, done.booking_id).application_id).status == "已取消"
        assert sessions(env, p, 2, "2026-12-04", "2026-12-04")[0].applicants == 0
    assert booking_query.overview(env, aid).subjects[1].allowed  # may book again
    with pytest.raises(DomainError, match=r"考试预约（业务流水号\d+）已于\S+ \S+取消，无需再次取消。$"):
        cancellation.cancel(env, aid, done.booking_id)  # cancelled here: no 在其他终端


def test_not_cancelled_online_on_the_publication_day_before_allocation(env, people):
    """Seed 000: on the publication day the plan stops taking bookings on the internet, so an
    application about to be allocated can no longer be withdrawn there, even before the run."""
    p = people["permit_expiring"]
    aid = account_id(env, p)
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-04")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    env.clock.advance(days=1)  # 2026-12-02: the publication day of the 12-04 plan, not yet allocated
    refused = cancellation.preview(env, aid, done.booking_id)
    assert not refused.allowed and "今日为预约结果公布日" in refused.message
    with pytest.raises(DomainError, match="截止预约"):
        cancellation.cancel(env, aid, done.booking_id)
    with env.db.read() as s:
        assert s.get(Booking, done.booking_id).status == "pending"
    report = allocation_service.run(env, date(2026, 12, 2))
    assert report.placed >= 1


def test_a_system_range_made_on_a_publication_day_waits_for_the_plans_open_when_it_was_made(env, people):
    """Booked 服从系统安排 on 12-02, when the 12-04 plan had already closed: its range reaches 12-04,
    but that plan never offered it. It neither blocks its own cancellation on 12-02 nor takes part in
    that day's allocation (nor in a late run for it); the 12-05 plan, open when it was made, places it."""
    p = people["permit_expiring"]
    aid = account_id(env, p)
    env.clock.advance(days=1)  # 2026-12-02: the 12-04 plan closed at 00:00
    assert [r.exam_date for r in sessions(env, p, 2, "2026-12-04", "2026-12-05")][0] == date(2026, 12, 5)
    done = book(env, p, BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 5)))
    assert cancellation.preview(env, aid, done.booking_id).allowed
    assert allocation_preview.preview(env, date(2026, 12, 2)).applications == 0
    report = allocation_service.run(env, date(2026, 12, 2))
    with env.db.read() as s:
        assert s.get(Booking, done.booking_id).status == "pending"
    assert (report.placed, report.unplaced, report.deferred) == (0, 0, 0)
    env.clock.advance(days=1)
    allocation_service.run(env, date(2026, 12, 3))
    with env.db.read() as s:
        b = s.get(Booking, done.booking_id)
        assert b.status == "placed" and s.get(ExamSession, b.session_id).exam_date == date(2026, 12, 5)


def test_placed_and_priority_bookings_are_not_cancelled_online(env, people):
    p = people["permit_expiring"]
    aid = account_id(env, p)
    bid = placed_booking(env, p)
    assert "窗口" in cancellation.preview(env, aid, bid).message
    rows = sessions(env, p, 3, "2026-12-05", "2026-12-05", priority=True)
    prio = book(env, p, BookingRequest(3, "priority", (rows[0].id,)))
    refused = cancellation.preview(env, aid, prio.booking_id)
    assert not refused.allowed and "提前一日到车管所" in refused.message
    with pytest.raises(DomainError):
        cancellation.cancel(env, aid, prio.booking_id)


def test_choices_give_each_open_booking_the_reason_cancel_would_refuse_it_with(env, people):
    """What 取消考试预约 lists: the same reason preview() and cancel() give, before anything is pressed."""
    p = people["permit_expiring"]
    aid = account_id(env, p)
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-04", priority=True)
    prio = book(env, p, BookingRequest(2, "priority", (rows[0].id,))).booking_id
    normal = book(env, p, BookingRequest(3, "self", (sessions(env, p, 3, "2026-12-05", "2026-12-05")[0].id,)))
    refusals = {c.booking.id: c.refusal for c in cancellation.choices(env, aid)}
    assert set(refusals) == {prio, normal.booking_id}
    assert refusals[prio] and refusals[prio] == cancellation.preview(env, aid, prio).message
    assert refusals[normal.booking_id] == "" and cancellation.preview(env, aid, normal.booking_id).allowed
    env.clock.advance(days=2)  # 12-03: the 12-05 plan is allocated, the booking placed
    allocation_service.run(env, date(2026, 12, 3))
    refusals = {c.booking.id: c.refusal for c in cancellation.choices(env, aid)}
    assert refusals[normal.booking_id] == cancellation.preview(env, aid, normal.booking_id).message
    assert "预约结果已公布" in refusals[normal.booking_id]


def test_fail_then_retake_then_ten_days(env, people):
    p = people["permit_expiring"]
    bid = placed_booking(env, p)
    with pytest.raises(DomainError, match="还未到"):
        exam_results.record(env, bid, score=90)
    env.clock.advance(days=3)
    first = exam_results.record(env, bid, score=70)
    assert not first.passed and first.booking_status == "placed" and "补考" in first.message
    second = exam_results.record(env, bid, score=75)
    assert second.attempt == 2 and second.booking_status == "done"
    option = booking_query.overview(env, account_id(env, p)).subjects[1]
    assert not option.allowed and "10日后" in option.reason
    with pytest.raises(DomainError):
        exam_results.record(env, bid, score=99)


def test_no_show_counts_as_a_fail_and_closes_the_booking(env, people):
    p = people["permit_expiring"]
    bid = placed_booking(env, p)
    env.clock.advance(days=3)
    r = exam_results.record(env, bid, no_show=True)
    assert not r.passed and r.booking_status == "done"
    # the notice says the booking has ended and when the next may be made, as 科目确认 will (tester's finding)
    assert r.message == ("考试时间2026-12-04 08:30，科目二考试缺考，按考试不合格处理，本次预约的考试结束（缺考不能参加补考）；"
                         "须10日后重新预约，2026年12月14日起可以预约")
    assert messaging.inbox(env, account_id(env, p))[0].body == r.message + "。"
    reason = booking_query.overview(env, account_id(env, p)).subjects[1].reason
    assert reason.endswith("须10日后重新预约，2026年12月14日起可以预约")
    with pytest.raises(DomainError):
        exam_results.record(env, bid, score=10, no_show=True)


def test_a_no_show_at_the_retake_says_the_retake_was_missed(env, people):
    """Absent from the retake itself: not 缺考不能参加补考 (there is no retake left to miss)."""
    p = people["permit_expiring"]
    bid = placed_booking(env, p)
    env.clock.advance(days=3)
    exam_results.record(env, bid, score=70)
    r = exam_results.record(env, bid, no_show=True)
    assert r.attempt == 2 and r.booking_status == "done"
    assert r.message.startswith("考试时间2026-12-04 09:30，科目二补考缺考，按考试不合格处理，本次预约的考试和补考均不合格；")
    assert "缺考不能参加补考" not in r.message


def test_passing_subject_one_issues_the_permit(env, people):
    p = people["learner_new"]
    bid = placed_booking(env, p, subject=1)
    env.clock.advance(days=3)
    assert exam_results.record(env, bid, score=92).passed
    with env.db.read() as s:
        permit = s.scalars(select(LearnerPermit).where(LearnerPermit.account_id == account_id(env, p))).one()
        assert permit.issued_on == date(2026, 12, 4) and permit.valid_to == date(2029, 12, 3)
    subjects = booking_query.overview(env, account_id(env, p)).subjects
    assert not subjects[0].allowed and "满10日" in subjects[1].reason


def test_the_fifth_failed_booking_uses_up_the_permit(env, people):
    p = people["four_fails"]
    bid = placed_booking(env, p)
    env.clock.advance(days=3)
    exam_results.record(env, bid, score=50)
    last = exam_results.record(env, bid, score=60)
    assert last.message.endswith("本次预约的考试和补考均不合格；科目二已预约考试5次均不合格，"
                                 "其他已考合格的科目成绩作废，请重新申请机动车驾驶证")
    option = booking_query.overview(env, account_id(env, p)).subjects[2]
    assert not option.allowed and "5次均不合格" in option.reason


def test_fee_from_configuration_and_receipt_in_progress(env, people):
    p = people["permit_expiring"]
    aid = account_id(env, p)
    with pytest.raises(DomainError, match="预约成功"):
        fees.pay(env, aid, book(env, p, BookingRequest(3, "self", (sessions(env, p, 3, "2026-12-09", "2026-12-09")[0].id,))).booking_id)
    bid = placed_booking(env, p)
    assert fees.quote(env, aid, bid).amount == fees.fee_for(2, "C1") == 150
    assert fees.fee_for(2, "B2") == 280
    paid = fees.pay(env, aid, bid)
    assert paid.paid and paid.receipt["transaction_no"].startswith("DEMO")
    with pytest.raises(DomainError, match="无需重复缴费"):
        fees.pay(env, aid, bid)
    with env.db.read() as s:
        app = s.get(Application, s.get(Booking, bid).application_id)
        assert app.status == "已缴费" and app.payload["fee"]["amount"] == 150
        assert "支付流水号" in app.events[-1].note


def test_a_booking_cancelled_while_the_bank_charges_is_not_paid_and_is_refunded(env, people):
    """A clerk cancels the booking while the citizen's payment is on its way: the fee is not recorded on
    the cancelled booking (its 网办进度 stays 已取消) and the charge is given back."""
    p = people["permit_expiring"]
    aid, bid = account_id(env, p), placed_booking(env, p)

    class CancelledMeanwhile(fees.DemoPaymentGateway):
        refunded: list = []

        def charge(self, order_no, amount_yuan, description, at):  # type: ignore[no-untyped-def]
            with env.db.write() as s:
                b = s.get(Booking, bid)
                b.status = "cancelled"
                s.get(Application, b.application_id).status = "已取消"
            return super().charge(order_no, amount_yuan, description, at)

        def refund(self, payment, amount_yuan):  # type: ignore[no-untyped-def]
            self.refunded.append((payment.transaction_no, amount_yuan))

    gateway = CancelledMeanwhile()
    with pytest.raises(DomainError, match="原路退回"):
        fees.pay(env, aid, bid, gateway)
    assert [amount for _no, amount in gateway.refunded] == [150]
    with env.db.read() as s:
        b = s.get(Booking, bid)
        assert b.fee_paid_at is None and s.get(Application, b.application_id).status == "已取消"


def test_certificate_only_for_a_placed_booking(env, people):
    p = people["permit_expiring"]
    aid = account_id(env, p)
    bid = placed_booking(env, p)
    cert = certificates.certificate(env, aid, bid)
    for part in (cert.serial_no, "科目二", "渝中考场", "经纬大道555号", "2026年12月4日", "08:30", "居民身份证"):
        assert part in cert.text
    assert "  2. 学习驾驶证明\n" in cert.text and "科目一考试无需携带" not in cert.text  # (tester) said for 科目二
    assert cert.path.read_text(encoding="utf-8").strip() == cert.text
    env.clock.advance(days=3)
    exam_results.record(env, bid, score=95, taken_at=datetime(2026, 12, 4, 8, 30))
    with pytest.raises(DomainError, match="预约成功"):
        certificates.certificate(env, aid, bid)


def test_cli_exam_result_by_id_number(env, people, capsys):
    from kiosk.__main__ import main

    p = people["permit_expiring"]
    placed_booking(env, p)
    base = ["--db", env.settings.db_url, "--now", "2026-12-05T09:00", "exam-result"]
    assert main([*base, "--id-number", p.id_number, "--subject", "2", "--score", "85", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["passed"] and out["booking_status"] == "done" and out["attempt"] == 1
    assert main([*base, "--id-number", p.id_number, "--subject", "2", "--no-show"]) == 1
    assert "考试已结束" in capsys.readouterr().err  # passed: its booking is done


def test_cli_exam_result_prints_the_result_in_chinese(env, people, capsys):
    from kiosk.__main__ import main

    p = people["permit_expiring"]
    bid = placed_booking(env, p)
    base = ["--db", env.settings.db_url, "--now", "2026-12-05T09:00", "exam-result"]
    assert main([*base, "--booking", str(bid), "--score", "70"]) == 0
    assert re.match(r"\d{16} 第1次：考试时间2026-12-04 08:30，科目二考试成绩70分，不合格", capsys.readouterr().out)
    assert main([*base, "--id-number", p.id_number, "--score", "85"]) == 2  # the command line, as argparse's
    assert "须同时给出 --subject" in capsys.readouterr().err


def test_cli_exam_result_refuses_a_time_before_the_session(env, people, capsys):
    """--at may not date the exam before its session (nor on another day); the future is refused too."""
    from kiosk.__main__ import main

    p = people["permit_expiring"]
    bid = placed_booking(env, p)  # 2026-12-04 08:30
    base = ["--db", env.settings.db_url, "--now", "2026-12-05T09:00", "exam-result", "--booking", str(bid)]
    for at, words in (("2026-11-01T08:00", "早于该场次开考时间2026-12-04 08:30"),
                      ("2026-12-04T08:29", "早于该场次开考时间2026-12-04 08:30"),
                      ("2026-12-05T08:30", "须在该场次的考试日2026-12-04"),
                      ("2026-12-06T08:30", "还未到")):
        assert main([*base, "--score", "70", "--at", at]) == 1, at
        err = capsys.readouterr().err
        assert words in err and len(err.strip().splitlines()) == 1, err
    assert main([*base, "--score", "70", "--at", "2026-12-04T10:00"]) == 0  # first attempt, failed
    capsys.readouterr()
    assert main([*base, "--score", "70", "--at", "2026-12-04T09:30", "--retake"]) == 1  # before the first
    assert "须晚于第1次考试时间2026-12-04 10:00" in capsys.readouterr().err
    assert main([*base, "--score", "95", "--at", "2026-12-04T11:00"]) == 1  # the same command again: not a retake
    err = capsys.readouterr().err
    assert "第1次考试成绩已录入（70分，2026-12-04 10:00），未重复录入；如为补考成绩，请加 --retake" in err
    assert main([*base, "--score", "95", "--at", "2026-12-04T11:00", "--retake"]) == 0


def test_cancelling_a_system_application_releases_only_the_sessions_it_was_counted_in(env, people):
    """服从系统安排 counts in its permit's city's sessions of the plans open when it is made; cancelling
    it takes it off those, not off another city's sessions nor a plan opened later."""
    from datetime import timedelta

    from sqlalchemy import func, update

    from kiosk.db.models import ExamPlan, ExamSite, Office
    from tests.booking_helpers import add_learners

    [other] = add_learners(env, 1)
    with env.db.write() as s:
        s.scalars(select(LearnerPermit).where(LearnerPermit.account_id == account_id(env, other))).one().city = "连云港"

    def lianyungang() -> int:
        with env.db.read() as s:
            return s.scalar(select(func.sum(ExamSession.applicants)).join(ExamSite, ExamSite.id == ExamSession.site_id)
                            .join(Office, Office.id == ExamSite.office_id)
                            .where(ExamSession.subject == 2, Office.city == "连云港"))

    book(env, other, BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 10)))
    counted = lianyungang()
    assert counted > 0
    p = people["permit_expiring"]  # 重庆
    done = book(env, p, BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 10)))
    with env.db.write() as s:  # a plan in its range and city that opens only after it was made
        later = s.scalars(select(ExamPlan).join(Office, Office.id == ExamPlan.office_id).where(
            ExamPlan.subject == 2, ExamPlan.exam_date == date(2026, 12, 10), Office.city == "重庆")).first()
        later.booking_opens_at = env.clock.now() + timedelta(minutes=1)
        s.execute(update(ExamSession).where(ExamSession.plan_id == later.id).values(applicants=7))
        later_id = later.id
    env.clock.advance(minutes=2)
    cancellation.cancel(env, account_id(env, p), done.booking_id)
    assert lianyungang() == counted
    with env.db.read() as s:
        assert set(s.scalars(select(ExamSession.applicants).where(ExamSession.plan_id == later_id))) == {7}
