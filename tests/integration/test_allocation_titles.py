"""The allocation result's inbox title names the subject and the result (科目二考试预约（预约成功）), as
the other booking messages do (科目三考试预约（受理中）): a citizen with two subjects tells them apart
without opening them (tester's finding), and sees the result (it said 考试预约结果（科目二） only).
Placed and unplaced notices alike."""
from __future__ import annotations

from datetime import date

from kiosk.services import allocation_service, messaging
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, book, sessions
from tests.integration.test_booking_allocation import shrink


def test_each_subjects_result_says_its_subject_in_the_title(env, people) -> None:
    p = people["permit_expiring"]
    aid = account_id(env, p)
    two = sessions(env, p, 2, "2026-12-04", "2026-12-04")[0]
    three = sessions(env, p, 3, "2026-12-09", "2026-12-09")[0]
    k2 = book(env, p, BookingRequest(2, "self", (two.id,)))
    k3 = book(env, p, BookingRequest(3, "self", (three.id,)))
    shrink(env, three.id, 0)  # the 科目三 session is taken away: not placed
    env.clock.advance(days=1)
    assert allocation_service.run(env, date(2026, 12, 2)).placed == 1
    env.clock.advance(days=5)
    assert allocation_service.run(env, date(2026, 12, 7)).unplaced == 1
    mine = (k2.serial_no, k3.serial_no)
    results = {m.title: m.body for m in messaging.inbox(env, aid)
               if any(serial in m.body for serial in mine) and "（受理中）" not in m.title}
    assert set(results) == {"科目二考试预约（预约成功）", "科目三考试预约（未安排）"}
    assert results["科目二考试预约（预约成功）"].startswith(f"您的科目二考试预约（业务流水号{k2.serial_no}）预约成功：")
    assert results["科目三考试预约（未安排）"].startswith(f"您的科目三考试预约（业务流水号{k3.serial_no}）未安排考试：")
    taken = [m.title for m in messaging.inbox(env, aid) if any(serial in m.body for serial in mine)
             and "（受理中）" in m.title]
    assert sorted(taken) == ["科目三考试预约（受理中）", "科目二考试预约（受理中）"]
