"""A clerk deactivated while signed in opens a counter screen from the 窗口工作台: a screen whose
first action reads data with the staff session is refused and signs the clerk out at once, with the
reason, as any other action does (tester: 考试成绩录入 opened with its list's line missing, and the
sign-out came only at the next action: its opening read swallowed the refusal)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import Staff
from kiosk.ui.screens.staff_home import StaffHomeScreen
from kiosk.ui.screens.staff_sign_in import StaffSignInScreen
from tests.ui.conftest import screen_error
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press

PASSWORDS = {"A0001": "kiosk-0001", "J1002": "kiosk-1002", "J1003": "kiosk-1003"}


def _deactivate(env, staff_no: str) -> None:  # type: ignore[no-untyped-def]
    """停用账户 at another counter meanwhile (A0001 too, which could not deactivate itself there)."""
    with env.db.write() as s:
        s.scalars(select(Staff).where(Staff.staff_no == staff_no)).one().active = False


# Every menu screen that reads with the staff session as it opens, with a clerk whose role opens it
@pytest.mark.parametrize(("staff_no", "menu"), [
    ("J1003", "m-results"), ("J1003", "m-plans"), ("J1003", "m-dashboard"), ("J1003", "m-audit"),
    ("J1002", "m-review"), ("A0001", "m-staff"),
])
async def test_opening_a_screen_signs_the_deactivated_clerk_out_at_once(env, staff_no, menu) -> None:
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, staff_no, PASSWORDS[staff_no])
        assert isinstance(app.screen, StaffHomeScreen)
        _deactivate(env, staff_no)
        await press(pilot, menu)
        assert isinstance(app.screen, StaffSignInScreen) and app.staff is None, menu
        assert "已退出登录：该工作人员账户已停用，请联系管理员" in screen_error(app)
