"""Pilot: 修改初始密码 with 新密码, Enter and 确认新密码 typed in one burst (a fast typist, a paste,
tmux): the keys after Enter go to 确认新密码 once 新密码 is accepted; after a refused 新密码 they go
nowhere (the refusal beside the empty 新密码, the focus in it), as after Tab."""
from __future__ import annotations

from kiosk.ui.screens.staff_home import StaffHomeScreen
from tests.ui.conftest import field_error, settle
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_first_password_fields import INITIAL, SAME, _at_the_change, _inputs
from tests.ui.test_typed_in_a_burst import burst


async def test_keys_after_enter_go_to_the_confirmation_once_accepted(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _at_the_change(pilot, app)
        new, confirm = _inputs(app)
        await burst(pilot, *"mine2028x", "enter", *"mine2028x")
        assert field_error(app, "new_password") == ""
        assert new.value == "mine2028x" and confirm.value == "mine2028x" and app.focused is confirm
        await burst(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)


async def test_keys_after_enter_stay_out_of_a_refused_new_password(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _at_the_change(pilot, app)
        new, confirm = _inputs(app)
        await burst(pilot, *INITIAL, "enter", *INITIAL)
        assert field_error(app, "new_password") == SAME
        assert new.value == "" and confirm.value == "" and app.focused is new
        await burst(pilot, *"mine2028x", "enter", *"mine2028x", "enter")
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)
