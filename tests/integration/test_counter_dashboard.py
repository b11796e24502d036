"""考试数据看板 figures: an application waiting for its publication day counts once among 待安排,
however many sessions its range covers, and no longer once it has been placed. 已申请 of a row
counts only sessions whose plan is still to be allocated, as the citizen's 选择场次 does."""
from __future__ import annotations

from datetime import date

from kiosk.services import allocation_service, counter_dashboard, exam_admin
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
    assert sum(r.applicants or 0 for r in board.rows) - sum(r.applicants or 0 for r in before.rows) > 1
    env.clock.advance(days=1)  # 2026-12-02: publication day of the 12-04 sessions
    report = allocation_service.run(env, date(2026, 12, 2))
    assert report.placed == 1
    after = counter_dashboard.dashboard(env, CLERK)
    assert after.pending == before.pending
    assert after.totals[1] == board.totals[1] + 1  # placed
    assert sum(d.placed for d in after.per_day) == after.totals[1]


def test_applications_decided_no_longer_count_as_applied(env) -> None:
    """Tester: 已申请 1 beside 已安排 0 on a day whose plan was allocated, the application placed in
    another session, while the header said 待安排申请 0 份. Once a plan is allocated its sessions'
    count is no longer a count of anyone waiting: the row says so (None, shown as -)."""
    learner = add_learners(env, 1)[0]
    book(env, learner, BookingRequest(2, "system", (), date(2026, 12, 4), date(2026, 12, 8)))
    env.clock.advance(days=1)  # 2026-12-02: publication day of the 12-04 sessions
    assert allocation_service.run(env, date(2026, 12, 2)).placed == 1
    after = counter_dashboard.dashboard(env, CLERK)
    assert after.pending == 0
    day = [r for r in after.rows if r.day == date(2026, 12, 4)]
    assert day and all(r.applicants is None for r in day)  # was 1 at every site but the one placed in
    assert all(not r.applicants for r in after.rows)  # nothing waits anywhere: no row says otherwise
    # the sessions of 考试计划与安排 read the same way (the list shows - for them)
    from kiosk.ui.screens.counter.exam_plans_list import COLUMNS, _cells
    exams = StaffSession("J1003", "考试管理员", ("exam_admin",))
    listed = exam_admin.list_sessions(env, exams, "2026-12-04", "2026-12-04")
    assert listed and all(r.applicants >= 0 for r in listed)
    assert {_cells(r)[COLUMNS.index("已申请")] for r in listed} == {"-"}


def test_a_plan_past_its_publication_day_unallocated_is_overdue_with_nobody_applied(env) -> None:
    """The demo's 12-03 plans, nobody applied, never allocated: on 12-05 the board counts them per
    publication day and flags the rows of their sessions; the run for that past day clears both."""
    env.clock.advance(days=4)  # 2026-12-05
    board = counter_dashboard.dashboard(env, CLERK)
    assert [d for d, _ in board.overdue] == [date(2026, 12, 3)] and board.overdue[0][1] > 0
    flagged = {r.day for r in board.rows if r.overdue}
    assert flagged and all(not r.applicants for r in board.rows if r.overdue)
    allocation_service.run(env, date(2026, 12, 3))  # refuse_ahead lets a day gone by through
    after = counter_dashboard.dashboard(env, CLERK)
    assert after.overdue == () and not any(r.overdue for r in after.rows)
