"""Priority booking (优先预约, seeds 000 and 001).

Open only while the learner permit has *under 6 calendar months* left, once per subject, so
never before the permit is issued (科目一 passed): a learner without one has nothing running out.
"Under 6 months" is measured in calendar months, not days: with a last valid day V, the
window opens the day after the date 6 months before V (V = 8月31日 -> 3月1日; V = 6月15日
-> 12月16日). On the exact 6-month day the permit still has 6 full months, so it is closed.

Any priority booking of the subject uses up its one chance (seed: 每个科目可以在互联网优先预约1次
考试), one cancelled at a counter too: cancelling gives back the seat, not the chance. Only
bookings of the current application (created on or after ``permit.accepted_at``) count.

This checks the priority conditions only: the caller must also require
``exam_eligibility.eligibility(...)`` to allow the subject ("不存在其他法规规定的不符合考试预约情形").
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Sequence

from .dates import add_months, format_date
from .exam import SUBJECT_NAMES, SUBJECTS, BookingFact, Eligibility, PermitFacts

PRIORITY_WINDOW_MONTHS = 6
NOT_ISSUED = "您尚未取得学习驾驶证明（科目一考试合格后核发），不能优先预约"
ONCE_PER_SUBJECT = "每个科目只能优先预约1次"


def used_up(subject_name: str, cancelled: bool = False) -> str:
    """What the kiosk says of a subject whose one priority booking is taken (cancelled or not)."""
    return f"{subject_name}已使用过优先预约{'（已取消）' if cancelled else ''}，{ONCE_PER_SUBJECT}"


def cancel_keeps_used(subject_name: str) -> str:
    """Told to the clerk before a priority booking is cancelled at the counter: the seat comes back,
    the chance does not (the citizen's kiosk says ``used_up(name, cancelled=True)`` afterwards)."""
    return f"注意：这是优先预约，取消后{subject_name}不能再优先预约（{ONCE_PER_SUBJECT}，已取消的也算），请告知考生。"


def priority_window_opens(valid_to: date) -> date:
    """First day on which the permit has under 6 months left."""
    return add_months(valid_to, -PRIORITY_WINDOW_MONTHS) + timedelta(days=1)


def priority_why(valid_to: date, age_note: str = "") -> str:
    """Why 切换至优先预约 is offered, said beside it (the seed's conditions, for one who meets them);
    ``age_note``: exam.age_limit_note when the permit's end comes from the age limit."""
    return (f"您的学习驾驶证明将于{format_date(valid_to)}{age_note}到期（不足{PRIORITY_WINDOW_MONTHS}个月），每个科目可优先预约1次，"
            "预约成功即安排考试，不能在网上取消")


def priority_eligibility(
    permit: PermitFacts, bookings: Sequence[BookingFact], subject: int, today: date
) -> Eligibility:
    if subject not in SUBJECTS:
        raise ValueError(f"unknown subject {subject!r}")
    name = SUBJECT_NAMES[subject]
    if not permit.issued:  # its valid_to is only the application's stand-in: there is no permit to run out
        return Eligibility(False, NOT_ISSUED)
    if today > permit.valid_to:
        return Eligibility(False, f"您的学习驾驶证明已于{format_date(permit.valid_to)}过期，不能优先预约")
    used = [b for b in bookings if b.subject == subject and b.priority and b.created_at >= permit.accepted_at]
    if used:
        cancelled = all(b.status == "cancelled" for b in used)
        return Eligibility(False, used_up(name, cancelled))
    opens = priority_window_opens(permit.valid_to)
    if today < opens:
        return Eligibility(
            False,
            f"学习驾驶证明有效期不足6个月时才能优先预约，{format_date(opens)}起可以优先预约",
            opens,
        )
    return Eligibility(True, "", today)
