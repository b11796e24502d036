"""A 服从系统安排 range of one day is written as that day (tester: 确认并提交 and the result page read
预约时间段：2026年12月7日至2026年12月7日), wherever the range is shown: the summary (确认并提交, the
result page, 申请内容 in the citizen's records) and the counter's lists and cancel question."""
from __future__ import annotations

from datetime import date

from kiosk.services import booking_records, booking_submit
from kiosk.services.booking_submit import BookingRequest
from kiosk.ui.screens.counter.citizen_actions import exam_time_lines, wanted_line
from kiosk.ui.screens.counter.citizen_summary import time_and_site
from tests.booking_helpers import account_id, book

ONE_DAY = date(2026, 12, 4)


def test_a_one_day_range_reads_as_that_day_everywhere(env, people):
    p = people["permit_expiring"]
    aid = account_id(env, p)
    request = BookingRequest(2, "system", (), ONE_DAY, ONE_DAY)
    assert dict(booking_submit.check(env, aid, request).summary)["预约时间段"] == "2026年12月4日"
    done = book(env, p, request)
    assert ("预约时间段", "2026年12月4日") in done.summary  # the result page
    with env.db.read() as s:
        view = booking_records.view_in(s, aid, done.booking_id)
    assert "预约时间段：2026年12月4日" in view.asked
    place = view.wanted_place
    assert view.wanted == (f"2026-12-04 {place}",)
    assert wanted_line(view) == f"服从系统安排，预约时间段：2026-12-04  考场：{place}"
    assert exam_time_lines(view).endswith(f"\n  预约时间段：2026-12-04  考场：{place}")
    assert time_and_site(view) == ("待安排：12-04", place)


def test_a_longer_range_still_reads_as_a_range(env, people):
    p = people["permit_expiring"]
    done = book(env, p, BookingRequest(2, "system", (), ONE_DAY, date(2026, 12, 6)))
    assert ("预约时间段", "2026年12月4日至2026年12月6日") in done.summary
    with env.db.read() as s:
        view = booking_records.view_in(s, account_id(env, p), done.booking_id)
    assert time_and_site(view)[0] == "待安排：12-04至12-06"
    assert view.wanted[0].startswith("2026-12-04至2026-12-06 ")


def test_a_one_day_range_kept_before_reads_as_that_day_too():
    """Bookings made before kept the summary as shown then (2026年12月4日至2026年12月4日)."""
    kept = {"summary": ["姓名：王*", "预约时间段：2026年12月4日至2026年12月4日", "考试场地：不限考场（服从系统安排）"]}
    assert booking_records._asked(kept) == ("预约时间段：2026年12月4日", "考试场地：不限考场（服从系统安排）")  # noqa: SLF001
    kept = {"summary": ["预约时间段：2026年12月4日至2026年12月6日"]}
    assert booking_records._asked(kept) == ("预约时间段：2026年12月4日至2026年12月6日",)  # noqa: SLF001
