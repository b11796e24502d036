"""考试数据看板 figures: an application waiting for its publication day counts once among 待安排,
however many sessions its range covers, and no longer once it has been placed."""
from __future__ import annotations

from datetime import date

from kiosk.services import allocation_service, counter_dashboard
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.staff import StaffSession
from tests.booking_helpers import add_learners, book

CLERK = StaffSession("J1001", "王警官", ("counter",))


def test_a_system_application_waits_once_and_goes_when_placed(env) -> None:
    before = counter_dashboard.dashboard(env, CLERK)
    learner = add_learners(env, 1)[0]
    book(env, learner, BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 8)))
    board = counter_dashboard.dashboard(env, CLERK)
    assert board.pending == before.pending + 1
    # the per-session figure counts it at every session its range covers (the screen says so)
    assert sum(r.applicants for r in board.rows) - sum(r.applicants for r in before.rows) > 1
    env.clock.advance(days=1)  # 2026-12-02: publication day of the 12-04 sessions
    report = allocation_service.run(env, date(2026, 12, 2))
    assert report.placed == 1
    after = counter_dashboard.dashboard(env, CLERK)
    assert after.pending == before.pending
    assert after.totals[1] == board.totals[1] + 1  # placed
    assert sum(d.placed for d in after.per_day) == after.totals[1]
