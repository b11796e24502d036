"""Pilot: 考试费缴纳 and 考试预约凭证 say what fits: no 【缴纳考试费】 to press once paid, and the saved
certificate in a citizen's words (where to print it; no file name)."""
from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable

from kiosk.services import certificates
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import book, sessions
from tests.ui.conftest import screen_text, settle
from tests.ui.test_booking_records import open_entry, placed_on_12_04
from tests.ui.test_booking_small_screen import press
from tests.ui.test_booking_wizard import shown


async def test_after_paying_the_hint_no_longer_asks_to_press_a_button_that_is_gone(kiosk_app, env, people):
    """Tester 7: 「选择一项，点击【缴纳考试费】」 stayed after paying though the button had gone."""
    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_fee")
        assert "点击【缴纳考试费】" in shown(kiosk_app, "#status")
        await press(pilot, "action")
        await press(pilot, "confirm-yes")
        status = shown(kiosk_app, "#status")
        assert not kiosk_app.screen.query_one("#action").display
        assert "缴纳考试费】" not in status and "考试费均已缴纳，无需再缴费" in status
        await press(pilot, "back")
        await pilot.click("#menu-exam_fee")  # opened again later: the same
        await settle(pilot)
        assert "考试费均已缴纳，无需再缴费" in shown(kiosk_app, "#status")


async def test_the_saved_certificate_is_said_in_a_citizen_s_words(kiosk_app, env, people):
    """Tester 8: 「凭证已保存为文件：exam_certificate_....txt」 meant nothing to a citizen."""
    p = people["permit_expiring"]
    _rows, done = placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_certificate")
        await press(pilot, "action")
        text = "".join(screen_text(kiosk_app).split())
        assert f"预约凭证已保存，可凭业务流水号{done.serial_no}到车管所窗口打印" in text
        assert "凭证已保存为文件" not in text


async def test_the_certificate_names_no_file(kiosk_app, env, people):
    """Tester: 「（窗口打印用文件：exam_certificate_....txt）」 under the certificate, even in small print,
    is nothing a citizen can act on; the clerk prints it from the citizen's bookings, not by its name.
    The file is still written."""
    p = people["permit_expiring"]
    _rows, done = placed_on_12_04(env, p)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_certificate")
        await press(pilot, "action")
        text = screen_text(kiosk_app)
        assert "机动车驾驶人考试预约凭证" in text and "到车管所窗口打印" in text
        assert "exam_certificate_" not in text and ".txt" not in text and "文件" not in text
        saved = certificates.folder_of(env) / f"exam_certificate_{done.serial_no}.txt"
        assert saved.read_text(encoding="utf-8").startswith("机动车驾驶人考试预约凭证")


@pytest.mark.parametrize("entry", ["exam_fee", "exam_certificate"])
async def test_the_bookings_are_listed_by_exam_time_with_the_soonest_first(kiosk_app, env, people, entry):
    """Tester: listed by application time, the 科目三 booked last (2026-12-19) came before the 科目二
    exam on 2026-12-04; the soonest exam comes first now, with the cursor on it."""
    p = people["permit_expiring"]
    placed_on_12_04(env, p)
    later = sessions(env, p, 3, "2026-12-19", "2026-12-20", priority=True)
    book(env, p, BookingRequest(3, "priority", (later[0].id,)))  # a seat at once: placed, applied for last
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, entry)
        screen = kiosk_app.screen
        assert [r.exam_at.date() for r in screen.rows] == [date(2026, 12, 4), later[0].exam_date]
        table = screen.query_one("#bookings", DataTable)
        assert table.cursor_row == 0 and kiosk_app.focused is table
        assert "科目二" in shown(kiosk_app, "#detail") and "2026-12-04" in shown(kiosk_app, "#detail")
