"""考试计划与安排: a session's seats and 优先预约名额 against what is already taken. Once its plan is
allocated (results published) the session is no longer edited (该计划已安排考试，不能修改, said by the
form); before that the quota keeps to the priority seats taken and the seats to those placed, each
said under its field, so the CHECK constraints (priority_taken <= priority_quota <= seats,
placed <= seats) never refuse a save and the citizen's priority booking keeps working."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry, ExamSession
from kiosk.domain.errors import Conflict, DomainError, FieldErrors
from kiosk.services import allocation_service, exam_admin
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.staff import StaffSession
from tests.booking_helpers import add_learners, book, sessions

EXAMS = StaffSession("J1003", "赵考务", ("exam_admin",))


def _row(env, session_id: int) -> exam_admin.SessionRow:
    with env.db.read() as s:
        day = s.get(ExamSession, session_id).exam_date
    return next(r for r in exam_admin.list_sessions(env, EXAMS, f"{day}", f"{day}") if r.id == session_id)


def _form(r: exam_admin.SessionRow, **changed: str) -> exam_admin.SessionForm:
    """The session as 考试计划与安排 loads it, with ``changed`` typed over it."""
    typed = dict(exam_date=f"{r.exam_date}", start_time=f"{r.start_time:%H:%M}", subject=str(r.subject),
                 classes=r.classes, seats=str(r.seats), priority_quota=str(r.priority_quota),
                 opens_on=f"{r.opens_on}", publish_on=f"{r.publish_on}")
    typed.update(changed)
    return exam_admin.SessionForm(r.site_id, **typed, session_id=r.id, loaded=exam_admin.shown(r))


def _edits(env) -> int:
    with env.db.read() as s:
        return len(s.scalars(select(AuditEntry.id).where(AuditEntry.action == "exam_session_save")).all())


def _priority_booked(env) -> exam_admin.SessionRow:
    """A 12-04 科目二 session (publication day 12-02) with one priority seat taken."""
    learner = add_learners(env, 1, permit_left_days=100)[0]
    target = sessions(env, learner, 2, "2026-12-04", "2026-12-04", priority=True)[0]
    book(env, learner, BookingRequest(2, "priority", (target.id,)))
    row = _row(env, target.id)
    assert row.priority_taken == 1 and row.placed == 1 and row.priority_quota >= 2
    return row


@pytest.mark.parametrize("changed", [
    lambda r: dict(priority_quota=str(r.priority_quota - 1)),  # still above the seat taken
    lambda r: dict(seats=str(r.seats + 10)),
    lambda r: dict(priority_quota=str(r.priority_quota - 1), seats=str(r.seats + 10)),
])
def test_an_allocated_plans_session_is_not_edited(env, changed) -> None:
    row = _priority_booked(env)
    env.clock.advance(days=1)  # 2026-12-02: the publication day
    assert allocation_service.run(env, date(2026, 12, 2)).plans
    row, edits = _row(env, row.id), _edits(env)
    assert row.allocated
    with pytest.raises(DomainError) as refused:
        exam_admin.save_session(env, EXAMS, _form(row, **changed(row)))
    assert not isinstance(refused.value, Conflict)
    assert refused.value.message.startswith("该计划已安排考试，不能修改") and refused.value.field == "session"
    assert _row(env, row.id) == row and _edits(env) == edits  # nothing changed, nothing audited


def test_before_the_allocation_the_quota_and_seats_keep_to_what_is_taken(env) -> None:
    row = _priority_booked(env)
    second = add_learners(env, 1, permit_left_days=100, first_seq=700)[0]
    book(env, second, BookingRequest(2, "priority", (row.id,)))
    row = _row(env, row.id)
    assert (row.priority_taken, row.placed) == (2, 2)
    with pytest.raises(FieldErrors) as refused:  # both said at once, each under its field
        exam_admin.save_session(env, EXAMS, _form(row, seats="1", priority_quota="1"))
    assert dict(refused.value.problems) == {"seats": "考位数不能少于已安排的2人",
                                            "priority_quota": "优先预约名额不能少于已占用的2个"}
    # down to exactly what is taken: saved, and a next priority applicant no longer finds the session
    saved = exam_admin.save_session(env, EXAMS, _form(row, priority_quota="2", seats="2"))
    assert (saved.priority_quota, saved.seats, saved.placed) == (2, 2, 2)
    third = add_learners(env, 1, permit_left_days=100, first_seq=800)[0]
    assert all(r.id != row.id for r in sessions(env, third, 2, "2026-12-04", "2026-12-04", priority=True))
