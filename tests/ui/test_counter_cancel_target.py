"""Pilot: 为群众办理, cancelling a booking at the counter. The 取消事由 part names the booking the
list's cursor is on; Enter on a booking that cannot be cancelled (its exam over: 考试合格) says why at once and
leaves the focus on the row; after a cancellation the focus is back in the list, on that row, while
another booking may still be cancelled (after the last: the ID field, test_counter_next_citizen). A
citizen with no bookings (or no 网办 applications) reads 无, not an empty table's header."""
from __future__ import annotations

from textual.widgets import DataTable, Static

from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.citizen import CitizenScreen
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import add_learners, book, sessions
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import SIZE, look_up, priority_booked


def _text(app, wid: str) -> str:
    return str(app.screen.query_one(wid, Static).render())


def _row_of(app, status_word: str) -> int:
    table = app.screen.query_one("#bookings", DataTable)
    file = app.screen.file
    b = next(b for b in file.bookings if status_word in b.status_text)
    return table.get_row_index(str(b.id))


async def test_the_cancel_part_names_the_booking_and_enter_on_a_finished_one_says_why(env):
    learner = add_learners(env, 1, permit_left_days=100)[0]  # 科目一 done, 科目二 to book
    priority_booked(env, learner)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, learner.id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#bookings", DataTable)
        assert app.focused is table and table.row_count == 2
        placed = next(b for b in app.screen.file.bookings if b.status == "placed")
        target = _text(app, "#cancel-target")
        assert "科目二" in target and placed.serial_no in target and placed.when in target
        done_row = _row_of(app, "考试合格")
        table.move_cursor(row=done_row)
        await settle(pilot)
        target = _text(app, "#cancel-target")
        assert "科目一" in target and "考试合格" in target  # its result, as 网办进度 says
        assert target.endswith("  考试已结束，不能取消")  # why, a part of its own after the serial number
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is table and table.cursor_row == done_row  # no jump to 取消事由
        assert "所选预约（科目一，考试合格）不能取消" in _text(app, "#booking-error")
        table.move_cursor(row=_row_of(app, "预约成功"))
        await settle(pilot)
        assert _text(app, "#booking-error") == ""  # about the row that was left
        await pilot.press("enter")  # a booking that can be cancelled: its reason next
        await settle(pilot)
        assert app.focused is app.screen.query_one("#input-cancel_reason")


async def test_after_a_cancellation_the_focus_is_back_on_its_row(env, people):
    p = people["permit_expiring"]
    priority_booked(env, p)  # 科目二, and 科目三 too: one left to cancel after the other
    book(env, p, BookingRequest(3, "self", (sessions(env, p, 3, "2026-12-14", "2026-12-25")[0].id,)))
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#bookings", DataTable)
        assert app.focused is table and sum(b.status in ("pending", "placed") for b in app.screen.file.bookings) == 2
        first = app.screen.selected_booking()
        await pilot.press("enter")
        await settle(pilot)
        set_input(app, "cancel_reason", "考生本人申请取消")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen)
        assert app.focused is table and table.cursor_row == table.get_row_index(str(first.id))
        assert "已取消" in _text(app, "#cancel-target") and app.screen.query_one("#cancel-part").display
        # Tester (80x24): 已取消  业务流水号 2612030000000018（不能取消） read as a contradiction, the serial
        # glued to it: a cancelled booking says nothing more, its parts kept apart; Enter on it says why
        serial = first.serial_no or str(first.id)
        target = _text(app, "#cancel-target")
        assert "不能取消" not in target and f"  已取消  业务流水号 {serial}" in target
        assert f"{serial}（" not in target
        await pilot.press("enter")
        await settle(pilot)
        assert _text(app, "#booking-error") == f"所选预约（{first.subject_name}）已取消，无需再次取消"
        assert app.focused is table


async def test_no_bookings_and_no_applications_read_none(env, people):
    p = people["driver_normal"]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        assert not app.screen.file.bookings
        assert _text(app, "#bookings-title") == "考试预约：无"
        assert not app.screen.query_one("#bookings").display  # no header over nothing
        if not app.screen.file.applications:
            assert _text(app, "#apps-title") == "网办进度：无"
            assert not app.screen.query_one("#apps").display


async def test_at_80x24_why_a_booking_cannot_be_cancelled_is_in_view(env):
    learner = add_learners(env, 1, permit_left_days=100)[0]
    priority_booked(env, learner)
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, learner.id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#bookings", DataTable)
        table.focus()
        await settle(pilot)
        table.move_cursor(row=_row_of(app, "考试合格"))
        await pilot.press("enter")
        await settle(pilot)
        note = app.screen.query_one("#booking-error", Static)
        assert "不能取消" in str(note.render())
        page = app.screen.query_one(".form")
        assert page.region.contains_region(note.region)  # not under the bottom edge


async def test_at_80x24_the_selected_booking_keeps_its_serial_number_with_its_label(env, people):
    """Tester at 80x24 (王芳's priority booking): 所选预约：科目二  考试时间 ...  预约成功（未缴费）  业务流水号 /
    2612030000000013, the label at a line's end and its number alone below. Every row, as the line says it."""
    p = people["permit_expiring"]
    priority_booked(env, p)
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#bookings", DataTable)
        assert table.row_count == 2
        for row in range(table.row_count):
            table.move_cursor(row=row)
            await settle(pilot)
            b = app.screen.selected_booking()
            target = app.screen.query_one("#cancel-target", Static)
            target.scroll_visible(animate=False)
            await settle(pilot)
            lines = [line.rstrip() for line in screen_text(app).splitlines()]
            assert any(f"业务流水号 {b.serial_no}" in line for line in lines), lines
            assert not any(line.endswith("业务流水号") for line in lines), lines
