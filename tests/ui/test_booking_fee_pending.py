"""Pilot: 考试费缴纳 while a booking waits for allocation (受理中, before its publication day). Tester:
it said only 您没有需要缴纳考试费的考试（预约成功后才能缴费）, which read as no booking at all; it names
the booking and the day its result is published, as 考试预约凭证 does
(test_booking_certificate_pending)."""
from __future__ import annotations

from kiosk.domain.dates import format_date
from kiosk.services import booking_records
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, book, sessions
from tests.ui.test_booking_records import open_entry, placed_on_12_04
from tests.ui.test_booking_wizard import shown


def _pending(env, p):  # type: ignore[no-untyped-def]
    [view] = [v for v in booking_records.my_bookings(env, account_id(env, p)) if v.status == "pending"]
    assert len(view.publish_days) == 1 and view.publish_days[0] > env.clock.now().date()
    return view


async def test_a_pending_booking_is_named_with_its_publication_day(kiosk_app, env, people):
    p = people["k2_ready"]  # 陈晨
    rows = sessions(env, p, 2, "2026-12-07", "2026-12-09")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    view = _pending(env, p)
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await open_entry(pilot, env, p, "exam_fee")
        status = "".join(shown(kiosk_app, "#status").split())
        assert (f"您的科目二考试预约（业务流水号{done.serial_no}）正在受理中，预约结果将于"
                f"{format_date(view.publish_days[0])}公布，预约成功后才能缴纳考试费。") == status
        assert not kiosk_app.screen.query_one("#action").display  # nothing to pay yet


async def test_a_payable_booking_stays_payable_and_the_pending_one_is_named_under_the_hint(kiosk_app, env, people):
    """王芳: 科目二 placed (its fee to pay, listed) and 科目三 still 受理中 (not listed: nothing to pay
    yet), named on the line under the hint."""
    p = people["permit_expiring"]
    _rows, placed = placed_on_12_04(env, p)
    later = sessions(env, p, 3, "2026-12-19", "2026-12-20")
    waiting = book(env, p, BookingRequest(3, "self", (later[0].id,)))
    view = _pending(env, p)
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await open_entry(pilot, env, p, "exam_fee")
        screen = kiosk_app.screen
        assert [r.serial_no for r in screen.rows] == [placed.serial_no]
        assert screen.query_one("#action").display
        status = "".join(shown(kiosk_app, "#status").split())
        assert status == ("以下为预约成功的考试。选择一项，点击【缴纳考试费】。"
                          f"您的科目三考试预约（业务流水号{waiting.serial_no}）正在受理中，预约结果将于"
                          f"{format_date(view.publish_days[0])}公布，预约成功后才能缴纳考试费。")
