"""Pilot: 为群众办理 while the citizen pays the fee at a kiosk: the question before 窗口取消所选预约 is
built from the file read again (it said 预约成功（未缴费） and nothing of the refund), and the file on
screen refreshes by itself (its rows said 未缴费 until the clerk looked the citizen up again)."""
from __future__ import annotations

from kiosk.services import fees
from kiosk.services.booking_submit import BookingRequest
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.citizen import CitizenScreen
from tests.booking_helpers import account_id, book, sessions
from tests.ui.conftest import set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import SIZE, look_up, press


def _unpaid_booking(env, p) -> int:  # type: ignore[no-untyped-def]
    row = sessions(env, p, 3, "2026-12-04", "2026-12-06", priority=True)[0]
    return book(env, p, BookingRequest(3, "priority", (row.id,))).booking_id


def _row_status(app, screen=None) -> str:  # type: ignore[no-untyped-def]
    return " ".join(str(c) for c in (screen or app.screen).query_one("#bookings").get_row_at(0))


async def test_the_cancel_question_says_the_fee_paid_at_a_kiosk_meanwhile(env, people):
    p = people["permit_expiring"]
    booking = _unpaid_booking(env, p)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "取消考试预约")
        assert "预约成功（未缴费）" in _row_status(app)
        fees.pay(env, account_id(env, p), booking)  # the citizen at a kiosk
        set_input(app, "cancel_reason", "考生本人申请取消")
        await press(pilot, "cancel-booking")
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#question").render())
        assert "状态：预约成功（已缴费）" in question and "已缴纳的考试费将予退还（原路退回）。" in question
        assert "未缴费" not in question
        assert "预约成功（已缴费）" in _row_status(app, app.screen_stack[-2])  # the row under it too
        await pilot.click("#no")
        await settle(pilot)
        assert "预约成功（已缴费）" in _row_status(app)


async def test_the_file_on_screen_refreshes_by_itself(env, people):
    p = people["permit_expiring"]
    booking = _unpaid_booking(env, p)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "取消考试预约")
        screen = app.screen
        assert isinstance(screen, CitizenScreen)
        focused = app.focused
        screen._live()  # what the timer does; unchanged: nothing moves
        await settle(pilot)
        assert "预约成功（未缴费）" in _row_status(app) and app.focused is focused
        fees.pay(env, account_id(env, p), booking)
        screen._live()
        await settle(pilot)
        assert "预约成功（已缴费）" in _row_status(app)
        assert app.focused is focused  # the clerk's place kept
