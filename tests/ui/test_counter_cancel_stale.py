"""Pilot and service: the counter's 窗口取消所选预约 for a booking that another counter or the citizen
cancelled meanwhile (or that was not placed, or whose exam is over) says which, and when and where,
under the bookings list, and the file is read again (it said 该预约已结束或已取消 for all of them)."""
from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import update
from textual.widgets import DataTable

from kiosk.db.models import Booking
from kiosk.domain.errors import Conflict
from kiosk.services import cancellation, counter_bookings
from kiosk.services.booking_submit import BookingRequest
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.citizen import CitizenScreen
from tests.booking_helpers import account_id, book, sessions
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_booking_records_stale import CLERK
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import SIZE, look_up, press, priority_booked


def booking_error(app) -> str:  # type: ignore[no-untyped-def]
    return "".join(str(app.screen.query_one("#booking-error").render()).split())


async def test_cancelled_at_another_counter_while_this_clerk_confirms(env, people):
    p = people["permit_expiring"]
    priority_booked(env, p)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "取消考试预约")
        set_input(app, "cancel_reason", "考生本人申请取消")
        await press(pilot, "cancel-booking")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        (b,) = [b for b in app.screen_stack[-2].file.bookings if b.status == "placed"]
        counter_bookings.cancel(env, CLERK, account_id(env, p), b.id, "考生电话申请取消")  # the other counter
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen)
        said = booking_error(app)
        assert f"该科目二优先考试预约已于{env.clock.now():%Y-%m-%d%H:%M}在车管所窗口取消，无需再次取消" in said
        assert "已结束或已取消" not in screen_text(app)
        assert not app.screen.query_one("#cancel-part").display  # read again: nothing left to cancel
        # the refill's highlight of the same booking coming after that (CI, under load) keeps it
        table = app.screen.query_one("#bookings", DataTable)
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        table.post_message(DataTable.RowHighlighted(table, table.cursor_row, row_key))
        await settle(pilot)
        assert booking_error(app) == said


def test_each_refusal_says_what_became_of_the_booking(env, people):
    p = people["permit_expiring"]
    aid = account_id(env, p)
    rows = sessions(env, p, 3, "2026-12-04", "2026-12-06")
    done = book(env, p, BookingRequest(3, "self", (rows[0].id,)))
    kiosk2 = dataclasses.replace(env, settings=dataclasses.replace(env.settings, terminal_id="test-kiosk-2"))
    cancellation.cancel(kiosk2, aid, done.booking_id)
    with pytest.raises(Conflict, match=f"该科目三考试预约已于{env.clock.now():%Y-%m-%d %H:%M}由申请人在自助终端取消"):
        counter_bookings.cancel(env, CLERK, aid, done.booking_id, "考生本人申请取消")
    for status, reason, said in (("unplaced", "所选场次考位已满", "该科目三考试预约未安排考试（所选场次考位已满），没有占用考位，无需取消"),
                                 ("done", None, "该科目三考试预约的考试已结束，不能取消")):
        with env.db.write() as s:
            s.execute(update(Booking).where(Booking.id == done.booking_id).values(status=status, unplaced_reason=reason))
        with pytest.raises(Conflict) as err:
            counter_bookings.cancel(env, CLERK, aid, done.booking_id, "考生本人申请取消")
        assert err.value.message == said
