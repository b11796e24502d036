"""Ranking time and rank order (kiosk.domain.ranking)."""
from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.exam import BookingFact, ExamAttempt
from kiosk.domain.ranking import rank_key, rank_position, ranking_time

ACCEPTED = datetime(2025, 1, 2, 9, 30)

# The seed's wording (seed 000/001) with full-width punctuation.
SEED_RULE_1 = "首次预约科目一考试的，以受理用户初次申领机动车驾驶证等业务的时间为排序时间"
SEED_RULE_2 = "非首次预约科目一考试的，以上次考试时间为排序时间"
SEED_RULE_3 = "考试预约成功的用户因自身原因取消预约的，以取消预约时间为排序时间"
SEED_RULE_4 = "同时符合第二项、第三项情形的，以最近时间为排序时间"


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2025, 3, 1, hour) + timedelta(days=day)


def exam(subject: int, when: datetime, passed: bool = False) -> ExamAttempt:
    return ExamAttempt(subject, when, passed, None, False)


def cancelled(subject: int, when: datetime, placed: bool = True) -> BookingFact:
    return BookingFact(subject, "cancelled", False, when - timedelta(days=3), when, when + timedelta(days=5) if placed else None)


def test_first_booking_uses_acceptance_time():
    assert ranking_time(1, ACCEPTED, [], [])[:2] == (ACCEPTED, SEED_RULE_1)
    t, text = ranking_time(2, ACCEPTED, [exam(1, at(0), True)], [])[:2]
    assert t == ACCEPTED and text == SEED_RULE_1.replace("科目一", "科目二")


def test_later_booking_uses_last_exam_of_that_subject():
    attempts = [exam(1, at(0)), exam(1, at(0, 11)), exam(1, at(20)), exam(2, at(40))]
    assert ranking_time(1, ACCEPTED, attempts, [])[:2] == (at(20), SEED_RULE_2)
    t, text = ranking_time(2, ACCEPTED, attempts, [])[:2]
    assert t == at(40) and "非首次预约科目二考试" in text


def test_cancelled_successful_booking_uses_cancellation_time():
    bookings = [cancelled(1, at(5)), cancelled(1, at(9))]
    assert ranking_time(1, ACCEPTED, [], bookings)[:2] == (at(9), SEED_RULE_3)


def test_a_withdrawn_application_counts_in_words_that_claim_no_successful_booking():
    """Tester: after cancelling an application never placed (受理中), 依据 said 「考试预约成功后取消预约的」."""
    withdrawn = BookingFact(1, "cancelled", False, at(2), at(9), at(12), withdrawn=True)
    assert ranking_time(1, ACCEPTED, [], [withdrawn]) == (at(9), "取消考试预约的，以取消预约时间为排序时间", "")
    both = ranking_time(1, ACCEPTED, [exam(1, at(5))], [withdrawn])
    assert both[:2] == (at(9), SEED_RULE_4)
    assert both.items == "（第二项：非首次预约的，以上次考试时间为排序时间；第三项：取消考试预约的，以取消预约时间为排序时间）"
    assert "预约成功" not in both.items
    placed = ranking_time(1, ACCEPTED, [exam(1, at(5))], [cancelled(1, at(9))])
    assert "第三项：考试预约成功后取消预约的，以取消预约时间为排序时间" in placed.items


def test_withdrawn_pending_application_and_other_subjects_do_not_count():
    """Their time does not count; the wording does not claim a first booking of 科目一 either."""
    assert ranking_time(1, ACCEPTED, [], [cancelled(2, at(8))])[:2] == (ACCEPTED, SEED_RULE_1)
    bookings = [cancelled(1, at(5), placed=False), cancelled(2, at(8))]
    bookings.append(BookingFact(1, "done", False, at(1), None, at(6)))
    assert ranking_time(1, ACCEPTED, [], bookings)[:2] == (ACCEPTED, NOT_SUCCESSFUL_1)


NO_EXAM_2 = "未参加过科目二考试且未取消过预约的，以受理用户初次申领机动车驾驶证等业务的时间为排序时间"
NOT_SUCCESSFUL_1 = "未参加过科目一考试且未在考试预约成功后取消预约的，以受理用户初次申领机动车驾驶证等业务的时间为排序时间"


def test_a_booking_before_without_exam_or_cancellation_keeps_rule_one_in_other_words():
    """Reviewer: after a 科目二 booking that ended 未安排, 依据 said 首次预约科目二考试的."""
    unplaced = BookingFact(2, "unplaced", False, at(1), None, None)
    assert ranking_time(2, ACCEPTED, [exam(1, at(0), True)], [unplaced])[:2] == (ACCEPTED, NO_EXAM_2)
    assert "首次" not in NO_EXAM_2
    earlier_application = BookingFact(2, "unplaced", False, ACCEPTED - timedelta(days=400), None, None)
    assert ranking_time(2, ACCEPTED, [], [earlier_application])[:2] == (ACCEPTED, SEED_RULE_1.replace("科目一", "科目二"))


def test_both_rules_take_the_later_time():
    attempts = [exam(1, at(10))]
    assert ranking_time(1, ACCEPTED, attempts, [cancelled(1, at(15))])[:2] == (at(15), SEED_RULE_4)
    assert ranking_time(1, ACCEPTED, attempts, [cancelled(1, at(3))])[:2] == (at(10), SEED_RULE_4)


def test_history_of_an_earlier_application_is_ignored():
    old = ACCEPTED - timedelta(days=400)
    assert ranking_time(1, ACCEPTED, [exam(1, old)], [cancelled(1, old)])[:2] == (ACCEPTED, SEED_RULE_1)


times = st.datetimes(datetime(2025, 1, 3), datetime(2027, 12, 31))


@given(st.lists(st.tuples(st.sampled_from((1, 2)), times), max_size=6),
       st.lists(st.tuples(st.sampled_from((1, 2)), times, st.booleans()), max_size=6))
def test_ranking_time_is_the_latest_relevant_event(exams, cancels):
    attempts = [exam(s, t) for s, t in exams]
    bookings = [cancelled(s, t, placed) for s, t, placed in cancels]
    relevant = [t for s, t in exams if s == 1] + [t for s, t, placed in cancels if s == 1 and placed]
    t, text = ranking_time(1, ACCEPTED, attempts, bookings)[:2]
    if relevant:
        assert t == max(relevant) and text != SEED_RULE_1
    else:  # the seed's first-booking words only when the subject was never booked in this application
        booked = any(b.subject == 1 and b.created_at >= ACCEPTED for b in bookings)
        assert (t, text) == (ACCEPTED, NOT_SUCCESSFUL_1 if booked else SEED_RULE_1)


def test_rank_key_orders_by_time_then_id():
    keys = [rank_key(at(2), 7), rank_key(at(1), 9), rank_key(at(2), 3), rank_key(at(1), 10)]
    assert sorted(keys) == [(at(1), 9), (at(1), 10), (at(2), 3), (at(2), 7)]
    assert rank_key(at(1), 5) < rank_key(at(1), 6) < rank_key(at(1, 10), 1)


def test_rank_position():
    mine = rank_key(at(2), 5)
    others = [rank_key(at(1), 99), rank_key(at(2), 4), mine, rank_key(at(2), 6), rank_key(at(3), 1)]
    assert rank_position(mine, others) == 3
    assert rank_position(mine, []) == 1
