"""Pilot: 为群众办理, looking the same citizen up again. Every lookup, of the citizen on screen too,
puts the focus on the first thing to do (an application waiting, else a booking that can be
cancelled) and 所选预约 names that booking (tester: Enter again in 查询事由 left the focus there and the
old row selected, and each Enter logged another lookup). A lookup that fails after a file was shown
leaves no list behind (tester: the 网办进度 header stayed under the buttons, with no title and no row)."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Static

from tests.app_helpers import apply_for
from tests.booking_helpers import account_id, add_learners
from tests.ui.conftest import field_error, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import look_up, priority_booked


async def _enter_in_reason(pilot) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one("#input-reason", Input).focus()
    await pilot.press("enter")
    await settle(pilot)


async def test_a_second_lookup_of_the_same_citizen_focuses_the_booking_to_cancel(env):
    learner = add_learners(env, 1, permit_left_days=100)[0]  # a booking 考试合格 and one to cancel
    priority_booked(env, learner)
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, learner.id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#bookings", DataTable)
        placed = next(b for b in app.screen.file.bookings if b.status == "placed")
        placed_row = table.get_row_index(str(placed.id))
        table.move_cursor(row=1 - placed_row)  # the clerk looked at the other one
        await settle(pilot)
        await _enter_in_reason(pilot)
        assert app.focused is table and table.cursor_row == placed_row
        assert placed.serial_no in str(app.screen.query_one("#cancel-target", Static).render())


async def test_a_second_lookup_focuses_an_application_that_arrived_meanwhile(env, people, document_service):
    p = people["driver_normal"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        assert app.focused is app.screen.query_one("#input-id_number")  # nothing to do for them yet
        apply_for(env, document_service, account_id(env, p), where="自助终端")  # at a kiosk meanwhile
        await _enter_in_reason(pilot)
        apps = app.screen.query_one("#apps", DataTable)
        assert app.focused is apps and apps.cursor_row == 0


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_failed_lookup_after_a_file_leaves_no_list(env, people, document_service, size):
    p = people["driver_normal"]
    apply_for(env, document_service, account_id(env, p))
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        assert app.screen.query_one("#apps").display
        set_input(app, "id_number", "500112198808240557")  # a wrong check digit
        await _enter_in_reason(pilot)
        await _enter_in_reason(pilot)
        assert "校验位" in field_error(app, "id_number")
        for wid in ("#apps", "#bookings", "#apps-title", "#bookings-title", "#app-part", "#cancel-part",
                    "#booking-actions", "#file-actions"):
            widget = app.screen.query_one(wid)
            assert widget.region.height == 0, wid  # not laid out: nothing of it on screen


async def test_at_80x24_the_id_error_keeps_a_gap_to_the_reasons(env):
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, "500112198808240557", "本人到窗口办理业务")  # a wrong check digit
        assert "校验位" in field_error(app, "id_number")
        field, reasons = app.screen.query_one("#field-id_number"), app.screen.query_one("#field-reason").parent
        assert field.region.right + 2 <= reasons.region.x  # the two columns apart, as at 120x40
        line = next(line for line in screen_text(app).splitlines() if "常用事由（" in line)
        assert "校验位" in line and line.split("常用事由（")[0].endswith("  ")  # the error wrapped in its column
