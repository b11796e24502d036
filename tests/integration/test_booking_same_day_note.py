"""确认并提交 says when another of the citizen's waiting applications may take the same day (one exam
a day; the ranking decides which comes first), as soon as a chosen session is involved on either side."""
from __future__ import annotations

from datetime import date

from kiosk.services import booking_submit
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, add_learners, book, sessions

NOTE = "同一天只安排一个科目的考试，两项申请按排名先后安排"


def _notes(env, person, req: BookingRequest) -> list[str]:  # type: ignore[no-untyped-def]
    summary = booking_submit.check(env, account_id(env, person), req).summary
    return [v for k, v in summary if k == "特别提示" and NOTE in v]


def test_a_chosen_session_on_a_day_another_range_covers_is_warned_of_both_ways(env):
    learner = add_learners(env, 1)[0]
    k2 = sessions(env, learner, 2, "2026-12-07", "2026-12-07")[0]
    book(env, learner, BookingRequest(3, "system", (), date(2026, 12, 4), date(2026, 12, 17)))
    notes = _notes(env, learner, BookingRequest(2, "self", (k2.id,)))
    assert notes == [f"您的科目三考试预约申请（受理中）也可能安排在2026年12月7日。{NOTE}，先安排的一项占用这一天。"]


def test_a_range_over_a_day_a_chosen_session_waits_on_is_warned_of(env):
    learner = add_learners(env, 1)[0]
    k2 = sessions(env, learner, 2, "2026-12-07", "2026-12-07")[0]
    book(env, learner, BookingRequest(2, "self", (k2.id,)))
    notes = _notes(env, learner, BookingRequest(3, "system", (), date(2026, 12, 4), date(2026, 12, 17)))
    assert len(notes) == 1 and notes[0].startswith("您的科目二考试预约申请（受理中）也可能安排在2026年12月7日。")


def test_no_note_for_two_ranges_or_other_days(env):
    learner = add_learners(env, 1)[0]
    book(env, learner, BookingRequest(3, "system", (), date(2026, 12, 4), date(2026, 12, 8)))
    assert _notes(env, learner, BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 17))) == []
    later = sessions(env, learner, 2, "2026-12-14", "2026-12-14")[0]  # after the 科目三 range
    assert _notes(env, learner, BookingRequest(2, "self", (later.id,))) == []
