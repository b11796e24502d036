"""Ranking time (排序时间) for normal exam booking (seeds 000 and 001).

The seeds state four rules for 科目一; RULES.md applies the same shape to each subject's
own history, so the subject name in the rule text is the booked subject:

1. first booking of the subject: when the first licence application was accepted (also the time
   of a later booking with no exam and no counting cancellation before it, e.g. after one that
   ended 未安排: its wording, RULE_NO_EXAM, then claims no first booking);
2. later bookings: the time of the last exam of that subject;
3. the citizen cancelled a successful booking: the cancellation time;
4. both 2 and 3 apply: the more recent of the two.

Choices where the seeds are silent:
- "A successful booking" (考试预约成功) is one that had been given a session: a cancelled
  booking counts when it has ``exam_at`` set. Priority bookings cancelled at a counter count
  the same way. The services also pass an application withdrawn online while it waited for
  allocation (issue 3: any online cancellation sets the ranking time), marked ``withdrawn``:
  the rule is the third one, but its wording must not claim a 预约成功 that never happened,
  so the explanation then reads RULE_WITHDRAWN (the 业务须知 keeps the seeds' text).
- A no-show is an exam held at its scheduled time (``taken_at``).
- History from before ``accepted_at`` (an earlier, lapsed application) is ignored.
- Ties (same ranking time) go to the smaller applicant id, i.e. the earlier registered
  applicant; ids are unique, so the order is total and deterministic.
"""
from __future__ import annotations

from datetime import datetime
from typing import NamedTuple, Sequence

from .exam import SUBJECT_NAMES, BookingFact, ExamAttempt

RULE_FIRST = "首次预约{subject}考试的，以受理用户初次申领机动车驾驶证等业务的时间为排序时间"
# Rule 1's time for one who booked the subject before without an exam or a cancellation that counts
# (an application that ended 未安排, one still waiting): the seed's wording would claim a first booking.
RULE_NO_EXAM = "未参加过{subject}考试且未取消过预约的，以受理用户初次申领机动车驾驶证等业务的时间为排序时间"
# the same when an earlier booking was cancelled without ever having been successful (no rule-3 time)
RULE_NO_EXAM_NOR_SUCCESS = ("未参加过{subject}考试且未在考试预约成功后取消预约的，"
                            "以受理用户初次申领机动车驾驶证等业务的时间为排序时间")
RULE_LAST_EXAM = "非首次预约{subject}考试的，以上次考试时间为排序时间"
RULE_CANCELLED = "考试预约成功的用户因自身原因取消预约的，以取消预约时间为排序时间"
RULE_WITHDRAWN = "取消考试预约的，以取消预约时间为排序时间"
RULE_BOTH = "同时符合第二项、第三项情形的，以最近时间为排序时间"
# the fourth rule names the second and the third: said with it, as 选择场次 lists no rules
BOTH_ITEMS = "（第二项：非首次预约的，以上次考试时间为排序时间；第三项：{cancelled}）"
CANCELLED_ITEM = "考试预约成功后取消预约的，以取消预约时间为排序时间"


class RankingTime(NamedTuple):
    at: datetime
    rule_text: str
    items: str = ""  # with RULE_BOTH: what its second and third item say, fitting what happened


def ranking_time(
    subject: int,
    accepted_at: datetime,
    attempts: Sequence[ExamAttempt],
    bookings: Sequence[BookingFact],
) -> RankingTime:
    """(ranking time, the seed's wording of the rule that applied) for a new booking."""
    name = SUBJECT_NAMES[subject]
    exam_times = [a.taken_at for a in attempts if a.subject == subject and a.taken_at >= accepted_at]
    cancels = [
        (b.cancelled_at, b.withdrawn)
        for b in bookings
        if b.subject == subject
        and b.status == "cancelled"
        and b.exam_at is not None
        and b.cancelled_at is not None
        and b.cancelled_at >= accepted_at
    ]
    cancel_times = [at for at, _withdrawn in cancels]
    # the wording of the latest cancellation: a placed booking's (the seed's) or a withdrawn application's
    withdrawn = bool(cancels) and max(cancels)[1]
    if exam_times and cancel_times:
        items = BOTH_ITEMS.format(cancelled=RULE_WITHDRAWN if withdrawn else CANCELLED_ITEM)
        return RankingTime(max(max(exam_times), max(cancel_times)), RULE_BOTH, items)
    if cancel_times:
        return RankingTime(max(cancel_times), RULE_WITHDRAWN if withdrawn else RULE_CANCELLED)
    if exam_times:
        return RankingTime(max(exam_times), RULE_LAST_EXAM.format(subject=name))
    earlier = [b for b in bookings if b.subject == subject and b.created_at >= accepted_at]
    if not earlier:
        return RankingTime(accepted_at, RULE_FIRST.format(subject=name))
    rule = RULE_NO_EXAM_NOR_SUCCESS if any(b.status == "cancelled" for b in earlier) else RULE_NO_EXAM
    return RankingTime(accepted_at, rule.format(subject=name))


def rank_key(ranking_time: datetime, applicant_id: int) -> tuple[datetime, int]:
    """Sort key: earlier ranking time first, then the smaller applicant id."""
    return (ranking_time, applicant_id)


def rank_position(own_key: tuple[datetime, int], competitor_keys: Sequence[tuple[datetime, int]]) -> int:
    """1-based place among the pending applications of the same plan (仅供参考)."""
    return 1 + sum(1 for k in competitor_keys if k < own_key)
