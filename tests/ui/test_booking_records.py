"""Pilot: 取消考试预约, 考试费缴纳 and 考试预约凭证 for demo citizens."""
from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select
from textual.widgets import DataTable, Select

from kiosk.db.models import Booking
from kiosk.domain.ids import mask_id
from kiosk.services import allocation_service, cancellation, certificates
from kiosk.services.booking_submit import BookingRequest
from kiosk.ui.screens.booking.results import ResultsScreen
from kiosk.ui.screens.records import ProgressScreen
from tests.booking_helpers import account_id, book, sessions
from tests.ui.conftest import field_error, screen_error, screen_text, set_input, settle, sign_in


def placed_on_12_04(env, p):  # type: ignore[no-untyped-def]
    """A 科目二 booking of ``p`` for the first 2026-12-04 session, placed by the 12-02 allocation."""
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-04")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    env.clock.advance(days=1)
    assert allocation_service.run(env, date(2026, 12, 2)).placed == 1
    return rows, done


async def open_entry(pilot, env, p, key: str) -> None:
    await sign_in(pilot, env, p.id_number, p.phone)
    await pilot.click(f"#menu-{key}")
    await settle(pilot)


async def test_cancel_says_the_new_ranking_time_before_confirming(kiosk_app, env, people):
    p = people["permit_expiring"]
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await open_entry(pilot, env, p, "exam_cancel")
        assert done.serial_no in screen_text(kiosk_app)
        detail = str(kiosk_app.screen.query_one("#detail").render())  # what was applied for, not just 待安排
        assert f"申请内容：考试场次：{rows[0].exam_date:%Y-%m-%d} {rows[0].start_time:%H:%M} {rows[0].site_name}" in detail
        await pilot.click("#action")
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "排序时间将变为确认取消的时间" in text
        assert kiosk_app.focused is kiosk_app.screen.query_one("#confirm-no")  # the safe choice
        await pilot.click("#confirm-no")  # changed their mind: nothing happens
        await settle(pilot)
        with env.db.read() as s:
            assert s.get(Booking, done.booking_id).status == "pending"
        await pilot.click("#action")
        await settle(pilot)
        await pilot.click("#confirm-yes")
        await settle(pilot)
        text = screen_text(kiosk_app)
        flat = "".join(text.split())
        assert "已取消" in flat and re.search(r"排序时间已变为本次取消预约的时间（2026-12-0109:0\d），重新预约时按此时间排序。", flat)
        assert "受理中" not in text  # the cancelled booking's detail is gone with it
        assert not kiosk_app.screen.query_one("#action").display
        await pilot.click("#back")
        await settle(pilot)
        await pilot.click("#menu-progress")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ProgressScreen)
        lines = screen_text(kiosk_app).splitlines()
        cancelled = next(i for i, line in enumerate(lines) if "已取消  申请人于" in line)
        column = lines[cancelled].index("申请人于")
        assert lines[cancelled + 1][:column].strip() == ""  # the note wraps under itself, not under the time
        assert "…" not in screen_text(kiosk_app)
    with env.db.read() as s:
        b = s.get(Booking, done.booking_id)
        assert b.status == "cancelled" and b.cancelled_at is not None


async def test_priority_booking_is_cancelled_at_a_counter(kiosk_app, env, people):
    """Before pressing anything the citizen reads why a booking cannot be cancelled online (the
    cancellation service's own reason) and is offered no cancel button for it."""
    p = people["permit_expiring"]
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06", priority=True)
    book(env, p, BookingRequest(2, "priority", (rows[0].id,)))
    normal = [r for r in sessions(env, p, 3, "2026-12-04", "2026-12-06") if r.exam_date != rows[0].exam_date]
    book(env, p, BookingRequest(3, "self", (normal[0].id,)))  # not on the day of the other exam
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await open_entry(pilot, env, p, "exam_cancel")
        screen = kiosk_app.screen
        priority_row = next(i for i, r in enumerate(screen.rows) if r.mode_text == "优先预约")
        table = screen.query_one("#bookings")
        table.move_cursor(row=priority_row)
        await settle(pilot)
        reason = cancellation.preview(env, account_id(env, p), screen.rows[priority_row].id).message
        assert "优先预约不能在网上取消" in reason
        detail = "".join(str(screen.query_one("#detail").render()).split())
        assert reason in detail and "不能在网上取消：优先预约" not in detail  # said once, not twice (tester)
        assert not screen.query_one("#action").display  # no button that the service would refuse
        table.move_cursor(row=1 - priority_row)  # the normal booking, which may be cancelled online
        await settle(pilot)
        assert screen.query_one("#action").display and not screen.query_one("#action").disabled
        assert "不能在网上取消" not in str(screen.query_one("#detail").render())
        assert screen_error(kiosk_app) == ""


async def test_a_placed_booking_says_why_before_any_press(kiosk_app, env, people):
    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await open_entry(pilot, env, p, "exam_cancel")
        screen = kiosk_app.screen
        assert [r.status for r in screen.rows] == ["placed"]
        detail = "".join(str(screen.query_one("#detail").render()).split())
        assert "预约结果已公布，本预约已不能在网上取消。" in detail and "不能在网上取消：" not in detail
        assert not screen.query_one("#action").display


async def test_fee_and_certificate_after_allocation(kiosk_app, env, people):
    p = people["permit_expiring"]
    rows, done = placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await open_entry(pilot, env, p, "exam_fee")
        assert "未缴费" in screen_text(kiosk_app)
        await pilot.click("#action")
        await settle(pilot)
        assert "150元" in screen_text(kiosk_app)
        await pilot.click("#confirm-yes")
        await settle(pilot)
        assert "缴费成功" in screen_text(kiosk_app) and "支付流水号" in screen_text(kiosk_app)
        await pilot.click("#back")
        await settle(pilot)
        await pilot.click("#menu-exam_certificate")
        await settle(pilot)
        await pilot.click("#action")
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "机动车驾驶人考试预约凭证" in text and done.serial_no in text and "已缴纳" in text
        path = certificates.folder_of(env) / f"exam_certificate_{done.serial_no}.txt"
        assert "居民身份证" in path.read_text(encoding="utf-8")
        assert path.name not in text and str(env.settings.data_dir) not in text  # no file nor folder on screen
        await pilot.click("#back")
        await settle(pilot)
        await pilot.click("#menu-progress")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ProgressScreen)
        text = screen_text(kiosk_app)
        assert "已缴费" in text and "预约成功" in text and "支付流水号" in text
    with env.db.read() as s:
        assert s.scalars(select(Booking.fee_paid_at).where(Booking.id == done.booking_id)).one() is not None


async def test_published_results_by_date_and_site(kiosk_app, env, people):
    p = people["permit_expiring"]
    rows, _ = placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await open_entry(pilot, env, p, "exam_results")
        assert isinstance(kiosk_app.screen, ResultsScreen)
        set_input(kiosk_app, "exam_date", "2026-12-03")
        await pilot.click("#query")
        await settle(pilot)
        assert "暂无已公布的考试预约结果" in screen_text(kiosk_app)
        assert not kiosk_app.screen.query_one(DataTable).display
        set_input(kiosk_app, "exam_date", "2026-12-04")
        kiosk_app.screen.query_one(Select).value = rows[0].site_id
        await pilot.click("#query")
        await settle(pilot)
        assert "考试预约成功共1人" in screen_text(kiosk_app)
        table = kiosk_app.screen.query_one(DataTable)
        assert [str(c) for c in table.get_row_at(0)] == ["2026-12-04", f"{rows[0].start_time:%H:%M}", rows[0].site_name,
                                                         "科目二", "王*", mask_id(p.id_number)]  # masked
        set_input(kiosk_app, "exam_date", "12月4日")
        await pilot.click("#query")
        await settle(pilot)
        example = kiosk_app.screen.query_one("#field-exam_date").example  # the day the field shows as its example
        assert f"请按 {example:%Y-%m-%d} 的格式输入日期" in field_error(kiosk_app, "exam_date")  # next to the field
        assert "共1人" not in screen_text(kiosk_app) and not table.display  # nothing left from 12-04


async def test_results_open_on_the_day_of_the_citizen_s_exam(kiosk_app, env, people):
    """Not tomorrow (12-03, a day the citizen has no exam): the day of their placed exam, so 查询
    at once shows their published result."""
    p = people["permit_expiring"]
    placed_on_12_04(env, p)  # today is 12-02
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await open_entry(pilot, env, p, "exam_results")
        assert kiosk_app.screen.query_one("#input-exam_date").value == "2026-12-04"
        await pilot.click("#query")
        await settle(pilot)
        assert "2026-12-04 考试预约成功共1人" in screen_text(kiosk_app)


async def test_the_fee_status_fits_in_the_table_at_80x24(kiosk_app, env, people):
    """At 80 columns the table's last column is cut; 状态 (未缴费) comes before it."""
    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await open_entry(pilot, env, p, "exam_fee")
        row = next(line for line in screen_text(kiosk_app).splitlines() if "科目二" in line and "2612" in line)
        assert "预约成功（未缴费）" in row


async def test_results_of_a_chongqing_driver_at_80x24(kiosk_app, env, people):
    """Tester (a citizen with a licence, no learner permit, 80x24): the date offered (today) had no
    results and the answer named no day that had; the site list offered the 连云港 sites. Now the
    date is the latest day with results in the citizen's city (the licence's 发证机关's), a day
    without any names the latest that have some, and only that city's sites are offered."""
    p = people["driver_normal"]  # 刘洋, 重庆市公安局交通管理局
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await open_entry(pilot, env, p, "exam_results")
        assert isinstance(kiosk_app.screen, ResultsScreen)
        day = kiosk_app.screen.query_one("#input-exam_date").value
        assert day and day < "2026-12-01"  # today (12-01) has none
        options = [str(label) for label, _value in kiosk_app.screen.query_one(Select)._options]  # noqa: SLF001
        assert options and not any("连云港" in o for o in options)
        await pilot.click("#query")
        await settle(pilot)
        assert f"{day} 考试预约成功共" in screen_text(kiosk_app)
        set_input(kiosk_app, "exam_date", "2026-12-01")
        await pilot.click("#query")
        await settle(pilot)
        assert f"暂无已公布的考试预约结果。最近已公布：{day}" in screen_text(kiosk_app).replace("\n", "")
