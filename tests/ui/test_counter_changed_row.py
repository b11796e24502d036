"""Pilot (tester, 120x40): after 确认取消 or 办结 the focus went to the ID field, the page stayed at its
top and the 网办进度 row the action had just changed (已取消, 已办结) was under the line saying what was
done: 「网办进度：」, a blank row, then the line. The row changed is in view above the line, whole."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Static

from kiosk.services import counter_applications
from kiosk.services.staff import StaffSession
from tests.app_helpers import apply_for
from tests.booking_helpers import account_id
from tests.ui.conftest import set_input, settle
from tests.ui.counter_helpers import look_up, press, priority_booked
from tests.ui.test_counter import _sign_in, counter_app

CLERK = StaffSession("J1001", "王警官", ("counter",))


def assert_row_in_view(app, serial: str) -> None:  # type: ignore[no-untyped-def]
    """``serial``'s 网办进度 row is on screen, above the line under the page (not under it)."""
    table = app.screen.query_one("#apps", DataTable)
    row = table._get_row_region(table.get_row_index(serial))  # noqa: SLF001
    top = table.region.y + row.y - round(table.scroll_y)
    line = app.screen.query_one("#citizen-message", Static).region
    page = app.screen.query_one("VerticalScroll").region
    assert line.height > 0
    assert page.y <= top and top + row.height <= line.y, (top, line, page)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_cancelled_row_is_in_view_above_the_line(env, people, document_service, size):
    p = people["permit_expiring"]
    priority_booked(env, p)
    aid = account_id(env, p)
    for _ in range(2):  # a longer 网办进度, done already (王芳 in the demo has her 科目一 row too)
        counter_applications.refuse(env, CLERK, aid, apply_for(env, document_service, aid, "邮寄"), "申请人要求撤回")
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        bookings = app.screen.query_one("#bookings", DataTable)
        booking = str(bookings.coordinate_to_cell_key((0, 0)).row_key.value)
        cancelled = next(b.serial_no for b in app.screen.file.bookings if str(b.id) == booking)
        set_input(app, "cancel_reason", "考生本人因病申请取消")
        await press(pilot, "cancel-booking")
        await press(pilot, "yes")
        await settle(pilot)
        assert isinstance(app.focused, Input)  # nothing left to do: the ID field for the next citizen
        if size == (120, 40):
            assert_row_in_view(app, cancelled)
        else:  # 80x24: not both fit; the focus is in view
            assert app.focused.region.bottom <= app.screen.query_one("#citizen-message").region.y
