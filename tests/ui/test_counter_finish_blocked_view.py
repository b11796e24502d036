"""Pilot: at 120x40, Enter on an application whose 办结 is refused as too early shows the whole
message in view (tester: its last line, ...最早可于2026-12-03 10:00办结, was below the screen)."""
from __future__ import annotations

from textual.widgets import DataTable

from kiosk.services import applications
from kiosk.services.points_study import PointsStudy
from kiosk.ui.dialogs.choose import ChooseDialog
from tests.booking_helpers import account_id
from tests.ui.conftest import settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import look_up
from tests.ui.test_counter_staff_message import in_view


async def test_a_too_early_finish_is_said_whole_in_view(env, people):
    p = people["points_study"]
    serial = applications.submit(env, PointsStudy(), account_id(env, p), {"way": "网上学习"}).serial_no
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理学法减分")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#apps", DataTable)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ChooseDialog)
        said = str(app.screen.query_one("#app-error").render())
        assert said.startswith(f"{serial}不能办结：") and "最早可于" in said
        assert in_view(app, "#app-error")
