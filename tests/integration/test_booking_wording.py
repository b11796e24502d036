"""What the booking services say, as a tester read it: the ranking rule after a withdrawn application,
a 服从系统安排 range that starts in the past, and the exam's time in a result's 网办进度 note."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.errors import DomainError, sentence
from kiosk.services import applications, booking_query, booking_submit, cancellation, exam_results, messaging
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, book, sessions
from tests.integration.test_booking_lifecycle import placed_booking


def test_a_withdrawn_application_sets_the_ranking_time_in_fitting_words(env, people):
    """Any online cancellation's time is the new ranking time (issue 3), but an application that was
    never placed is not explained as 「考试预约成功的用户因自身原因取消预约的」."""
    p = people["permit_expiring"]
    aid = account_id(env, p)
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    env.clock.advance(hours=1)
    cancelled = cancellation.cancel(env, aid, done.booking_id)
    ranking = booking_query.query_sessions(env, aid, 2, date(2026, 12, 4), date(2026, 12, 6)).ranking
    assert ranking is not None and ranking.at == cancelled.cancelled_at
    assert ranking.rule_text == "取消考试预约的，以取消预约时间为排序时间" and ranking.rule_items == ""
    checked = booking_submit.check(env, aid, BookingRequest(2, "self", (rows[0].id,)))
    assert dict(checked.summary)["排序时间"].endswith("（取消考试预约的，以取消预约时间为排序时间）")
    # titled with its subject and outcome in the inbox, as the booking's other messages are
    # (tester: two rows 取消考试预约 alike)
    assert messaging.inbox(env, aid)[0].title == "科目二考试预约（已取消）"


def test_both_rules_after_a_withdrawn_application_explain_the_third_as_it_happened(env, people):
    p = people["four_fails"]  # 科目二 exams before
    aid = account_id(env, p)
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    cancellation.cancel(env, aid, done.booking_id)
    ranking = booking_query.query_sessions(env, aid, 2, date(2026, 12, 4), date(2026, 12, 6)).ranking
    assert ranking is not None and ranking.rule_text == "同时符合第二项、第三项情形的，以最近时间为排序时间"
    assert ranking.rule_items == ("（第二项：非首次预约的，以上次考试时间为排序时间；"
                                  "第三项：取消考试预约的，以取消预约时间为排序时间）")


@pytest.mark.parametrize("start", [date(2026, 11, 1), date(2026, 12, 1)])
def test_a_system_range_may_not_start_before_tomorrow(env, people, start):
    """Tester 4: 服从系统安排 from 2026-11-01 was accepted and 确认并提交 showed 2026年11月1日至...;
    the query and the submission both refuse it next to 开始日期 (today is 2026-12-01)."""
    p = people["permit_expiring"]
    aid = account_id(env, p)
    with pytest.raises(DomainError) as err:
        booking_query.query_sessions(env, aid, 2, start, date(2026, 12, 10))
    assert (err.value.field, err.value.message) == ("date_from", "开始日期最早为2026年12月2日")
    with pytest.raises(DomainError) as err:
        booking_submit.check(env, aid, BookingRequest(2, "system", (), start, date(2026, 12, 10)))
    assert err.value.field == "date_from"
    checked = booking_submit.check(env, aid, BookingRequest(2, "system", (), date(2026, 12, 2), date(2026, 12, 10)))
    assert dict(checked.summary)["预约时间段"] == "2026年12月2日至2026年12月10日"


def test_a_result_note_says_when_the_exam_was_not_when_it_was_recorded(env, people):
    """Tester 6: 网办进度 showed 「2026-12-07 10:00:00 考试不合格」 for an 08:30 exam; the note now
    starts with the exam's time, in the timeline, the inbox and the SMS alike."""
    p = people["permit_expiring"]
    bid = placed_booking(env, p)  # the 2026-12-04 session at 08:30
    env.clock.advance(days=5)  # recorded days later
    first = exam_results.record(env, bid, score=60)
    assert first.message.startswith("考试时间2026-12-04 08:30，科目二考试成绩60分，不合格")
    second = exam_results.record(env, bid, score=65)  # the retake, an hour later by default
    assert second.message.startswith("考试时间2026-12-04 09:30，科目二补考成绩65分，不合格")
    (app,) = [a for a in applications.list_for(env, account_id(env, p)) if "考试不合格" in {e.status for e in a.events}]
    results = [e for e in app.events if e.status == "考试不合格"]
    assert [e.at.date() for e in results] == [date(2026, 12, 7)] * 2  # when recorded: the note says the exam's
    assert [e.note for e in results] == [sentence(m) for m in (first.message, second.message)]


def test_the_cancellation_entry_in_the_timeline_stays_in_the_third_person(env, people):
    """Tester: 网办进度 read 「申请人于...取消预约。您科目二考试预约的排序时间已变为...」, 申请人 then 您."""
    p = people["permit_expiring"]
    aid = account_id(env, p)
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    cancellation.cancel(env, aid, done.booking_id)
    (app,) = [a for a in applications.list_for(env, aid) if a.serial_no == done.serial_no]
    note = app.events[-1].note
    assert note.startswith("申请人于") and "。其科目二考试预约的排序时间已变为本次取消预约的时间" in note and "您" not in note


def test_the_cancel_question_promises_no_minute_that_confirming_later_would_change(env, people):
    """Tester: asked at 09:38, 「排序时间将变为本次取消预约的时间（2026-12-03 09:38）」, confirmed a minute
    later and saved as 09:39. The question now says the time of confirming, with the time it is asked
    only as 现在是; what is saved and told afterwards is the minute confirmed."""
    p = people["permit_expiring"]
    aid = account_id(env, p)
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    asked = env.clock.now()
    question = cancellation.preview(env, aid, done.booking_id).message
    assert question == (f"取消后，您科目二考试预约的排序时间将变为确认取消的时间（现在是{asked:%Y-%m-%d %H:%M}），"
                        "重新预约时排名可能靠后。确认取消吗？")
    env.clock.advance(minutes=1)
    cancelled = cancellation.cancel(env, aid, done.booking_id)
    assert f"已变为本次取消预约的时间（{cancelled.cancelled_at:%Y-%m-%d %H:%M}）" in cancelled.message
    assert f"{cancelled.cancelled_at:%H:%M}" != f"{asked:%H:%M}"


def test_a_priority_booking_message_says_priority_once(env, people):
    """The SMS and the inbox message of a priority booking name it in the title and then say only
    预约成功, as an allocation's result reads (tester: 优先考试预约（业务流水号...）：优先预约成功：...)."""
    p = people["permit_expiring"]
    row = sessions(env, p, 2, "2026-12-04", "2026-12-06", priority=True)[0]
    done = book(env, p, BookingRequest(2, "priority", (row.id,)))
    head = f"您的科目二优先考试预约（业务流水号{done.serial_no}）预约成功：{row.exam_date:%Y-%m-%d} {row.start_time:%H:%M} "
    told = next(m.body for m in messaging.inbox(env, account_id(env, p)) if done.serial_no in m.body)
    sms = next(m.body for m in messaging.outbox(env, p.phone) if done.serial_no in m.body)
    assert told.startswith(head) and sms == f"【交管12123】{told}" and told.count("优先") == 1
    assert done.note.startswith("预约成功：")  # the result page: 优先考试预约提交成功。 ... 预约成功：...


def test_a_priority_booking_says_what_an_allocation_says_to_do(env, people):
    """Tester: a priority booking read 请按时参加考试，并在考试前缴纳考试费 while an allocation's result
    asks for the ID document and offers the 预约凭证; both now say the same (booking.placed_text)."""
    from kiosk.services.allocation_sql import placed_note
    p = people["permit_expiring"]
    row = sessions(env, p, 2, "2026-12-04", "2026-12-06", priority=True)[0]
    done = book(env, p, BookingRequest(2, "priority", (row.id,)))
    site = next(s for s in booking_query.sites(env, account_id(env, p)) if s.id == row.site_id)
    said = placed_note(f"{row.exam_date:%Y-%m-%d}", f"{row.start_time:%H:%M}", row.site_name, site.address)
    assert f"{done.note}。" == said and "携带身份证明" in said and "可打印预约凭证" in said
    told = next(m.body for m in messaging.inbox(env, account_id(env, p)) if done.serial_no in m.body)
    assert told.endswith(said) and "。。" not in told
