"""Pilot: 为群众办理 while the citizen acts at a kiosk on the booking the clerk is on. The file's live
reload (every 5 seconds) neither moves the focus nor scrolls the page while what has the focus is
still there; when it went (取消事由 with the cancel part, the booking cancelled at a kiosk) the
bookings list takes it, not 身份证号码 (the clerk's next keys went there, its text selected). The
line under the list says what the citizen did (it said nothing)."""
from __future__ import annotations

from textual.containers import VerticalScroll

from kiosk.services import cancellation, fees
from kiosk.services.booking_submit import BookingRequest
from kiosk.ui.screens.counter.citizen import CitizenScreen
from tests.booking_helpers import account_id, book, sessions
from tests.ui.conftest import set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_cancel_stale import booking_error
from tests.ui.counter_helpers import look_up


async def test_cancelled_at_a_kiosk_while_the_clerk_types_the_reason(env, people):
    p = people["permit_expiring"]
    rows = sessions(env, p, 3, "2026-12-14", "2026-12-25")
    booking = book(env, p, BookingRequest(3, "self", (rows[0].id,))).booking_id
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "取消考试预约")
        screen = app.screen
        assert isinstance(screen, CitizenScreen)
        screen.query_one("#input-cancel_reason").focus()
        set_input(app, "cancel_reason", "考生申请")
        await settle(pilot)
        cancellation.cancel(env, account_id(env, p), booking)  # the citizen at a kiosk
        screen._live()  # what the timer does
        await settle(pilot)
        assert not screen.query_one("#cancel-part").display  # nothing left to cancel
        assert app.focused is screen.query_one("#bookings")  # near the part that went, not the ID field
        assert screen.query_one("#input-id_number").value == p.id_number
        said = booking_error(app)
        assert f"该科目三考试预约已于{env.clock.now():%Y-%m-%d%H:%M}由本人在自助终端取消。" in said
        await pilot.press("x")  # the clerk's next key goes nowhere harmful
        await settle(pilot)
        assert screen.query_one("#input-id_number").value == p.id_number


async def test_paid_at_a_kiosk_neither_moves_the_focus_nor_scrolls(env, people):
    p = people["permit_expiring"]
    row = sessions(env, p, 3, "2026-12-04", "2026-12-06", priority=True)[0]
    booking = book(env, p, BookingRequest(3, "priority", (row.id,))).booking_id
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "取消考试预约")
        screen = app.screen
        field = screen.query_one("#input-cancel_reason")
        field.focus()
        set_input(app, "cancel_reason", "考生申请")
        await settle(pilot)
        page = screen.query_one(VerticalScroll)
        page.scroll_home(animate=False, immediate=True)  # the clerk scrolled up to read the summary
        await settle(pilot)
        assert page.scroll_y == 0
        fees.pay(env, account_id(env, p), booking)  # the citizen at a kiosk
        screen._live()
        await settle(pilot)
        assert "预约成功（已缴费）" in " ".join(str(c) for c in screen.query_one("#bookings").get_row_at(0))
        assert app.focused is field and field.value == "考生申请"
        assert page.scroll_y == 0  # not scrolled back to the field
        assert "该预约的考试费已由本人在自助终端缴纳，状态为预约成功（已缴费）。" in booking_error(app)
