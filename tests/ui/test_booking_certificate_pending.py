"""Pilot: 考试预约凭证 while the citizen's only booking waits for allocation (受理中, before its
publication day). Tester: it said only 您没有预约成功的考试，预约成功后才能打印预约凭证。, which read
as no booking at all; it names the booking and the day its result is published."""
from __future__ import annotations

from datetime import date

from kiosk.domain.dates import format_date
from kiosk.services import booking_records, booking_submit
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, book, sessions
from tests.ui.test_booking_records import open_entry
from tests.ui.test_booking_wizard import shown


async def test_a_pending_booking_is_named_with_its_publication_day(kiosk_app, env, people):
    p = people["k2_ready"]  # 陈晨
    rows = sessions(env, p, 2, "2026-12-07", "2026-12-09")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    [view] = [v for v in booking_records.my_bookings(env, account_id(env, p)) if v.status == "pending"]
    assert view.status == "pending" and len(view.publish_days) == 1 and view.publish_days[0] > env.clock.now().date()
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await open_entry(pilot, env, p, "exam_certificate")
        status = "".join(shown(kiosk_app, "#status").split())
        assert (f"您的科目二考试预约（业务流水号{done.serial_no}）正在受理中，预约结果将于"
                f"{format_date(view.publish_days[0])}公布，预约成功后才能打印预约凭证。") == status


async def test_a_system_booking_over_several_plans_names_their_days(kiosk_app, env, people):
    """服从系统安排 over a range whose sessions are in plans published on different days: the days
    step 确认并提交 named (booking_submit.check), said as they follow one another."""
    p = people["k2_ready"]  # 陈晨
    req = BookingRequest(2, "system", (), date.fromisoformat("2026-12-07"), date.fromisoformat("2026-12-20"))
    checked = booking_submit.check(env, account_id(env, p), req)
    done = book(env, p, req)
    [view] = [v for v in booking_records.my_bookings(env, account_id(env, p)) if v.status == "pending"]
    assert len(view.publish_days) > 1 and format_date(view.publish_days[0]) == format_date(checked.publish_on)
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await open_entry(pilot, env, p, "exam_certificate")
        status = "".join(shown(kiosk_app, "#status").split())
        assert f"（业务流水号{done.serial_no}）正在受理中，预约结果将在{checked.publish_text}依次公布，" in status
