"""Exam booking, step 确认并提交: the citizen's other pending application that may take the same day.

One exam a day per person (allocation never places two subjects on one day), and allocation goes by
ranking: when this application and another of the citizen's still waiting (受理中) may both be placed
on a day, whichever comes first in the ranking takes it. A 服从系统安排 application just moves on to
another day of its range; a chosen session (自主选择场次) on that day is lost. So the summary says so
before the citizen books, whenever a chosen session is involved on either side (the tester: a fixed
科目二 on 12-07 lost its day to the same learner's 科目三 服从系统安排 over 12-04 to 12-17, unwarned).
The priority booking has its own note (booking_submit.check), from the same ``waiting_on``.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Booking, ExamSession
from ..domain.dates import format_days
from ..domain.exam import SUBJECT_NAMES
from .cancellation import still_open_candidates

TITLE = "特别提示"


def waiting_on(s: Session, account_id: int, days: set[date] | tuple[date, date],
               other_than: int | None = None) -> list[tuple[Booking, list[date]]]:
    """The citizen's pending normal applications (of a subject other than ``other_than``) that may
    still be placed on one of ``days`` (a set of days, or a (first, last) range), each with those
    days, in the order they were made."""
    q = select(Booking).where(Booking.account_id == account_id, Booking.status == "pending",
                              Booking.priority.is_(False))
    if other_than is not None:
        q = q.where(Booking.subject != other_than)
    found = []
    for b in s.scalars(q.order_by(Booking.id)):
        on = select(ExamSession.exam_date).distinct().where(still_open_candidates(b))
        on = on.where(ExamSession.exam_date.between(*days) if isinstance(days, tuple)
                      else ExamSession.exam_date.in_(sorted(days)))
        shared = sorted(s.scalars(on))
        if shared:
            found.append((b, shared))
    return found


def only_on(s: Session, b: Booking, day: date) -> bool:
    """Whether the pending application ``b`` may be placed on ``day`` only: none of its sessions still
    open is on another day (自主选择场次 of that day's sessions alone)."""
    other = select(ExamSession.id).where(still_open_candidates(b), ExamSession.exam_date != day).limit(1)
    return s.scalar(other) is None


def same_day_notes(s: Session, account_id: int, subject: int, mode: str,
                   days: set[date] | tuple[date, date]) -> list[tuple[str, str]]:
    """``days``: the days of the chosen sessions (自主选择场次), or the (first, last) day of a
    服从系统安排 range. One row per other pending normal application that may be placed on one of them."""
    return [(TITLE, f"您的{SUBJECT_NAMES[b.subject]}考试预约申请（受理中）也可能安排在{format_days(shared)}。"
                    "同一天只安排一个科目的考试，两项申请按排名先后安排，先安排的一项占用这一天。")
            for b, shared in waiting_on(s, account_id, days, other_than=subject)
            if mode == "self" or b.mode == "self"]  # two ranges: the later one is placed on another day of its own
