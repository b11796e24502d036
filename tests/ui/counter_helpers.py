"""Pilot helpers of the counter screen tests: press a button, look a citizen up, choose a staff row,
fill in an exam session, open 审核队列 or 工作人员账户, and the bookings and photos they start from."""
from __future__ import annotations

from datetime import timedelta

from textual.widgets import Button, DataTable, Select

from kiosk.config import ASSETS
from kiosk.services import elicence
from kiosk.services.booking_submit import BookingRequest
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.citizen import CitizenScreen
from kiosk.ui.screens.counter.review import ReviewScreen
from kiosk.ui.screens.counter.staff_admin import StaffAdminScreen
from tests.booking_helpers import account_id, book, sessions
from tests.ui.conftest import set_input, settle
from tests.ui.test_counter import _sign_in


SIZE = (150, 60)


async def press(pilot, button_id: str) -> None:
    pilot.app.screen.query_one(f"#{button_id}", Button).press()
    await settle(pilot)


async def create_confirmed(pilot) -> None:
    """工作人员账户's 创建账户, then 确认创建 in the question it asks first."""
    await press(pilot, "create")
    assert isinstance(pilot.app.screen, ConfirmDialog), "创建账户 asks first"
    await press(pilot, "yes")


async def look_up(pilot, citizen_id: str, reason: str) -> None:
    """From the staff home: 为群众办理, the citizen's ID number and the reason, 查询."""
    await press(pilot, "m-citizen")
    assert isinstance(pilot.app.screen, CitizenScreen)
    set_input(pilot.app, "id_number", citizen_id)
    set_input(pilot.app, "reason", reason)
    await press(pilot, "lookup")


async def choose_staff(pilot, staff_no: str) -> None:
    """工作人员账户: select ``staff_no``'s row with the keyboard (Enter on it)."""
    table = pilot.app.screen.query_one("#staff-rows", DataTable)
    table.focus()
    table.move_cursor(row=table.get_row_index(staff_no))
    await pilot.press("enter")
    await settle(pilot)


def menu_ids(app) -> set[str]:
    return {b.id for b in app.screen.query("#staff-menu Button")}


def priority_booked(env, p):  # type: ignore[no-untyped-def]
    """``p`` holds a 科目二 priority seat a few days ahead (cancelled only at a counter); its session."""
    today = env.clock.now().date()
    row = sessions(env, p, 2, f"{today + timedelta(days=3)}", f"{today + timedelta(days=20)}", priority=True)[0]
    book(env, p, BookingRequest(2, "priority", (row.id,)))
    return row


def queued_photo(env, people) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """吴霞 (no photo kept) sends a camera photo for her e-licence: (account id, serial in 审核队列)."""
    aid = account_id(env, people["no_photo"])
    return aid, elicence.apply_with_photo(env, aid, "camera", ASSETS / "photos" / "camera_1.png").serial_no


async def open_review(pilot, app) -> None:  # type: ignore[no-untyped-def]
    """The reviewer J1002 signs in and opens 审核队列."""
    await _sign_in(pilot, app, "J1002", "kiosk-1002")
    await press(pilot, "m-review")
    assert isinstance(app.screen, ReviewScreen)


async def open_staff_admin(pilot, app) -> None:  # type: ignore[no-untyped-def]
    """The administrator A0001 signs in and opens 工作人员账户."""
    await _sign_in(pilot, app, "A0001", "kiosk-0001")
    await press(pilot, "m-staff")
    assert isinstance(app.screen, StaffAdminScreen)


def fill_session(app, exam_date: str, *, opens_on: str, publish_on: str) -> None:
    """考试计划与安排's 新建场次 form: site 1, 10:00, 科目一, C1, 30 seats, on the days given."""
    app.screen.query_one("#site", Select).value = 1
    for name, value in (("exam_date", exam_date), ("start_time", "10:00"), ("subject", "1"), ("classes", "C1"),
                        ("seats", "30"), ("opens_on", opens_on), ("publish_on", publish_on)):
        set_input(app, name, value)
