"""Pilot: 工作人员账户 says what an action did in a line of its own under the page, as 为群众办理 does,
not in a notification over the page's bottom right that went after 5 seconds; the next action
takes the line away."""
from __future__ import annotations

import pytest
from textual.widgets import Static

from kiosk.ui.screens.counter.staff_admin import StaffAdminScreen
from tests.ui.conftest import field_error, screen_text, set_input
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_screens import choose_staff, press


def said(app) -> str:  # type: ignore[no-untyped-def]
    """The line under 工作人员账户 (also while a dialog is over it); "" when it is not shown."""
    screen = next(s for s in app.screen_stack if isinstance(s, StaffAdminScreen))
    line = screen.query_one("#staff-message", Static)
    return str(line.render()) if line.display else ""


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_what_an_action_did_is_said_under_the_page(env, size):
    app = counter_app(env)
    async with app.run_test(size=size, notifications=True) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        await choose_staff(pilot, "J1001")
        set_input(app, "reset_password", "newpass123")
        await press(pilot, "reset")
        assert said(app) == "J1001 的密码已重置，失败次数和锁定已清除"
        assert not app.screen.query("Toast") and not app._notifications  # noqa: SLF001
        line = app.screen.query_one("#staff-message", Static)
        assert line.region.bottom == size[1] and line.region.height > 0  # on screen, at its bottom
        assert "J1001 的密码已重置" in screen_text(app)
        await pilot.pause(6)  # not gone after 5 seconds
        assert said(app) == "J1001 的密码已重置，失败次数和锁定已清除"
        await press(pilot, "reset-pin")  # another action: the line of the last one goes
        assert said(app) == "" and "PIN码" in field_error(app, "reset_pin")  # refused: nothing said of the last one
        await press(pilot, "deactivate")
        await press(pilot, "yes")
        assert said(app) == "账户 J1001 已停用"
